/**
 * The attacks on the national figures, tried on random small worlds (a fixed seed, printed):
 *
 *   (a) a suppressed figure gives its value away (a count's `people` is the count);
 *   (b) subtraction across answers: the national total, tenant totals (national JSON, CSV, the
 *       per-tenant endpoint) and units, minus every published part, isolate groups of 1–4 people;
 *   (c) differencing two refreshes between which one person changed: every published number
 *       that holds them, the remainders above, a cell suppressed at one refresh and published at
 *       the other; and, newcomer after newcomer, whether each reached the JP target.
 *
 * A world is stored the way the refresh stores it (`tenant_summaries` rows in the control
 * database, world.ts) and read back through the three endpoints; the attacker sees only those
 * answers. What each attack may still achieve is in SECURITY.md ("Disclosure control").
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { figureKinds, groupTruth, makePerson, makeWorld, mutate, type Person, type World, writeWorld } from './world';

const seed = 20_261_207;
const worlds = 60;
console.log(`disclosure attacks: seed ${seed}, ${worlds} worlds`);

// Nothing about fewer than 5 people may be recoverable. With noise, a guess from a subtraction is
// sometimes right by chance, but never knowably so; these bound how often (a subtraction over exact
// figures is right every time).
const maxRecoveredShare = 0.4;
// Whether one person has an attribute, guessed from the differences around them: 50 % is chance.
const maxJoinerAccuracy = 0.8;

interface Published {
  value: number | null;
  people: number | null;
}
/** What the attacker holds about one cell: per figure, what each answer published. */
type View = Map<string, Map<string, Published[]>>;

/** A small seeded generator (mulberry32): each test draws its worlds from its own seed. */
function random(start: number): () => number {
  let a = start;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let tenants: TestTenant[];
let token: string;

beforeAll(async () => {
  tenants = [];
  for (let i = 0; i < 4; i++) tenants.push(await createTenant());
  token = tenants[0]?.nationalToken as string;
});

const figure = (x: { value: number | null; people?: number | null }): Published => ({ value: x.value, people: x.people ?? null });

function add(view: View, cell: string, name: string, p: Published) {
  const cellView = view.get(cell) ?? new Map<string, Published[]>();
  cellView.set(name, [...(cellView.get(name) ?? []), p]);
  view.set(cell, cellView);
}

/** Every answer the national admin can get about the world's year, as the attacker's view. */
async function publish(world: World): Promise<{ view: View; answers: { where: string; cell: string; name: string; figure: unknown }[] }> {
  const view: View = new Map();
  const answers: { where: string; cell: string; name: string; figure: unknown }[] = [];
  const national = await api('GET', `/api/v1/national/summary?year=${world.year}`, { token });
  expect(national.status, national.text).toBe(200);
  for (const [name, f] of Object.entries(national.body.total.figures as Record<string, Published>)) {
    add(view, 'N', name, figure(f));
    answers.push({ where: 'national total', cell: 'N', name, figure: f });
  }
  for (const t of national.body.tenants as { slug: string; figures: Record<string, Published> | null }[]) {
    for (const [name, f] of Object.entries(t.figures ?? {})) {
      add(view, `T:${t.slug}`, name, figure(f));
      answers.push({ where: 'national tenant row', cell: `T:${t.slug}`, name, figure: f });
    }
  }
  const csv = await api('GET', `/api/v1/national/summary.csv?year=${world.year}`, { token });
  expect(csv.status, csv.text).toBe(200);
  const [header, ...lines] = csv.text.trim().split('\r\n');
  const columns = (header as string).split(',');
  for (const line of lines) {
    const cells = line.split(',');
    const at = (c: string) => cells[columns.indexOf(c)] ?? '';
    const cell = at('tenant') === 'TOTAL' ? 'N' : `T:${at('tenant')}`;
    if (at('status') === 'not_computed') continue;
    for (const name of Object.keys(figureKinds)) {
      const raw = at(name);
      const kind = figureKinds[name];
      // The CSV has no `people`; a share's base is the headcount it does give.
      const people = kind === 'share' ? Number(at('employees')) : null;
      add(view, cell, name, { value: raw === '' ? null : Number(raw), people });
      answers.push({ where: 'CSV', cell, name, figure: { value: raw === '' ? null : Number(raw), people: null } });
    }
  }
  for (const index of world.tenants) {
    const t = tenants[index] as TestTenant;
    const res = await api('GET', `/api/v1/national/tenants/${t.slug}/summary?year=${world.year}`, { token });
    expect(res.status, res.text).toBe(200);
    for (const [name, f] of Object.entries((res.body.total?.figures ?? {}) as Record<string, Published>)) {
      add(view, `T:${t.slug}`, name, figure(f));
      answers.push({ where: 'tenant total', cell: `T:${t.slug}`, name, figure: f });
    }
    for (const u of res.body.units as { unitId: string; figures: Record<string, Published> }[]) {
      for (const [name, f] of Object.entries(u.figures)) {
        add(view, `U:${u.unitId}`, name, figure(f));
        answers.push({ where: 'unit', cell: `U:${u.unitId}`, name, figure: f });
      }
    }
  }
  return { view, answers };
}

type Quantity = 'value' | 'people';

/**
 * The additive number the attacker reads from a cell: a count (total), the number qualifying
 * (share × its base), a sum (mean × people), or `people`. Undefined when no answer publishes it.
 */
function read(view: View, cell: string, name: string, q: Quantity): { x: number; people: number } | undefined {
  const kind = figureKinds[name];
  for (const p of view.get(cell)?.get(name) ?? []) {
    if (p.value === null) continue;
    if (q === 'people') {
      if (p.people !== null) return { x: p.people, people: p.people };
      continue;
    }
    if (kind === 'total') return { x: p.value, people: p.people ?? 0 };
    if (p.people === null) continue;
    if (kind === 'share') return { x: Math.round(p.value * p.people), people: p.people };
    return { x: p.value * p.people, people: p.people };
  }
  return undefined;
}

interface Attempt {
  attack: string;
  estimate: number;
  truth: number;
  /** How far from the truth still counts as recovered (rounding of the published figures). */
  tolerance: number;
}

const recovered = (a: Attempt) => Math.abs(a.estimate - a.truth) <= a.tolerance;
const tolerance = (name: string, q: Quantity, people: number) =>
  q === 'value' && figureKinds[name] === 'mean' ? 0.006 * people + 1e-9 : 0.5;
const quantities = (name: string): Quantity[] => (figureKinds[name] === 'share' ? ['value'] : ['value', 'people']);

/** A remainder: a published aggregate minus published parts, and the cells it leaves. */
interface Remainder {
  attack: string;
  estimate: number;
  people: number;
  cells: string[];
}

/** Every subtraction of published parts from a published aggregate the attacker can make. */
function remainders(world: World, view: View, name: string, q: Quantity): Remainder[] {
  const out: Remainder[] = [];
  const units = (t: number) => world.units.filter((u) => u.tenant === t).map((u) => `U:${u.id}`);
  const tenantCell = (t: number) => `T:${(tenants[t] as TestTenant).slug}`;
  const subtract = (attack: string, whole: string, parts: string[][]) => {
    const from = read(view, whole, name, q);
    if (!from) return;
    let estimate = from.x;
    let people = from.people;
    const left: string[] = [];
    for (const alternatives of parts) {
      // Each part is a cell, or failing that the cells that make it up.
      const [cell, ...finer] = alternatives as [string, ...string[]];
      const got = read(view, cell, name, q);
      if (got) {
        estimate -= got.x;
        people += got.people;
        continue;
      }
      for (const f of finer) {
        const part = read(view, f, name, q);
        if (part) {
          estimate -= part.x;
          people += part.people;
        } else left.push(f);
      }
      if (finer.length === 0) left.push(cell);
    }
    if (left.length > 0) out.push({ attack, estimate, people, cells: left });
  };
  subtract(
    'national total − published tenants',
    'N',
    world.tenants.map((t) => [tenantCell(t)]),
  );
  subtract(
    'national total − published tenants − published units',
    'N',
    world.tenants.map((t) => [tenantCell(t), ...units(t)]),
  );
  subtract(
    'national total − published units',
    'N',
    world.tenants.flatMap((t) => units(t).map((u) => [u])),
  );
  for (const t of world.tenants) {
    subtract(
      'tenant total − published units',
      tenantCell(t),
      units(t).map((u) => [u]),
    );
  }
  return out;
}

/** The people of the cells (`T:slug` or `U:id`). */
function peopleIn(world: World, cells: string[]): Person[] {
  const unitIds = new Set(
    cells.flatMap((c) => {
      if (c.startsWith('U:')) return [c.slice(2)];
      const t = tenants.findIndex((x) => `T:${x.slug}` === c);
      return world.units.filter((u) => u.tenant === t).map((u) => u.id);
    }),
  );
  return world.people.filter((p) => unitIds.has(p.unit));
}

const cellsOf = (world: World, person: Person) => {
  const unit = world.units.find((u) => u.id === person.unit);
  return unit ? ['N', `T:${(tenants[unit.tenant] as TestTenant).slug}`, `U:${unit.id}`] : [];
};

function report(label: string, attempts: Attempt[]) {
  const byAttack = new Map<string, [number, number]>();
  for (const a of attempts) {
    const [hit, all] = byAttack.get(a.attack) ?? [0, 0];
    byAttack.set(a.attack, [hit + (recovered(a) ? 1 : 0), all + 1]);
  }
  const lines = [...byAttack].map(([attack, [hit, all]]) => `  ${attack}: ${hit}/${all}`);
  const share = attempts.filter(recovered).length / attempts.length;
  console.log(`${label}: ${attempts.length} attempts, recovered ${(100 * share).toFixed(1)} %\n${lines.join('\n')}`);
  return share;
}

describe('disclosure attacks on random small worlds', () => {
  it('(a) a suppressed figure publishes nothing about its people: no value, no people, in any answer', async () => {
    const rng = random(seed);
    let suppressed = 0;
    for (let w = 0; w < worlds / 3; w++) {
      const world = makeWorld(rng, 2000 + w, tenants);
      await writeWorld(env.DB, world, tenants, '2026-01-01T00:00:00.000Z');
      for (const a of (await publish(world)).answers) {
        const truth = groupTruth(a.name, a.cell === 'N' ? world.people : peopleIn(world, [a.cell]));
        if (truth.people >= 5) continue;
        suppressed++;
        expect(a.figure, `${a.where} ${a.cell} ${a.name} (seed ${seed}, world ${w})`).toMatchObject({ value: null, people: null });
      }
    }
    console.log(`(a) ${suppressed} suppressed figures checked`);
    expect(suppressed).toBeGreaterThan(200);
  });

  it('(b) no subtraction across answers (national JSON, CSV, per tenant) reliably recovers a group of 1–4 people', async () => {
    const rng = random(seed + 1);
    const attempts: Attempt[] = [];
    for (let w = 0; w < worlds; w++) {
      const world = makeWorld(rng, 2000 + w, tenants);
      await writeWorld(env.DB, world, tenants, '2026-01-01T00:00:00.000Z');
      const { view } = await publish(world);
      // Every answer that publishes a cell publishes the same figure.
      for (const [cell, byName] of view) {
        for (const [name, all] of byName) {
          const values = new Set(all.filter((p) => p.value !== null).map((p) => p.value));
          expect(values.size, `${cell} ${name} differs between answers (world ${w})`).toBeLessThanOrEqual(1);
        }
      }
      for (const name of Object.keys(figureKinds)) {
        for (const q of quantities(name)) {
          for (const r of remainders(world, view, name, q)) {
            const group = peopleIn(world, r.cells);
            const truth = groupTruth(name, group);
            if (group.length === 0 || truth.people > 4) continue;
            attempts.push({
              attack: `${r.attack} (${q})`,
              estimate: r.estimate,
              truth: q === 'people' ? truth.people : truth.value,
              tolerance: tolerance(name, q, r.people),
            });
          }
        }
      }
    }
    expect(attempts.length).toBeGreaterThan(500);
    expect(report('(b) subtraction across answers', attempts)).toBeLessThanOrEqual(maxRecoveredShare);
  });

  it('(c) differencing two refreshes a person apart recovers neither the person nor a suppressed cell', async () => {
    const rng = random(seed + 2);
    const attempts: Attempt[] = [];
    for (let w = 0; w < worlds; w++) {
      const before = makeWorld(rng, 2000 + w, tenants);
      const { after, person, change } = mutate(rng, before);
      await writeWorld(env.DB, before, tenants, '2026-01-01T00:00:00.000Z');
      const one = (await publish(before)).view;
      await writeWorld(env.DB, after, tenants, '2026-01-02T00:00:00.000Z');
      const two = (await publish(after)).view;
      const was = before.people.find((p) => p.id === person);
      const is = after.people.find((p) => p.id === person);
      const cells = new Set([...(was ? cellsOf(before, was) : []), ...(is ? cellsOf(after, is) : [])]);
      for (const name of Object.keys(figureKinds)) {
        const touched = JSON.stringify(was && groupTruth(name, [was])) !== JSON.stringify(is && groupTruth(name, [is]));
        for (const q of quantities(name)) {
          // Every published number that holds the person, read at both refreshes.
          const deltas: number[] = [];
          for (const cell of cells) {
            const x1 = read(one, cell, name, q);
            const x2 = read(two, cell, name, q);
            if (!x1 || !x2 || !touched) continue;
            const truth = (world: World) => groupTruth(name, cell === 'N' ? world.people : peopleIn(world, [cell]));
            const t1 = truth(before);
            const t2 = truth(after);
            attempts.push({
              attack: `${change}: difference of ${cell[0]} cells (${q})`,
              estimate: x2.x - x1.x,
              truth: q === 'people' ? t2.people - t1.people : t2.value - t1.value,
              tolerance: tolerance(name, q, x1.people + x2.people),
            });
            deltas.push(x2.x - x1.x);
          }
          // A cell suppressed at one refresh and published at the other, through an aggregate published at both.
          for (const [cell, suppressedIn, publishedIn, world] of [
            ...[...cells].map((c) => [c, one, two, before] as const),
            ...[...cells].map((c) => [c, two, one, after] as const),
          ]) {
            if (read(suppressedIn, cell, name, q) || !read(publishedIn, cell, name, q)) continue;
            const group = cell === 'N' ? world.people : peopleIn(world, [cell]);
            const truth = groupTruth(name, group);
            if (group.length === 0 || truth.people > 4) continue;
            for (const whole of ['N', ...[...cells].filter((c) => c.startsWith('T:') && c !== cell)]) {
              const a = read(suppressedIn, whole, name, q);
              const b = read(publishedIn, whole, name, q);
              const c = read(publishedIn, cell, name, q);
              if (!a || !b || !c || whole === cell) continue;
              attempts.push({
                attack: `suppressed then published: cell − (${whole[0]} now − ${whole[0]} then) (${q})`,
                estimate: c.x - (b.x - a.x),
                truth: q === 'people' ? truth.people : truth.value,
                tolerance: tolerance(name, q, a.people + b.people + c.people),
              });
            }
          }
          // The remainders of (b) at both refreshes, when they leave the same cells and the person is in them.
          const r1 = remainders(before, one, name, q);
          const r2 = remainders(after, two, name, q);
          for (const x of r1) {
            const y = r2.find((r) => r.attack === x.attack && r.cells.join() === x.cells.join());
            if (!y || !touched || !x.cells.some((c) => cells.has(c))) continue;
            const t1 = groupTruth(name, peopleIn(before, x.cells));
            const t2 = groupTruth(name, peopleIn(after, y.cells));
            attempts.push({
              attack: `${change}: difference of remainders (${q})`,
              estimate: y.estimate - x.estimate,
              truth: q === 'people' ? t2.people - t1.people : t2.value - t1.value,
              tolerance: tolerance(name, q, x.people + y.people),
            });
          }
        }
      }
    }
    expect(attempts.length).toBeGreaterThan(300);
    expect(report('(c) differencing two refreshes', attempts)).toBeLessThanOrEqual(maxRecoveredShare);
  });

  it('(c) differencing the refreshes around each newcomer does not tell whether they reached the JP target', async () => {
    const rng = random(seed + 3);
    const name = 'shareReachingJpTarget';
    const guesses: boolean[] = [];
    for (let w = 0; w < 10; w++) {
      let world = makeWorld(rng, 2000 + w, tenants);
      await writeWorld(env.DB, world, tenants, '2026-01-01T00:00:00.000Z');
      let view = (await publish(world)).view;
      // Eight newcomers in turn, a refresh after each.
      for (let j = 0; j < 8; j++) {
        const joiner = makePerson(rng, (world.units[Math.floor(rng() * world.units.length)] as World['units'][number]).id);
        const next: World = { ...world, people: [...world.people, joiner] };
        await writeWorld(env.DB, next, tenants, `2026-01-${String(j + 2).padStart(2, '0')}T00:00:00.000Z`);
        const after = (await publish(next)).view;
        // Every published number that holds the newcomer, read before and after.
        const deltas = cellsOf(next, joiner).flatMap((cell) => {
          const x1 = read(view, cell, name, 'value');
          const x2 = read(after, cell, name, 'value');
          return x1 && x2 ? [x2.x - x1.x] : [];
        });
        if (deltas.length > 0) {
          // The attacker's guess: reached when the differences average at least one half.
          const reached = deltas.reduce((a, b) => a + b, 0) / deltas.length >= 0.5;
          guesses.push(reached === joiner.flags[name]);
        }
        world = next;
        view = after;
      }
    }
    const accuracy = guesses.filter(Boolean).length / guesses.length;
    console.log(
      `(c) did the newcomer reach the JP target: ${guesses.length} newcomers, guessed right ${(100 * accuracy).toFixed(1)} % (by chance: 50 %)`,
    );
    expect(guesses.length).toBeGreaterThan(60);
    expect(accuracy).toBeLessThanOrEqual(maxJoinerAccuracy);
  });
});
