/**
 * Katalog (/admin/katalog): the region's programs (national ones read-only, its own editable),
 * the offerings with their seats and waitlist, and the providers. The tab and the filters live in
 * the address (`?tab=program|pelaksanaan|penyedia&scope=&q=&status=`).
 */
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Tabs, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Dialog } from '../../components/Dialog';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay, formatJp, formatRupiah } from '../../lib/format';
import { methodLabel } from '../national/methods';
import { OfferingForm, offeringStatuses } from './OfferingForm';
import { ProgramForm } from './ProgramForm';
import { ProviderForm } from './ProviderForm';
import { type OfferingQuery, type Program, type ProgramQuery, type Provider, useOfferings, usePrograms, useProviders } from './queries';

type Tab = 'program' | 'pelaksanaan' | 'penyedia';

export function CatalogPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (['program', 'pelaksanaan', 'penyedia'] as const).find((x) => x === params.get('tab')) ?? 'program';
  const setTab = (next: string | null) =>
    setParams(
      (p) => {
        p.set('tab', next ?? 'program');
        return p;
      },
      { replace: true },
    );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('cat.title')}
      </Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value={'program' satisfies Tab}>{t('cat.tab.programs')}</Tabs.Tab>
          <Tabs.Tab value={'pelaksanaan' satisfies Tab}>{t('cat.tab.offerings')}</Tabs.Tab>
          <Tabs.Tab value={'penyedia' satisfies Tab}>{t('cat.tab.providers')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="program" pt="md">
          <ProgramsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="pelaksanaan" pt="md">
          <OfferingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="penyedia" pt="md">
          <ProvidersPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ProgramsPanel() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') ?? '';
  const status = params.get('status') === 'retired' ? 'retired' : 'active';
  const [q, setQ] = useState(params.get('q') ?? '');
  const [term] = useDebouncedValue(q.trim(), 300);
  const query: ProgramQuery = {
    status,
    ...(scope === 'national' || scope === 'tenant' ? { scope } : {}),
    ...(term ? { q: term } : {}),
  };
  const programs = usePrograms(slug, query);
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const setParam = (name: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(name, value);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );
  // The program being edited, as the list last read it: a reload after a 412 brings its new version.
  const current = editing === 'new' || editing === null ? undefined : (programs.data?.items.find((p) => p.id === editing.id) ?? editing);
  return (
    <Section
      title={t('cat.programs')}
      action={
        <Button size="xs" onClick={() => setEditing('new')}>
          {t('cat.newProgram')}
        </Button>
      }
    >
      <Group gap="sm" mb="sm" align="flex-end">
        <NativeSelect
          label={t('cat.scope')}
          value={scope}
          onChange={(e) => setParam('scope', e.currentTarget.value)}
          data={[
            { value: '', label: t('cat.scope.all') },
            { value: 'tenant', label: t('cat.scope.tenant') },
            { value: 'national', label: t('cat.scope.national') },
          ]}
        />
        <NativeSelect
          label={t('cat.status')}
          value={status}
          onChange={(e) => setParam('status', e.currentTarget.value === 'active' ? '' : e.currentTarget.value)}
          data={[
            { value: 'active', label: t('cat.status.active') },
            { value: 'retired', label: t('cat.status.retired') },
          ]}
        />
        <TextInput
          label={t('cat.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setParam('q', e.currentTarget.value.trim());
          }}
        />
      </Group>
      <QueryState query={programs} isEmpty={(d) => d.items.length === 0} empty={t('cat.noPrograms')}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cat.program')}</Table.Th>
                  <Table.Th>{t('cat.method')}</Table.Th>
                  <Table.Th ta="right">JP</Table.Th>
                  <Table.Th ta="right">{t('cat.cost')}</Table.Th>
                  <Table.Th>{t('cat.provider')}</Table.Th>
                  <Table.Th>{t('cat.targets')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('cat.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {p.title}
                      </Text>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          {p.code}
                        </Text>
                        <Badge size="xs" variant="light" color={p.scope === 'national' ? 'gray' : 'blue'}>
                          {t(p.scope === 'national' ? 'cat.scope.national' : 'cat.scope.tenant')}
                        </Badge>
                        {p.hasTests ? (
                          <Badge size="xs" variant="outline">
                            L2
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{methodLabel(p.method)}</Table.Td>
                    <Table.Td ta="right">{formatJp(p.jp)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(p.costPerParticipant)}</Table.Td>
                    <Table.Td>{p.provider?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{p.targets.map((x) => `${x.code} +${x.expectedGain}`).join(', ')}</Text>
                      {p.prerequisites.length > 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('cat.requires', { list: p.prerequisites.map((x) => `${x.code} ≥ ${x.minimumLevel}`).join(', ') })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {p.scope === 'tenant' ? (
                        <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={t('cat.editNamed', { name: p.title })}>
                          {t('cat.edit')}
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('cat.readOnly')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('cat.newProgram') : t('cat.editProgram')}
        size="lg"
      >
        {editing !== null ? (
          <ProgramForm
            key={current ? `${current.id}:${current.version}` : 'new'}
            tenant={slug}
            {...(current ? { program: current, onReload: () => void programs.refetch() } : {})}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </Section>
  );
}

function OfferingsPanel() {
  const { t, language } = useI18n();
  const { slug } = useTenantClock();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = offeringStatuses.find((s) => s === params.get('status'));
  const query: OfferingQuery = status ? { status } : {};
  const offerings = useOfferings(slug, query);
  const [creating, setCreating] = useState(false);
  return (
    <Section
      title={t('cat.offerings')}
      action={
        <Button size="xs" onClick={() => setCreating(true)}>
          {t('cat.newOffering')}
        </Button>
      }
    >
      <NativeSelect
        mb="sm"
        w={220}
        label={t('cat.status')}
        value={status ?? ''}
        onChange={(e) =>
          setParams(
            (p) => {
              if (e.currentTarget.value) p.set('status', e.currentTarget.value);
              else p.delete('status');
              return p;
            },
            { replace: true },
          )
        }
        data={[{ value: '', label: t('cat.scope.all') }, ...offeringStatuses.map((s) => ({ value: s, label: t(`cat.offering.${s}`) }))]}
      />
      <QueryState query={offerings} isEmpty={(d) => d.items.length === 0} empty={t('cat.noOfferings')}>
        {(data) => (
          <Table.ScrollContainer minWidth={680}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cat.program')}</Table.Th>
                  <Table.Th>{t('cat.dates')}</Table.Th>
                  <Table.Th>{t('cat.location')}</Table.Th>
                  <Table.Th ta="right">{t('cat.seats')}</Table.Th>
                  <Table.Th ta="right">{t('cat.waitlist')}</Table.Th>
                  <Table.Th>{t('cat.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/katalog/pelaksanaan/${o.id}`} size="sm">
                        {o.programTitle}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatDay(o.startDate, language)} – {formatDay(o.endDate, language)}
                    </Table.Td>
                    <Table.Td>{o.online ? t('cat.online') : (o.location ?? '—')}</Table.Td>
                    <Table.Td ta="right">{t('cat.seatsOf', { taken: o.seatsTaken, capacity: o.capacity })}</Table.Td>
                    <Table.Td ta="right">{o.waitlisted}</Table.Td>
                    <Table.Td>
                      <OfferingStatus status={o.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Dialog opened={creating} onClose={() => setCreating(false)} title={t('cat.newOffering')} size="lg">
        {creating ? <OfferingForm tenant={slug} onDone={(o) => navigate(`/admin/katalog/pelaksanaan/${o.id}`)} /> : null}
      </Dialog>
    </Section>
  );
}

const statusColors = { planned: 'gray', open: 'blue', running: 'teal', completed: 'green', cancelled: 'red' } as const;

export function OfferingStatus({ status }: { status: keyof typeof statusColors }) {
  const { t } = useI18n();
  return (
    <Badge variant="light" color={statusColors[status]} autoContrast>
      {t(`cat.offering.${status}`)}
    </Badge>
  );
}

function ProvidersPanel() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const providers = useProviders(slug);
  const [editing, setEditing] = useState<Provider | 'new' | null>(null);
  const current = editing === 'new' || editing === null ? undefined : (providers.data?.items.find((p) => p.id === editing.id) ?? editing);
  return (
    <Section
      title={t('cat.providers')}
      action={
        <Button size="xs" onClick={() => setEditing('new')}>
          {t('cat.newProvider')}
        </Button>
      }
    >
      <QueryState query={providers} isEmpty={(d) => d.items.length === 0} empty={t('cat.noProviders')}>
        {(data) => (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cat.providerName')}</Table.Th>
                  <Table.Th>{t('cat.providerKind')}</Table.Th>
                  <Table.Th>{t('cat.contact')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('cat.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{t(`cat.kind.${p.kind}`)}</Table.Td>
                    <Table.Td>{p.contact ?? '—'}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing(p)} aria-label={t('cat.editNamed', { name: p.name })}>
                        {t('cat.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('cat.newProvider') : t('cat.editProvider')}
      >
        {editing !== null ? (
          <ProviderForm
            key={current ? `${current.id}:${current.version}` : 'new'}
            tenant={slug}
            {...(current ? { provider: current, onReload: () => void providers.refetch() } : {})}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </Section>
  );
}
