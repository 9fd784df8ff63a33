import { describe, expect, it } from 'vitest';
import type { Unit } from './queries';
import { buildTree, selfAndBelow } from './tree';

const unit = (id: string, code: string, parentId: string | null): Unit => ({
  id,
  code,
  name: code,
  kind: 'dinas',
  parentId,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('the unit tree', () => {
  const units = [
    unit('b', 'DISDUK', null),
    unit('a', 'DINKES', null),
    unit('c', 'DINKES-P2P', 'a'),
    unit('d', 'SEKSI', 'c'),
    unit('e', 'LOST', 'zz'),
  ];

  it('nests units under their parents in code order, an unknown parent at the top', () => {
    const tree = buildTree(units);
    expect(tree.map((n) => n.unit.code)).toEqual(['DINKES', 'DISDUK', 'LOST']);
    expect(tree[0]?.children[0]?.children.map((n) => n.unit.code)).toEqual(['SEKSI']);
  });

  it('names a unit and everything under it (none may become its parent)', () => {
    expect([...selfAndBelow(units, 'a')].sort()).toEqual(['a', 'c', 'd']);
    expect([...selfAndBelow(units, 'd')]).toEqual(['d']);
  });
});
