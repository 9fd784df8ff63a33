/**
 * One page for a national curation list (the dictionary, the program catalog): the list of active,
 * retired or all entries, each editable, retired (no new use; history keeps it) or reinstated, and
 * a form in a modal for a new one or an edit. The list's own columns come from the caller.
 */
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { type MessageKey, useI18n } from '../../i18n';
import type { RetireFilter } from './queries';
import { ScrollTable } from './ScrollTable';
import { StatusFilter } from './StatusFilter';

interface Curated {
  id: string;
  code: string;
  status: string;
}

interface CurationColumn<T> {
  header: MessageKey;
  cell: (item: T) => ReactNode;
}

interface CurationPageProps<T extends Curated> {
  keys: { title: MessageKey; new: MessageKey; intro: MessageKey; listTitle: MessageKey; name: MessageKey };
  testId: string;
  minWidth: number;
  useList: (status: RetireFilter) => UseQueryResult<{ items: T[] }>;
  retire: UseMutationResult<unknown, Error, { code: string; retire: boolean }>;
  /** The entry's name, shown in its row and in the buttons' names. */
  name: (item: T) => string;
  /** Columns after the code and the name, before the status. */
  columns: readonly CurationColumn<T>[];
  form: (item: T | undefined, done: () => void) => ReactNode;
}

export function CurationPage<T extends Curated>({ keys, testId, minWidth, useList, retire, name, columns, form }: CurationPageProps<T>) {
  const { t } = useI18n();
  const [status, setStatus] = useState<RetireFilter>('active');
  const list = useList(status);
  const [editing, setEditing] = useState<T | 'new'>();
  const done = () => setEditing(undefined);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t(keys.title)}
        </Title>
        <Button onClick={() => setEditing('new')}>{t(keys.new)}</Button>
      </Group>
      <Text size="sm">{t(keys.intro)}</Text>
      <Section title={t(keys.listTitle)} action={<StatusFilter value={status} onChange={setStatus} />}>
        {retire.isError ? <ProblemAlert error={retire.error} /> : null}
        <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('curation.empty')}>
          {(data) => (
            <ScrollTable label={t(keys.listTitle)} minWidth={minWidth}>
              <Table striped data-testid={testId}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('curation.code')}</Table.Th>
                    <Table.Th>{t(keys.name)}</Table.Th>
                    {columns.map((column) => (
                      <Table.Th key={column.header}>{t(column.header)}</Table.Th>
                    ))}
                    <Table.Th>{t('curation.status')}</Table.Th>
                    <Table.Th>{t('curation.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => {
                    const retired = item.status === 'retired';
                    return (
                      <Table.Tr key={item.id}>
                        <Table.Td ff="monospace">{item.code}</Table.Td>
                        <Table.Th scope="row" fw={500}>
                          {name(item)}
                        </Table.Th>
                        {columns.map((column) => (
                          <Table.Td key={column.header}>{column.cell(item)}</Table.Td>
                        ))}
                        <Table.Td>
                          <Badge color={retired ? 'gray' : 'teal'} variant="light">
                            {t(retired ? 'curation.status.retired' : 'curation.status.active')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setEditing(item)}
                              aria-label={t('curation.editNamed', { name: name(item) })}
                            >
                              {t('curation.edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color={retired ? 'teal' : 'red'}
                              loading={retire.isPending && retire.variables?.code === item.code}
                              onClick={() => retire.mutate({ code: item.code, retire: !retired })}
                              aria-label={t(retired ? 'curation.reinstateNamed' : 'curation.retireNamed', { name: name(item) })}
                            >
                              {t(retired ? 'curation.reinstate' : 'curation.retire')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Section>
      <Dialog
        opened={editing !== undefined}
        onClose={done}
        title={editing === 'new' ? t(keys.new) : t('curation.editNamed', { name: editing ? name(editing) : '' })}
        size="lg"
      >
        {editing !== undefined ? form(editing === 'new' ? undefined : editing, done) : null}
      </Dialog>
    </Stack>
  );
}
