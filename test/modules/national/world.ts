/**
 * Random small worlds for the disclosure attacks: tenants of units of people, each person with
 * what they bring to every summary figure, stored as the refresh stores them (`tenant_summaries`
 * rows in the control database). The worlds are the truth the attacks are checked against.
 */
import { summaryProviders } from '../../../src/modules/national/providers';
import type { TestTenant } from '../../support/factories';

export const figureKinds: Record<string, 'total' | 'mean' | 'share'> = Object.fromEntries(summaryProviders.map((p) => [p.name, p.kind]));

export interface Person {
  id: string;
  unit: string;
  /** Share figures: whether the person qualifies (they are in its base: every share here is over the headcount). */
  flags: Record<string, boolean>;
  /** Total figures: the ids of the person's records (places, pairings). */
  records: Record<string, string[]>;
  /** Mean figures: the person's value, null when they are not in the figure. */
  values: Record<string, number | null>;
}

interface Unit {
  id: string;
  code: string;
  /** Index into the test's tenants. */
  tenant: number;
}

export interface World {
  year: number;
  tenants: number[];
  units: Unit[];
  people: Person[];
}

type Random = () => number;

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
const randomId = (rng: Random, prefix: string) =>
  `${prefix}_${Array.from({ length: 16 }, () => alphabet[Math.floor(rng() * 32)]).join('')}`;
const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

/** The range of one person's value in a mean figure. */
const meanRange = (name: string): [number, number] =>
  name.startsWith('meanGap')
    ? [0, 4]
    : name === 'l1Mean'
      ? [1, 5]
      : name === 'l2MeanGain'
        ? [-20, 60]
        : name === 'ikm'
          ? [25, 100]
          : [0, 10];

export function makePerson(rng: Random, unit: string): Person {
  const p: Person = { id: randomId(rng, 'emp'), unit, flags: {}, records: {}, values: {} };
  for (const [name, kind] of Object.entries(figureKinds)) {
    if (kind === 'share') p.flags[name] = rng() < (name === 'shareAssessed' ? 0.6 : 0.4);
    else if (kind === 'total') {
      const prefix = name === 'activePairings' ? 'pair' : 'enr';
      p.records[name] = Array.from({ length: name === 'activePairings' ? (rng() < 0.3 ? 1 : 0) : pick(rng, [0, 0, 1, 1, 2]) }, () =>
        randomId(rng, prefix),
      );
    } else {
      const [lo, hi] = meanRange(name);
      p.values[name] = rng() < 0.7 ? lo + Math.floor(rng() * (hi - lo + 1)) : null;
    }
  }
  // Completed places are some of the places taken.
  if (p.records.enrollments && p.records.completions) p.records.completions = p.records.enrollments.filter(() => rng() < 0.7);
  return p;
}

export function makeWorld(rng: Random, year: number, tenants: TestTenant[]): World {
  const order = tenants.map((_, i) => i).sort(() => rng() - 0.5);
  const chosen = order.slice(0, 2 + Math.floor(rng() * (tenants.length - 1))).sort();
  const units: Unit[] = [];
  const people: Person[] = [];
  for (const tenant of chosen) {
    const n = 1 + Math.floor(rng() * 4);
    for (let i = 0; i < n; i++) {
      const unit = { id: randomId(rng, 'unt'), code: `U${i + 1}`, tenant };
      units.push(unit);
      const size = Math.floor(rng() * 10);
      for (let k = 0; k < size; k++) people.push(makePerson(rng, unit.id));
    }
  }
  return { year, tenants: chosen, units, people };
}

/** The world after one person changed: joined, left, or changed what they bring to one figure. */
export function mutate(rng: Random, world: World): { after: World; person: string; change: string } {
  const after: World = { ...world, people: world.people.map((p) => structuredClone(p)) };
  const r = rng();
  if (r < 0.5 || after.people.length === 0) {
    const joiner = makePerson(rng, pick(rng, world.units).id);
    after.people.push(joiner);
    return { after, person: joiner.id, change: 'joins' };
  }
  const person = pick(rng, after.people);
  if (r < 0.65) {
    after.people = after.people.filter((p) => p !== person);
    return { after, person: person.id, change: 'leaves' };
  }
  if (r < 0.8) {
    const name = pick(rng, Object.keys(person.flags));
    person.flags[name] = !person.flags[name];
    return { after, person: person.id, change: 'changes a share' };
  }
  if (r < 0.9) {
    const name = pick(rng, Object.keys(person.values));
    const [lo, hi] = meanRange(name);
    const old = person.values[name] ?? null;
    const others = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((v) => v !== old);
    person.values[name] = old !== null && rng() < 0.3 ? null : pick(rng, others);
    return { after, person: person.id, change: 'changes a mean' };
  }
  const places = person.records.enrollments ?? [];
  if (places.length > 0 && rng() < 0.5) {
    const gone = places[0];
    person.records.enrollments = places.slice(1);
    person.records.completions = (person.records.completions ?? []).filter((id) => id !== gone);
  } else person.records.enrollments = [...places, randomId(rng, 'enr')];
  return { after, person: person.id, change: 'takes or drops a place' };
}

/** What a group of people truly holds for one figure: the additive value and the people behind it. */
export function groupTruth(name: string, group: Person[]): { value: number; people: number } {
  const kind = figureKinds[name];
  if (kind === 'share') return { value: group.filter((p) => p.flags[name]).length, people: group.length };
  if (kind === 'total') {
    const records = group.map((p) => p.records[name]?.length ?? 0);
    return { value: records.reduce((a, b) => a + b, 0), people: records.filter((n) => n > 0).length };
  }
  const values = group.map((p) => p.values[name]).filter((v): v is number => v !== null && v !== undefined);
  return { value: values.reduce((a, b) => a + b, 0), people: values.length };
}

/**
 * Record keys as the refresh computes them in SQL (src/modules/national/record-keys.ts), written
 * again here: the random part of an id read in base 32 (last character first), and a contribution
 * key that adds what the record contributes. Keys are kept modulo 2^32.
 */
const modulus = 2 ** 32;
const reduce = (k: number) => ((k % modulus) + modulus) % modulus;
const recordKey = (id: string) => [...id.slice(-6)].reverse().reduce((k, c, i) => k + 32 ** i * alphabet.indexOf(c), 0);
export const contributionKey = (id: string, ...values: number[]) =>
  reduce(recordKey(id) + [2654435761, 40503].reduce((k, m, i) => k + m * (values[i] ?? 0), 0));
export const keySum = (keys: number[]) => reduce(keys.reduce((a, b) => a + b, 0));

/** The stored parts of one figure over a group, as the refresh stores them: [sum, count, people, valueKey, peopleKey]. */
function storedParts(name: string, group: Person[]): number[] {
  const { value, people } = groupTruth(name, group);
  const kind = figureKinds[name];
  if (kind === 'share') return [value, people, people, keySum(group.map((p) => contributionKey(p.id, p.flags[name] ? 1 : 0))), 0];
  // Over the base: everyone in the group, with what they bring (record-keys.ts).
  const brings = (p: Person) =>
    kind === 'total' ? (p.records[name]?.length ?? 0) > 0 : p.values[name] !== null && p.values[name] !== undefined;
  const peopleKey = keySum(group.map((p) => contributionKey(p.id, brings(p) ? 1 : 0)));
  if (kind === 'total')
    return [value, value, people, keySum(group.map((p) => contributionKey(p.id, p.records[name]?.length ?? 0))), peopleKey];
  return [value, people, people, keySum(group.map((p) => contributionKey(p.id, p.values[name] ?? 0, brings(p) ? 1 : 0))), peopleKey];
}

const storedFigures = (group: Person[]) =>
  JSON.stringify(Object.fromEntries(Object.keys(figureKinds).map((name) => [name, storedParts(name, group)])));

/** Replaces the world's year in `tenant_summaries` with the world's rows: one per tenant and one per unit. */
export async function writeWorld(db: D1Database, world: World, tenants: TestTenant[], computedAt: string): Promise<void> {
  const insert = db.prepare(
    `insert into tenant_summaries (tenant_id, year, scope, unit_code, unit_name, employees, figures, computed_at, source_mark)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'attack-world')`,
  );
  const statements = [db.prepare('delete from tenant_summaries where year = ?').bind(world.year)];
  for (const t of world.tenants) {
    const tenant = tenants[t] as TestTenant;
    const units = world.units.filter((u) => u.tenant === t);
    const all = world.people.filter((p) => units.some((u) => u.id === p.unit));
    statements.push(insert.bind(tenant.id, world.year, 'tenant', null, null, all.length, storedFigures(all), computedAt));
    for (const u of units) {
      const group = world.people.filter((p) => p.unit === u.id);
      statements.push(insert.bind(tenant.id, world.year, u.id, u.code, `Unit ${u.code}`, group.length, storedFigures(group), computedAt));
    }
  }
  await db.batch(statements);
}
