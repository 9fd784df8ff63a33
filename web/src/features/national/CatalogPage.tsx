/**
 * Katalog program: the national program catalog every region offers from. Create, edit, retire (no
 * new offerings; history keeps it) and reinstate.
 */
import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatJp } from '../../lib/format';
import { methodLabel } from './methods';
import { ProgramForm } from './ProgramForm';
import { type Program, type RetireFilter, useNationalPrograms, useRetireProgram } from './queries';
import { ScrollTable } from './ScrollTable';
import { StatusFilter } from './StatusFilter';

export function CatalogPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<RetireFilter>('active');
  const list = useNationalPrograms(status);
  const retire = useRetireProgram();
  const [editing, setEditing] = useState<Program | 'new'>();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('catalog.title')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('catalog.new')}</Button>
      </Group>
      <Text size="sm">{t('catalog.intro')}</Text>
      <Section title={t('catalog.listTitle')} action={<StatusFilter value={status} onChange={setStatus} />}>
        {retire.isError ? <ProblemAlert error={retire.error} /> : null}
        <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('curation.empty')}>
          {(data) => (
            <ScrollTable label={t('catalog.listTitle')} minWidth={720}>
              <Table striped data-testid="catalog-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('curation.code')}</Table.Th>
                    <Table.Th>{t('curation.title')}</Table.Th>
                    <Table.Th>{t('curation.method')}</Table.Th>
                    <Table.Th>{t('curation.jp')}</Table.Th>
                    <Table.Th>{t('curation.status')}</Table.Th>
                    <Table.Th>{t('curation.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td ff="monospace">{c.code}</Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {c.title}
                      </Table.Th>
                      <Table.Td>{methodLabel(c.method)}</Table.Td>
                      <Table.Td>{formatJp(c.jp)}</Table.Td>
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
                            aria-label={t('curation.editNamed', { name: c.title })}
                          >
                            {t('curation.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color={c.status === 'retired' ? 'teal' : 'red'}
                            loading={retire.isPending && retire.variables?.code === c.code}
                            onClick={() => retire.mutate({ code: c.code, retire: c.status !== 'retired' })}
                            aria-label={t(c.status === 'retired' ? 'curation.reinstateNamed' : 'curation.retireNamed', { name: c.title })}
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
        title={editing === 'new' ? t('catalog.new') : t('curation.editNamed', { name: editing?.title ?? '' })}
        closeButtonProps={{ 'aria-label': t('form.close') }}
        size="lg"
      >
        {editing !== undefined ? (
          <ProgramForm {...(editing === 'new' ? {} : { program: editing })} onDone={() => setEditing(undefined)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
