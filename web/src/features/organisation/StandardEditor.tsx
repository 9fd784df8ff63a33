/**
 * A position's standard as an editable grid: competency × required level × weight. The draft
 * starts from the version read; saving sends that version, and when someone else saved in between
 * the answer is a 412, said as "changed by someone else" with a reload that starts a new draft.
 */
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ScrollBox } from '../dashboard/ScrollBox';
import { type Competency, type StandardLine, type Standards, useSaveStandards, useStandards } from './queries';

const levelOptions = ['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: l }));

type Save = ReturnType<typeof useSaveStandards>;

function Draft({
  save,
  standards,
  competencies,
  onReload,
}: {
  save: Save;
  standards: Standards & { etag: string };
  competencies: Competency[];
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [lines, setLines] = useState<StandardLine[]>(
    standards.standards.map((s) => ({ competency: s.competencyId, requiredLevel: s.requiredLevel, weight: s.weight })),
  );
  const [adding, setAdding] = useState<string | null>(null);
  const nameOf = (id: string) => competencies.find((c) => c.id === id) ?? standards.standards.find((s) => s.competencyId === id);
  const used = new Set(lines.map((l) => l.competency));
  const addable = competencies
    .filter((c) => c.status === 'active' && !used.has(c.id))
    .map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }));
  const change = (i: number, patch: Partial<StandardLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <Stack gap="sm">
      <ScrollBox label={t('org.tab.positions')}>
        <Table fz="sm" verticalSpacing={4} data-testid="standard-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('org.std.competency')}</Table.Th>
              <Table.Th scope="col">{t('org.std.level')}</Table.Th>
              <Table.Th scope="col">{t('org.std.weight')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('org.std.remove')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => {
              const name = nameOf(line.competency)?.name ?? line.competency;
              return (
                <Table.Tr key={line.competency}>
                  <Table.Td>
                    <Text size="sm">{name}</Text>
                    <Text size="xs" c="dimmed">
                      {nameOf(line.competency)?.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('org.std.levelOf', { name })}
                      data={levelOptions}
                      value={String(line.requiredLevel)}
                      onChange={(e) => change(i, { requiredLevel: Number(e.currentTarget.value) })}
                      w={72}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('org.std.weightOf', { name })}
                      value={line.weight}
                      onChange={(v) => change(i, { weight: typeof v === 'number' ? v : Number(v) || 0 })}
                      min={0.1}
                      max={100}
                      step={0.5}
                      decimalScale={2}
                      decimalSeparator=","
                      w={90}
                      error={save.error && line.weight <= 0 ? t('org.std.weightError') : undefined}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('org.std.removeOne', { name })}
                      onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollBox>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('org.std.empty')}
        </Text>
      ) : null}
      <Group align="flex-end" gap="xs">
        <Select
          label={t('org.std.add')}
          data={addable}
          value={adding}
          onChange={setAdding}
          searchable
          style={{ flex: 1, minWidth: 180 }}
          comboboxProps={{ withinPortal: false }}
        />
        <Button
          variant="light"
          disabled={!adding}
          onClick={() => {
            if (!adding) return;
            setLines((ls) => [...ls, { competency: adding, requiredLevel: 3, weight: 1 }]);
            setAdding(null);
          }}
        >
          {t('org.std.addButton')}
        </Button>
      </Group>
      {save.error ? <ProblemAlert error={save.error} onReload={onReload} /> : null}
      {save.isSuccess ? (
        <Text size="sm" c="teal.9" role="status">
          {t('org.std.saved')}
        </Text>
      ) : null}
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate({ standards: lines, etag: standards.etag })}>
          {t('org.std.save')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('org.std.version', { version: standards.version })}
        </Text>
      </Group>
    </Stack>
  );
}

export function StandardEditor({
  tenant,
  position,
  competencies,
}: {
  tenant: string | undefined;
  position: { id: string; name: string };
  competencies: Competency[];
}) {
  const standards = useStandards(tenant, position.id);
  const save = useSaveStandards(tenant, position.id);
  return (
    <QueryState query={standards} lines={4}>
      {(s) => (
        <Draft
          key={s.etag}
          save={save}
          standards={s}
          competencies={competencies}
          onReload={() => {
            save.reset();
            void standards.refetch();
          }}
        />
      )}
    </QueryState>
  );
}
