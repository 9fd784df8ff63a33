/**
 * `npm run db:needs-triggers`: the SQL of the triggers that keep the needs report's running totals
 * (`needs_people`, `needs_cells`; src/db/schema/needs.ts) current, generated from one description:
 * the competency types of `competencyTypes` (src/db/schema/competencies.ts). needs_people has six
 * columns per type, so each type repeats the same expressions in every trigger; written by hand,
 * the ~100 KB of SQL drifts. migrations/0012_needs_triggers.sql is this script's output, byte for
 * byte, and test/node/needs-triggers.test.ts fails if either side changes without the other.
 *
 *   npm run -s db:needs-triggers                        print the migration for competencyTypes
 *   npm run -s db:needs-triggers -- --out <file>        write it to a file
 *   npm run -s db:needs-triggers -- --recreate [...]    the form for a later migration (below)
 *   npm run -s db:needs-triggers -- --types a,b [...]   for another type list than the schema's
 *
 * Adding a competency type (an applied migration is never edited; a new one replaces the triggers):
 *   1. Add the type to `competencyTypes` and its six columns to `needsPeople` (pairs_<type>,
 *      assessed_<type>, gap_pairs_<type>, gap_sum_<type>, weighted_gap_sum_<type>,
 *      top_weighted_gap_<type>), each with `.default(0)`: SQLite adds a NOT NULL column only with
 *      a default. `npm run db:generate` then writes the ALTER TABLE migration and its snapshot.
 *   2. `npx drizzle-kit generate --custom --name needs_triggers_<type>` makes an empty migration
 *      (journal entry and snapshot included); fill it with
 *      `npm run -s db:needs-triggers -- --recreate --out migrations/<that file>.sql`. --recreate
 *      drops the old triggers, empties both totals tables and rebuilds them with the new columns.
 *   3. In test/node/needs-triggers.test.ts, pin 0012's entry to the list it was generated from
 *      (manajerial, sosial_kultural, teknis) and add an entry for the new migration with
 *      `competencyTypes` and `recreate: true`; the test fails until the newest needs-triggers
 *      migration has an entry.
 * The report (src/modules/competencies/needs/totals.ts) reads the columns by type name and needs
 * no change.
 *
 * No CASE anywhere (iif instead): wrangler's statement splitter reads CASE ... END as a block.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { competencyTypes } from '../src/db/schema/competencies';

const breakpoint = '\n--> statement-breakpoint\n';

const header = `-- The needs report's running totals (needs_people, needs_cells), kept by triggers: every write to
-- employees, position standards, current levels or a competency's type, whatever code makes it,
-- adjusts them in the same statement. A pair is an active employee x a competency of their position's
-- standard; unassessed pairs are counted, never entered in a gap sum. needs_people holds one row per
-- employee, with totals over all their pairs and per competency type; needs_cells the assessed pairs
-- per unit (or position) and competency. Each trigger takes away the old state's contribution and
-- adds the new one's. top_weighted_gap* follow the largest weighted gap: raised at once, and recomputed
-- from the employee's own pairs (a few dozen rows) only when the pair that held it went down.
-- Written without CASE (iif instead): wrangler's statement splitter reads CASE ... END as a block.`;

// ---------------------------------------------------------------------------------------------
// One pair's contribution. A pair is described by the SQL of its required level, current level,
// weight and competency type, which differ by trigger (the row in NEW/OLD or a joined table).

interface Pair {
  required: string;
  level: string;
  weight: string;
  type: string;
  /** Whether the pair itself comes or goes (pairs ±1), or only its level changes (pairs 0). */
  counted: boolean;
}

/** The six needs_people measures, in column order. */
const measures = ['pairs', 'assessed', 'gap_pairs', 'gap_sum', 'weighted_gap_sum', 'top_weighted_gap'] as const;
/** needs_cells keeps the assessed ones only. */
const cellMeasures = ['assessed', 'gap_pairs', 'gap_sum', 'weighted_gap_sum'] as const;
type Measure = (typeof measures)[number];

function pairMeasure(p: Pair, m: Measure): string {
  const gap = `coalesce(max(0, ${p.required} - ${p.level}), 0)`;
  switch (m) {
    case 'pairs':
      return p.counted ? '1' : '0';
    case 'assessed':
      return `(${p.level} IS NOT NULL)`;
    case 'gap_pairs':
      return `coalesce(${p.required} > ${p.level}, 0)`;
    case 'gap_sum':
      return gap;
    case 'weighted_gap_sum':
    case 'top_weighted_gap':
      return `${gap} * ${p.weight}`;
  }
}

/** The needs_people column groups: all pairs (suffix '') and one per type. */
const groups = (types: readonly string[]) => [null, ...types];
const suffix = (type: string | null) => (type === null ? '' : `_${type}`);

/** A measure over one group: a pair of another type contributes nothing. */
function groupMeasure(p: Pair, m: Measure, type: string | null): string {
  const value = pairMeasure(p, m);
  return type === null || value === '0' ? value : `iif(${p.type} = '${type}', ${value}, 0)`;
}

/**
 * How a statement's rows change the totals: add a pair (one row per pair, or `aggregate`d to one
 * row per employee/group), take one away, or replace `old` by `pair` (a level update). Taking away
 * never lowers top_weighted_gap here (0); the upsert recomputes it when needed.
 */
type Change =
  | { kind: 'add'; pair: Pair; aggregate?: boolean }
  | { kind: 'remove'; pair: Pair; aggregate?: boolean }
  | { kind: 'replace'; pair: Pair; old: Pair };

function changeMeasure(c: Change, m: Measure, type: string | null): string {
  const value = (p: Pair) => {
    const v = groupMeasure(p, m, type);
    if (c.kind === 'replace' || !c.aggregate) return v;
    return m === 'top_weighted_gap' ? `max(${v})` : `sum(${v})`;
  };
  switch (c.kind) {
    case 'add':
      return value(c.pair);
    case 'remove': {
      if (m === 'top_weighted_gap') return '0';
      const v = value(c.pair);
      return v === '0' ? v : `-(${v})`;
    }
    case 'replace': {
      const v = value(c.pair);
      if (m === 'top_weighted_gap') return v;
      const old = value(c.old);
      return v === '0' && old === '0' ? v : `${v} - (${old})`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Statements. Written unindented; a trigger body indents each line by two spaces.

const peopleColumns = (types: readonly string[]) => [
  'tenant_id',
  'employee_id',
  'unit_id',
  'position_id',
  ...groups(types).flatMap((t) => measures.map((m) => `${m}${suffix(t)}`)),
];

/** The employee a needs_people row belongs to: its tenant, id, unit and position. */
interface Employee {
  tenant: string;
  id: string;
  unit: string;
  position: string;
}
const rowOf = (alias: string): Employee => ({
  tenant: `${alias}.tenant_id`,
  id: `${alias}.id`,
  unit: `${alias}.unit_id`,
  position: `${alias}.position_id`,
});

/**
 * What a conflicting needs_people row does with the totals besides adding them up:
 * - `raise`: keep the largest weighted gap, recomputed from the employee's pairs when the pair that
 *   held it went down (a pair's level, standard or type changed);
 * - `set`: take unit, position and top_weighted_gap from the new rows (the employee's pairs added
 *   whole, under their new unit/position);
 * - `keep`: take unit and position, leave top_weighted_gap (the employee's pairs taken away whole).
 */
type Upsert = 'raise' | 'set' | 'keep';

function sumsLine(type: string | null): string {
  const s = suffix(type);
  return `  ${measures
    .filter((m) => m !== 'top_weighted_gap')
    .map((m) => `${m}${s} = ${m}${s} + excluded.${m}${s}`)
    .join(', ')},`;
}

function topLines(type: string | null, upsert: Upsert): string {
  const top = `top_weighted_gap${suffix(type)}`;
  if (upsert === 'set') return `  ${top} = excluded.${top}`;
  if (upsert === 'keep') return `  ${top} = ${top}`;
  const pairs = `pairs${suffix(type)}`;
  const weighted = `weighted_gap_sum${suffix(type)}`;
  const ofType = type === null ? '' : ` AND c2.type = '${type}'`;
  return [
    `  ${top} = iif(${pairs} = 0, excluded.${top}, iif(excluded.${top} >= ${top}, excluded.${top}, iif(excluded.${top} - excluded.${weighted} < ${top} - 1e-9, ${top},`,
    '    (SELECT coalesce(max(coalesce(max(0, s2.required_level - l2.level), 0) * s2.weight), 0)',
    '      FROM position_standards s2',
    '      JOIN competencies c2 ON c2.tenant_id = s2.competency_tenant_id AND c2.id = s2.competency_id',
    '      LEFT JOIN current_levels l2 ON l2.tenant_id = s2.tenant_id AND l2.employee_id = excluded.employee_id AND l2.competency_id = s2.competency_id',
    `      WHERE s2.tenant_id = excluded.tenant_id AND s2.position_id = excluded.position_id${ofType}))))`,
  ].join('\n');
}

function peopleUpsert(types: readonly string[], upsert: Upsert): string[] {
  const lines = ['ON CONFLICT (tenant_id, employee_id) DO UPDATE SET'];
  if (upsert !== 'raise') lines.push('  unit_id = excluded.unit_id,', '  position_id = excluded.position_id,');
  const perGroup = groups(types).map((t) => `${sumsLine(t)}\n${topLines(t, upsert)}`);
  lines.push(`${perGroup.join(',\n')};`);
  return lines;
}

interface Source {
  /** FROM and its joins, one line each (joins indented by two spaces). */
  from: string[];
  where: string;
  /** A line after WHERE (GROUP BY, HAVING), if any. */
  tail?: string;
}

function peopleInsert(types: readonly string[], who: Employee, change: Change, source: Source, upsert?: Upsert): string {
  const values = groups(types).flatMap((t) => measures.map((m) => changeMeasure(change, m, t)));
  return [
    `INSERT INTO needs_people (${peopleColumns(types).join(', ')})`,
    `SELECT ${[who.tenant, who.id, who.unit, who.position, ...values].join(', ')}`,
    ...source.from,
    `WHERE ${source.where}`,
    ...(source.tail ? [source.tail] : []),
    ...(upsert ? peopleUpsert(types, upsert) : []),
  ].join('\n');
}

const cellsColumns = ['tenant_id', 'dimension', 'group_key', 'competency_id', 'competency_type', ...cellMeasures];
/** Each pair counts in its unit's cell and in its position's. */
const dimensions = "  JOIN (SELECT 'unit' AS dimension UNION ALL SELECT 'position') d";
const groupKey = (who: Employee) => `iif(d.dimension = 'unit', ${who.unit}, ${who.position})`;

function cellsInsert(who: Employee, competencyId: string, change: Change, source: Source, upsert: boolean): string {
  const values = cellMeasures.map((m) => changeMeasure(change, m, null));
  return [
    `INSERT INTO needs_cells (${cellsColumns.join(', ')})`,
    `SELECT ${[who.tenant, 'd.dimension', groupKey(who), competencyId, 'c.type', ...values].join(', ')}`,
    ...source.from,
    `WHERE ${source.where}`,
    ...(source.tail ? [source.tail] : []),
    ...(upsert
      ? [
          'ON CONFLICT (tenant_id, dimension, group_key, competency_id) DO UPDATE SET',
          '  competency_type = excluded.competency_type, assessed = assessed + excluded.assessed, gap_pairs = gap_pairs + excluded.gap_pairs,',
          '  gap_sum = gap_sum + excluded.gap_sum, weighted_gap_sum = weighted_gap_sum + excluded.weighted_gap_sum;',
        ]
      : []),
  ].join('\n');
}

function trigger(name: string, on: string[], body: string[]): string {
  const indented = body.map((statement) =>
    statement
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  return [`CREATE TRIGGER ${name} ${on[0]}`, ...on.slice(1).map((l) => `  ${l}`), 'BEGIN', ...indented, 'END;'].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The pairs each trigger touches.

const competencyJoin = '  JOIN competencies c ON c.tenant_id = s.competency_tenant_id AND c.id = s.competency_id';
const stored: Omit<Pair, 'counted'> = { required: 's.required_level', level: 'l.level', weight: 's.weight', type: 'c.type' };

/** An employee's pairs: their position's standard, with their levels (`levels`: LEFT JOIN for all pairs, JOIN for assessed ones). */
function pairsOfEmployee(row: 'NEW' | 'OLD', cells: boolean): Source {
  const levels = `JOIN current_levels l ON l.tenant_id = s.tenant_id AND l.employee_id = ${row}.id AND l.competency_id = s.competency_id`;
  return {
    from: ['FROM position_standards s', competencyJoin, ...(cells ? [dimensions, `  ${levels}`] : [`  LEFT ${levels}`])],
    where: `s.tenant_id = ${row}.tenant_id AND s.position_id = ${row}.position_id AND ${row}.status = 'active'`,
    ...(cells ? {} : { tail: 'HAVING count(*) > 0' }),
  };
}

/** One level row's pair (if its employee is active and the competency in their standard). */
function pairOfLevel(row: 'NEW' | 'OLD', cells: boolean): Source {
  return {
    from: [
      'FROM employees e',
      `  JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id AND s.competency_id = ${row}.competency_id`,
      competencyJoin,
      ...(cells ? [dimensions] : []),
    ],
    where: `e.tenant_id = ${row}.tenant_id AND e.id = ${row}.employee_id AND e.status = 'active'`,
  };
}

/** One standard row's pairs: the active employees in its position. */
function pairsOfStandard(row: 'NEW' | 'OLD', cells: boolean): Source {
  const levels = `JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = ${row}.competency_id`;
  return {
    from: [
      'FROM employees e',
      `  JOIN competencies c ON c.tenant_id = ${row}.competency_tenant_id AND c.id = ${row}.competency_id`,
      ...(cells ? [dimensions, `  ${levels}`] : [`  LEFT ${levels}`]),
    ],
    where: `e.tenant_id = ${row}.tenant_id AND e.position_id = ${row}.position_id AND e.status = 'active'`,
    ...(cells ? { tail: "GROUP BY d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id)" } : {}),
  };
}

function levelTriggers(types: readonly string[]): string[] {
  const level = (row: 'NEW' | 'OLD'): Pair => ({ ...stored, level: `${row}.level`, counted: false });
  const add = (row: 'NEW' | 'OLD'): Change => ({ kind: 'add', pair: level(row) });
  const remove = (row: 'NEW' | 'OLD'): Change => ({ kind: 'remove', pair: level(row) });
  const replace: Change = { kind: 'replace', pair: level('NEW'), old: level('OLD') };
  const body = (row: 'NEW' | 'OLD', change: Change) => [
    peopleInsert(types, rowOf('e'), change, pairOfLevel(row, false), 'raise'),
    cellsInsert(rowOf('e'), 's.competency_id', change, pairOfLevel(row, true), true),
  ];
  return [
    trigger('needs_level_insert', ['AFTER INSERT ON current_levels'], body('NEW', add('NEW'))),
    trigger('needs_level_update', ['AFTER UPDATE OF level ON current_levels WHEN OLD.level IS NOT NEW.level'], body('NEW', replace)),
    trigger('needs_level_delete', ['AFTER DELETE ON current_levels'], body('OLD', remove('OLD'))),
  ];
}

function employeeTriggers(types: readonly string[]): string[] {
  const pair: Pair = { ...stored, counted: true };
  const add = (row: 'NEW' | 'OLD') => [
    peopleInsert(types, rowOf(row), { kind: 'add', pair, aggregate: true }, pairsOfEmployee(row, false), 'set'),
    cellsInsert(rowOf(row), 's.competency_id', { kind: 'add', pair }, pairsOfEmployee(row, true), true),
  ];
  const remove = (row: 'NEW' | 'OLD') => [
    peopleInsert(types, rowOf(row), { kind: 'remove', pair, aggregate: true }, pairsOfEmployee(row, false), 'keep'),
    cellsInsert(rowOf(row), 's.competency_id', { kind: 'remove', pair }, pairsOfEmployee(row, true), true),
  ];
  /** A row whose pairs all went (their position has no standard any more, or they left). */
  const dropEmpty = (row: 'NEW' | 'OLD') =>
    `DELETE FROM needs_people WHERE tenant_id = ${row}.tenant_id AND employee_id = ${row}.id AND pairs = 0;`;
  return [
    trigger('needs_employee_insert', ["AFTER INSERT ON employees WHEN NEW.status = 'active'"], add('NEW')),
    trigger(
      'needs_employee_update',
      [
        'AFTER UPDATE OF unit_id, position_id, status ON employees',
        "WHEN (OLD.unit_id, OLD.position_id, OLD.status = 'active') IS NOT (NEW.unit_id, NEW.position_id, NEW.status = 'active')",
      ],
      [...remove('OLD'), ...add('NEW'), dropEmpty('NEW')],
    ),
    trigger('needs_employee_delete', ["AFTER DELETE ON employees WHEN OLD.status = 'active'"], [...remove('OLD'), dropEmpty('OLD')]),
  ];
}

function standardTriggers(types: readonly string[]): string[] {
  const standard = (row: 'NEW' | 'OLD'): Pair => ({ ...stored, required: `${row}.required_level`, weight: `${row}.weight`, counted: true });
  const add = [
    peopleInsert(types, rowOf('e'), { kind: 'add', pair: standard('NEW') }, pairsOfStandard('NEW', false), 'raise'),
    cellsInsert(
      rowOf('e'),
      'NEW.competency_id',
      { kind: 'add', pair: standard('NEW'), aggregate: true },
      pairsOfStandard('NEW', true),
      true,
    ),
  ];
  const remove = [
    peopleInsert(types, rowOf('e'), { kind: 'remove', pair: standard('OLD') }, pairsOfStandard('OLD', false), 'raise'),
    cellsInsert(
      rowOf('e'),
      'OLD.competency_id',
      { kind: 'remove', pair: standard('OLD'), aggregate: true },
      pairsOfStandard('OLD', true),
      true,
    ),
  ];
  return [
    trigger('needs_standard_insert', ['AFTER INSERT ON position_standards'], add),
    trigger('needs_standard_update', ['AFTER UPDATE ON position_standards'], [...remove, ...add]),
    trigger('needs_standard_delete', ['AFTER DELETE ON position_standards'], remove),
  ];
}

/** A competency's type changed: its pairs move between the per-type columns (the cells keep the type as a label). */
function competencyTypeTrigger(types: readonly string[]): string {
  const pair = (row: 'NEW' | 'OLD'): Pair => ({ ...stored, type: `${row}.type`, counted: true });
  const source: Source = {
    from: [
      'FROM position_standards s',
      "  JOIN employees e ON e.tenant_id = s.tenant_id AND e.position_id = s.position_id AND e.status = 'active'",
      '  LEFT JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = s.competency_id',
    ],
    where: 's.competency_tenant_id = NEW.tenant_id AND s.competency_id = NEW.id',
  };
  return trigger(
    'needs_competency_type',
    ['AFTER UPDATE OF type ON competencies WHEN OLD.type IS NOT NEW.type'],
    [
      "UPDATE needs_cells SET competency_type = NEW.type WHERE competency_id = NEW.id AND NEW.tenant_id IN ('', tenant_id);",
      peopleInsert(types, rowOf('e'), { kind: 'remove', pair: pair('OLD') }, source, 'raise'),
      peopleInsert(types, rowOf('e'), { kind: 'add', pair: pair('NEW') }, source, 'raise'),
    ],
  );
}

/** The totals of the current data, computed whole (the migration's first statements). */
function backfill(types: readonly string[]): string[] {
  const pair: Pair = { ...stored, counted: true };
  const from = (cells: boolean) => [
    'FROM employees e',
    '  JOIN position_standards s ON s.tenant_id = e.tenant_id AND s.position_id = e.position_id',
    competencyJoin,
    ...(cells ? [dimensions] : []),
    `  ${cells ? '' : 'LEFT '}JOIN current_levels l ON l.tenant_id = e.tenant_id AND l.employee_id = e.id AND l.competency_id = s.competency_id`,
  ];
  return [
    `${peopleInsert(types, rowOf('e'), { kind: 'add', pair, aggregate: true }, { from: from(false), where: "e.status = 'active'", tail: 'GROUP BY e.tenant_id, e.id' })};`,
    `${cellsInsert(rowOf('e'), 's.competency_id', { kind: 'add', pair, aggregate: true }, { from: from(true), where: "e.status = 'active'", tail: "GROUP BY e.tenant_id, d.dimension, iif(d.dimension = 'unit', e.unit_id, e.position_id), s.competency_id" }, false)};`,
  ];
}

// ---------------------------------------------------------------------------------------------

export interface NeedsTriggersOptions {
  /**
   * For a migration after 0012: first drop the existing triggers and empty the totals tables, so
   * the backfill rebuilds them with the current columns.
   */
  recreate?: boolean;
}

/** The whole migration for `types` (each a needs_people column suffix and a competencies.type value). */
export function needsTriggersMigration(types: readonly string[] = competencyTypes, options: NeedsTriggersOptions = {}): string {
  if (types.length === 0) throw new Error('no competency types');
  for (const t of types)
    if (!/^[a-z][a-z0-9_]*$/.test(t)) throw new Error(`competency type ${JSON.stringify(t)} is not a lower-case SQL name`);
  if (new Set(types).size !== types.length) throw new Error('competency types repeat');
  const triggers = [...levelTriggers(types), ...employeeTriggers(types), ...standardTriggers(types), competencyTypeTrigger(types)];
  const names = triggers.map((t) => t.split(' ', 3)[2]);
  const drops = options.recreate
    ? [...names.map((name) => `DROP TRIGGER IF EXISTS ${name};`), 'DELETE FROM needs_people;', 'DELETE FROM needs_cells;']
    : [];
  const comment = options.recreate
    ? `${header}\n-- Re-created for the competency types ${types.join(', ')}: the old triggers are dropped and the totals rebuilt.`
    : header;
  return `${comment}\n${[...drops, ...backfill(types), ...triggers].join(breakpoint)}\n`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      recreate: { type: 'boolean', default: false },
      types: { type: 'string' },
    },
  });
  const types = values.types ? values.types.split(',').map((t) => t.trim()) : competencyTypes;
  let sql: string;
  try {
    sql = needsTriggersMigration(types, { recreate: values.recreate });
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(2);
  }
  if (values.out) writeFileSync(values.out, sql);
  else process.stdout.write(sql);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
