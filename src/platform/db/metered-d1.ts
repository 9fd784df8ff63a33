/**
 * Counts what a request costs in D1: statements sent, rows read, rows written. The figures come
 * from D1's own `meta` on every result and leave as the `Server-Timing` header, so tests and
 * benchmarks can judge cost from outside.
 *
 * The tenant-directory lookup (which region a slug names, platform/tenancy/directory.ts) is
 * counted apart, in `directory`: it is a read of the control database that each isolate's cache
 * serves for 30 s, so whether a request pays it depends on what that isolate did before, not on
 * the request. The request's own figures (`queries`, `rowsRead`, `rowsWritten`) are what a route's
 * cost budget is held to; the directory's are reported beside them, never dropped.
 *
 * `raw()` gives no `meta`, so it is served through `all()` and the row objects are turned back into
 * arrays in column order, exactly as drizzle already does for every batched statement. The one
 * consequence: a select must not return two columns with the same name (alias them).
 *
 * A job's meter (`new CostMeter({ turns: true })`) also gives the event loop a turn after every
 * call (platform/event-loop.ts): a job sends hundreds of calls in a row, and under `wrangler dev`
 * such a chain of local D1 replies kept every request that arrived meanwhile waiting until the
 * job ended (docs/jobs.md, "Long work and requests").
 */
import { turn } from '../event-loop';

/** What a group of D1 calls cost. */
class CostFigures {
  /** Round trips to D1: a batch is one, however many statements it holds. */
  queries = 0;
  rowsRead = 0;
  rowsWritten = 0;

  record(metas: (Partial<D1Meta> | undefined)[]): void {
    this.queries += 1;
    for (const meta of metas) {
      this.rowsRead += meta?.rows_read ?? 0;
      this.rowsWritten += meta?.rows_written ?? 0;
    }
  }
}

export class CostMeter extends CostFigures {
  /** The tenant-directory lookups the isolate's cache did not serve (see above). */
  readonly directory = new CostFigures();
  /** Time spent hashing passwords in this request (sign-in), in ms: reported as `password-hash` (the bench reads it). */
  hashMs = 0;

  /** With `turns`, each call through a wrapped binding ends with a turn of the event loop (above). */
  private readonly turns: boolean;

  constructor(options: { turns?: boolean } = {}) {
    super();
    this.turns = options.turns ?? false;
  }

  /** Wraps a binding so every statement run through it is counted as the request's own. */
  wrap(db: D1Database): D1Database {
    return new MeteredDatabase(db, this, this.turns);
  }

  /** Wraps the control database for a directory lookup: counted in `directory`. */
  wrapDirectory(db: D1Database): D1Database {
    return new MeteredDatabase(db, this.directory, this.turns);
  }
}

class MeteredStatement implements D1PreparedStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly meter: CostFigures,
    private readonly turns: boolean,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.meter, this.turns);
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>();
    this.meter.record([result.meta]);
    if (this.turns) await turn();
    return result;
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const result = await this.inner.run<T>();
    this.meter.record([result.meta]);
    if (this.turns) await turn();
    return result;
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(column?: string): Promise<T | null> {
    const { results } = await this.all<Record<string, unknown>>();
    const row = results[0];
    if (row === undefined) return null;
    return (column === undefined ? row : row[column]) as T;
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    const { results } = await this.all<Record<string, unknown>>();
    const rows = results.map((row) => Object.values(row) as T);
    if (options?.columnNames) return [Object.keys(results[0] ?? {}), ...rows];
    return rows;
  }
}

class MeteredDatabase implements D1Database {
  constructor(
    private readonly inner: D1Database,
    private readonly meter: CostFigures,
    private readonly turns: boolean,
  ) {}

  prepare(query: string): MeteredStatement {
    return new MeteredStatement(this.inner.prepare(query), this.meter, this.turns);
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const inner = statements.map((s) => (s instanceof MeteredStatement ? s.inner : s));
    const results = await this.inner.batch<T>(inner);
    this.meter.record(results.map((r) => r.meta));
    if (this.turns) await turn();
    return results;
  }

  async exec(query: string): Promise<D1ExecResult> {
    const result = await this.inner.exec(query);
    this.meter.record([]);
    if (this.turns) await turn();
    return result;
  }

  withSession(): never {
    throw new Error('D1 sessions are not used by Bangkom');
  }

  dump(): Promise<ArrayBuffer> {
    return this.inner.dump();
  }
}
