/** The unit tree; moving a unit (under another, or to the top) asks for a confirmation first. */
import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { type Unit, useMoveUnit } from './queries';
import { buildTree, selfAndBelow, type UnitNode } from './tree';

const top = '__top__';

function Node({ node, depth, onMove }: { node: UnitNode; depth: number; onMove: (unit: Unit) => void }) {
  const { t } = useI18n();
  return (
    <li style={{ listStyle: 'none' }}>
      <Group gap="xs" wrap="nowrap" py={4} style={{ paddingLeft: depth * 18, borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" lineClamp={1}>
            {node.unit.name}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {node.unit.code}
            </Text>
            <Badge size="xs" variant="light" color="gray">
              {node.unit.kind.replace('_', ' ')}
            </Badge>
          </Group>
        </Stack>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onMove(node.unit)}
          aria-label={t('org.units.moveOne', { name: node.unit.name })}
        >
          {t('org.units.move')}
        </Button>
      </Group>
      {node.children.length > 0 ? (
        <ul style={{ margin: 0, padding: 0 }}>
          {node.children.map((child) => (
            <Node key={child.unit.id} node={child} depth={depth + 1} onMove={onMove} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function MoveDialog({ tenant, units, unit, onClose }: { tenant: string | undefined; units: Unit[]; unit: Unit; onClose: () => void }) {
  const { t } = useI18n();
  const move = useMoveUnit(tenant);
  const [target, setTarget] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const excluded = selfAndBelow(units, unit.id);
  const options = [
    { value: top, label: t('org.units.top') },
    ...units.filter((u) => !excluded.has(u.id) && u.id !== unit.parentId).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` })),
  ];
  const targetName = target === top ? t('org.units.top') : units.find((u) => u.id === target)?.name;
  return (
    <Dialog opened onClose={onClose} title={t('org.units.moveTitle', { name: unit.name })}>
      <Stack>
        <Select
          label={t('org.units.newParent')}
          data={options}
          value={target}
          onChange={(v) => {
            setTarget(v);
            setConfirming(false);
          }}
          searchable
          comboboxProps={{ withinPortal: false }}
        />
        {move.error ? <ProblemAlert error={move.error} onReload={onClose} /> : null}
        {confirming && target ? (
          <Stack gap="xs">
            <Text size="sm" role="status">
              {t('org.units.confirm', { name: unit.name, parent: targetName ?? '' })}
            </Text>
            <Group>
              <Button
                color="orange.8"
                loading={move.isPending}
                onClick={() => move.mutate({ unit, parentId: target === top ? null : target }, { onSuccess: onClose })}
              >
                {t('org.units.confirmButton')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('org.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button disabled={!target} onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>
            {t('org.units.move')}
          </Button>
        )}
      </Stack>
    </Dialog>
  );
}

export function UnitTree({ tenant, units }: { tenant: string | undefined; units: Unit[] }) {
  const [moving, setMoving] = useState<Unit | null>(null);
  return (
    <>
      <ul style={{ margin: 0, padding: 0 }} data-testid="unit-tree">
        {buildTree(units).map((node) => (
          <Node key={node.unit.id} node={node} depth={0} onMove={setMoving} />
        ))}
      </ul>
      {moving ? <MoveDialog tenant={tenant} units={units} unit={moving} onClose={() => setMoving(null)} /> : null}
    </>
  );
}
