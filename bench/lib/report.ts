/** The benchmark table: each figure beside its budget (bench/README.md), a pass/fail mark, and the JSON file. */
import { mkdir, writeFile } from 'node:fs/promises';

export interface Figure {
  section: string;
  name: string;
  value: number | string;
  unit: string;
  budget?: string;
  pass?: boolean;
}

export class Report {
  readonly figures: Figure[] = [];

  add(f: Figure): void {
    this.figures.push(f);
    const mark = f.pass === undefined ? ' ' : f.pass ? '✓' : '✗';
    const value = typeof f.value === 'number' ? round(f.value) : f.value;
    console.log(
      `  ${mark} ${f.section.padEnd(12)} ${f.name.padEnd(52)} ${String(value).padStart(10)} ${f.unit.padEnd(12)} ${f.budget ?? ''}`,
    );
  }

  markdown(): string {
    const rows = this.figures.map((f) => {
      const mark = f.pass === undefined ? '' : f.pass ? 'pass' : '**miss**';
      const value = typeof f.value === 'number' ? round(f.value) : f.value;
      return `| ${f.section} | ${f.name} | ${value} ${f.unit} | ${f.budget ?? ''} | ${mark} |`;
    });
    return ['| area | figure | measured | budget | |', '|---|---|---|---|---|', ...rows].join('\n');
  }

  /** Writes `<name>.json` and `<name>.md` (the full run: `latest`). */
  async write(dir: URL, meta: Record<string, unknown>, name = 'latest'): Promise<void> {
    await mkdir(dir, { recursive: true });
    const json = JSON.stringify({ ...meta, figures: this.figures }, null, 2);
    await writeFile(new URL(`${name}.json`, dir), `${json}\n`);
    await writeFile(new URL(`${name}.md`, dir), `${this.markdown()}\n`);
  }
}

const round = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 10) / 10);
