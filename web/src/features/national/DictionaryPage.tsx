/**
 * Kamus kompetensi: the national dictionary (managerial and social-cultural competencies) that
 * every region uses. Create, edit, retire (no new use; history keeps it) and reinstate.
 */
import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { CompetencyForm } from './CompetencyForm';
import { type Competency, type RetireFilter, useNationalCompetencies, useRetireCompetency } from './queries';
import { ScrollTable } from './ScrollTable';
import { StatusFilter } from './StatusFilter';

export function DictionaryPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<RetireFilter>('active');
  const list = useNationalCompetencies(status);
  const retire = useRetireCompetency();
  const [editing, setEditing] = useState<Competency | 'new'>();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('dictionary.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('dictionary.new')}</Button>
      </Group>
      <Text size="sm">{t('dictionary.intro')}</Text>
      <Section title={t('dictionary.listTitle')} action={<StatusFilter value={status} onChange={setStatus} />}>
        {retire.isError ? <ProblemAlert error={retire.error} /> : null}
        <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('curation.empty')}>
          {(data) => (
            <ScrollTable label={t('dictionary.listTitle')} minWidth={640}>
              <Table striped data-testid="dictionary-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('curation.code')}</Table.Th>
                    <Table.Th>{t('curation.name')}</Table.Th>
                    <Table.Th>{t('curation.type')}</Table.Th>
                    <Table.Th>{t('curation.status')}</Table.Th>
                    <Table.Th>{t('curation.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td ff="monospace">{c.code}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {c.name}
                      </Table.Th>
                      <Table.Td>{t(c.type === 'sosial_kultural' ? 'curation.type.sosial_kultural' : 'curation.type.manajerial')}</Table.Td>
                      <Table.Td>
                        <Badge color={c.status === 'retired' ? 'gray' : 'teal'} variant="light">
                          {t(`curation.status.${c.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(c)}
                            aria-label={t('curation.editNamed', { name: c.name })}
                          >
                            {t('curation.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color={c.status === 'retired' ? 'teal' : 'red'}
                            loading={retire.isPending && retire.variables?.code === c.code}
                            onClick={() => retire.mutate({ code: c.code, retire: c.status !== 'retired' })}
                            aria-label={t(c.status === 'retired' ? 'curation.reinstateNamed' : 'curation.retireNamed', { name: c.name })}
                          >
                            {t(c.status === 'retired' ? 'curation.reinstate' : 'curation.retire')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Section>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === 'new' ? t('dictionary.new') : t('curation.editNamed', { name: editing?.name ?? '' })}
        closeButtonProps={{ 'aria-label': t('form.close') }}
        size="lg"
      >
        {editing !== undefined ? (
          <CompetencyForm {...(editing === 'new' ? {} : { competency: editing })} onDone={() => setEditing(undefined)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
