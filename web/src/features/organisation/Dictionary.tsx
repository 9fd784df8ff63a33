/**
 * The competency dictionary: the national competencies read-only, the region's own teknis ones
 * editable (name, description and the five level descriptions), and a new one added.
 */
import { Badge, Button, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ScrollBox } from '../dashboard/ScrollBox';
import { type Competency, type TechnicalInput, useCreateTechnical, useUpdateTechnical } from './queries';

const emptyInput: TechnicalInput = { code: '', name: '', description: '', levels: ['', '', '', '', ''] };

function TechnicalForm({
  tenant,
  competency,
  onClose,
}: {
  tenant: string | undefined;
  competency: Competency | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const create = useCreateTechnical(tenant);
  const update = useUpdateTechnical(tenant);
  const [input, setInput] = useState<TechnicalInput>(
    competency
      ? { code: competency.code, name: competency.name, description: competency.description, levels: [...competency.levels] }
      : emptyInput,
  );
  const mutation = competency ? update : create;
  const fields = mutation.error && 'fields' in mutation.error ? (mutation.error.fields as Record<string, string>) : {};
  const submit = () => {
    if (competency)
      update.mutate(
        { competency, body: { name: input.name, description: input.description, levels: input.levels } },
        { onSuccess: onClose },
      );
    else create.mutate(input, { onSuccess: onClose });
  };
  return (
    <Dialog
      opened
      onClose={onClose}
      title={competency ? t('org.dict.editTitle', { name: competency.name }) : t('org.dict.newTitle')}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {competency ? null : (
            <TextInput
              label={t('org.dict.code')}
              value={input.code}
              onChange={(e) => setInput({ ...input, code: e.currentTarget.value })}
              error={fields.code}
              required
            />
          )}
          <TextInput
            label={t('org.dict.name')}
            value={input.name}
            onChange={(e) => setInput({ ...input, name: e.currentTarget.value })}
            error={fields.name}
            required
          />
          <Textarea
            label={t('org.dict.description')}
            value={input.description}
            onChange={(e) => setInput({ ...input, description: e.currentTarget.value })}
            error={fields.description}
            autosize
            minRows={2}
            required
          />
          {input.levels.map((level, i) => (
            <Textarea
              // The five levels are fixed positions, 1 to 5.
              // biome-ignore lint/suspicious/noArrayIndexKey: a level is its position
              key={i}
              label={t('org.dict.levelN', { n: i + 1 })}
              value={level}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setInput((v) => ({ ...v, levels: v.levels.map((l, j) => (j === i ? value : l)) }));
              }}
              error={fields[`levels.${i}`]}
              autosize
              minRows={1}
              required
            />
          ))}
          {mutation.error ? <ProblemAlert error={mutation.error} onReload={onClose} /> : null}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('org.dict.save')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('org.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export function Dictionary({ tenant, competencies }: { tenant: string | undefined; competencies: Competency[] }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Competency | 'new' | null>(null);
  const sorted = [...competencies].sort(
    (a, b) => a.scope.localeCompare(b.scope) || a.type.localeCompare(b.type) || a.code.localeCompare(b.code),
  );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('org.dict.intro')}
        </Text>
        <Button size="xs" onClick={() => setEditing('new')}>
          {t('org.dict.add')}
        </Button>
      </Group>
      <ScrollBox label={t('org.tab.dictionary')}>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('org.dict.name')}</Table.Th>
              <Table.Th scope="col">{t('org.dict.type')}</Table.Th>
              <Table.Th scope="col">{t('org.dict.scope')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text size="sm">{c.name}</Text>
                  <Text size="xs" c="dimmed">
                    {c.code}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`org.type.${c.type}`)}</Table.Td>
                <Table.Td>
                  {c.scope === 'tenant' ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setEditing(c)}
                      aria-label={t('org.dict.editOne', { name: c.name })}
                    >
                      {t('org.dict.edit')}
                    </Button>
                  ) : (
                    <Badge variant="outline" color="gray.8">
                      {t('org.dict.national')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
      {editing ? <TechnicalForm tenant={tenant} competency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
