/**
 * The demo ASN registry of a tenant, as the CSV the import endpoint reads. Deterministic: the same
 * manifest and count give the same file, byte for byte (a seeded PRNG, never Math.random), so
 * loading it on every `npm start` changes nothing after the first time.
 *
 * Every structural position (JPT, administrator, pengawas) gets one holder, who heads its unit;
 * the rest are staff (pelaksana, fungsional) placed in units that fit their work. Grades follow
 * the position category, ages follow the grade, NIPs are valid and unique, some staff are PPPK.
 * Supervisors: a unit's head supervises its staff; a head reports to the head of the nearest unit
 * above with one, else to the Sekretaris Daerah, else to nobody. Heads come first in the file, so
 * every supervisor precedes the people they supervise and the file may be cut into request-sized
 * pieces (the 1 MB body limit) and imported piece by piece.
 */
import Papa from 'papaparse';
import type { ManifestInput, ManifestUnit } from '../../src/modules/tenants/manifest';
import { degrees, evenMix, mixes, pools } from './names';
import { hash, prng, type Random } from './random';

/** A manifest as written in `tenants/*.json` (defaults not yet applied). */
export type DemoManifest = Pick<ManifestInput, 'slug' | 'units' | 'positions'>;
type Position = NonNullable<ManifestInput['positions']>[number];
type Category = Position['category'];

const rank: Record<Category, number> = { jpt_madya: 4, jpt_pratama: 3, administrator: 2, pengawas: 1, pelaksana: 0, fungsional: 0 };
const pnsGrades: Record<Category, string[]> = {
  jpt_madya: ['IV/d', 'IV/e'],
  jpt_pratama: ['IV/c', 'IV/d'],
  administrator: ['IV/a', 'IV/b'],
  pengawas: ['III/c', 'III/d'],
  pelaksana: ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'],
  fungsional: ['III/a', 'III/b', 'III/c', 'III/d', 'IV/a'],
};
const seniority = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];

/** Where staff of a kind of position work: unit code prefixes, by position code prefix. */
const homes: [string, string[]][] = [
  ['DOKTER', ['DINKES', 'PKM', 'RSUD', 'LABKESDA']],
  ['PERAWAT', ['PKM', 'RSUD', 'DINKES']],
  ['BIDAN', ['PKM', 'DINKES']],
  ['NUTRISIONIS', ['PKM', 'DINKES']],
  ['PENYULUH-KESMAS', ['DINKES', 'PKM']],
  ['GURU', ['DISDIK']],
  ['AUDITOR', ['INSP']],
  ['P2UPD', ['INSP']],
  ['WIDYAISWARA', ['BPSDM']],
  ['POLHUT', ['DISHUT', 'TAHURA']],
  ['PENYULUH-KEHUTANAN', ['DISHUT']],
  ['ADMINDUK', ['DISDUKCAPIL']],
  ['PENGOLAH-DATA-KEPENDUDUKAN', ['DISDUKCAPIL', 'KEC']],
  ['PENYULUH-PERIKANAN', ['DKP', 'UPTD-PP']],
  ['POLPP', ['SATPOLPP']],
  ['PERENCANA', ['BAPPEDA']],
  ['ANALIS-SDMA', ['BKD', 'BKPSDM', 'BPSDM']],
  ['PENGOLAH-DATA-KEPEGAWAIAN', ['BKD', 'BKPSDM']],
  ['PENGELOLA-PBJ', ['SETDA-PBJ', 'BIRO-UMUM']],
  ['PRANATA-HUMAS', ['DISKOMINFO', 'SETDA-PROKOPIM']],
  ['PENGELOLA-PENDAPATAN', ['BPKPD', 'SAMSAT']],
];

interface Person {
  nip: string;
  name: string;
  unit: string;
  position: Position;
  grade: string;
  type: 'pns' | 'pppk';
  email: string;
}

function flatten(units: ManifestUnit[], parent: string | null, out = new Map<string, string | null>()) {
  for (const u of units) {
    out.set(u.code, parent);
    flatten(u.children ?? [], u.code, out);
  }
  return out;
}

function nameFor(r: Random, slug: string, female: boolean, position: Position, grade: string): string {
  const pool = pools[r.weighted(mixes[slug] ?? evenMix)];
  const first = r.pick(female ? pool.female : pool.male);
  let second = r.pick(female && pool.secondFemale ? pool.secondFemale : pool.second);
  if (second === first) second = r.pick(pool.second);
  const code = position.code;
  const senior = seniority.indexOf(grade) >= 8;
  const hajj = senior && r.next() < 0.15 ? (female ? 'Hj. ' : 'H. ') : '';
  if (code.startsWith('DOKTER-GIGI')) return `drg. ${first} ${second}`;
  if (code.startsWith('DOKTER') || (code === 'KADINKES' && r.next() < 0.6))
    return `dr. ${first} ${second}${senior && r.next() < 0.5 ? ', M.Kes.' : ''}`;
  if (code.startsWith('PERAWAT')) return `${first} ${second}${code.endsWith('TERAMPIL') ? ', A.Md.Kep.' : ', S.Kep., Ns.'}`;
  if (code.startsWith('BIDAN')) return `${first} ${second}, A.Md.Keb.`;
  if (code.startsWith('NUTRISIONIS')) return `${first} ${second}, A.Md.Gz.`;
  if (code.startsWith('GURU')) return `${first} ${second}, S.Pd.`;
  if (rank[position.category] >= 2) return `${hajj}${r.next() < 0.1 ? 'Dr. ' : ''}${first} ${second}${r.pick(degrees.leader)}`;
  if (position.category === 'pelaksana') {
    const x = r.next();
    return `${first} ${second}${x < 0.45 ? '' : x < 0.65 ? r.pick(degrees.diploma) : r.pick(degrees.graduate)}`;
  }
  return `${hajj}${first} ${second}${r.pick(degrees.graduate)}`;
}

function nipFor(r: Random, grade: string, type: 'pns' | 'pppk', female: boolean, taken: Set<string>): string {
  // Older people hold higher grades: birth year from about 1999 (II/a) back to about 1968 (IV/e).
  const s = Math.max(0, seniority.indexOf(grade)) / (seniority.length - 1);
  for (;;) {
    const year = Math.round(1997 - s * 26) + r.int(-2, 2);
    const birth = `${year}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    // PPPK numbers carry the appointment year and "21" where a PNS NIP has the month.
    const appointed =
      type === 'pppk' ? `${r.int(2021, 2024)}21` : `${Math.min(2024, year + r.int(22, 27))}${String(r.int(1, 12)).padStart(2, '0')}`;
    const nip = `${birth}${appointed}${female ? 2 : 1}${String(r.int(1, 999)).padStart(3, '0')}`;
    if (!taken.has(nip)) {
      taken.add(nip);
      return nip;
    }
  }
}

export function employeesCsv(manifest: DemoManifest, count: number): string {
  const r = prng(hash(`${manifest.slug}:${count}`));
  // The unit schema has no defaults or transforms: its input is already the parsed shape.
  const parentOf = flatten((manifest.units ?? []) as ManifestUnit[], null);
  const unitCodes = [...parentOf.keys()];
  const positions: Position[] = manifest.positions ?? [];
  const structural = positions.filter((p) => p.unit && rank[p.category] > 0).slice(0, count);
  const staffPositions = positions.filter((p) => !structural.includes(p) && rank[p.category] === 0);
  const taken = new Set<string>();
  const people: Person[] = [];

  const add = (position: Position, unit: string) => {
    const type = rank[position.category] === 0 && r.next() < (position.category === 'fungsional' ? 0.2 : 0.1) ? 'pppk' : 'pns';
    const grade =
      type === 'pppk'
        ? position.category === 'pelaksana'
          ? r.pick(['V', 'VII'])
          : position.code.endsWith('TERAMPIL')
            ? 'VII'
            : 'IX'
        : pnsGrade(r, position);
    const female = position.code.startsWith('BIDAN') || r.next() < 0.5;
    const name = nameFor(r, manifest.slug, female, position, grade);
    const nip = nipFor(r, type === 'pppk' ? 'III/a' : grade, type, female, taken);
    const local = name
      .replace(/^(dr|drg|Dr|H|Hj)\. /, '')
      .split(',')[0]!
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    people.push({
      nip,
      name,
      unit,
      position,
      grade,
      type,
      email: r.next() < 0.6 ? `${local}.${nip.slice(-3)}@${manifest.slug}.go.id` : '',
    });
  };
  for (const p of structural) add(p, p.unit as string);
  for (let _i = 0; people.length < count && staffPositions.length > 0; _i++) {
    const position = r.pick(staffPositions);
    const prefixes = position.unit ? [position.unit] : (homes.find(([k]) => position.code.startsWith(k))?.[1] ?? []);
    const fitting = unitCodes.filter((u) => prefixes.some((p) => u.startsWith(p)));
    add(position, r.pick(fitting.length > 0 ? fitting : unitCodes));
  }

  // A unit's head: its highest-ranked structural holder, the first listed on a tie.
  const heads = new Map<string, Person>();
  for (const p of people) {
    const current = heads.get(p.unit);
    if (rank[p.position.category] > 0 && (!current || rank[p.position.category] > rank[current.position.category])) heads.set(p.unit, p);
  }
  const sekda = people.find((p) => p.position.code === 'SEKDA');
  const headAbove = (unit: string | null | undefined): Person | undefined => {
    for (let u = unit; u; u = parentOf.get(u)) if (heads.has(u)) return heads.get(u);
    return sekda;
  };
  const bossOf = new Map<Person, Person>();
  for (const p of people) {
    const boss = heads.get(p.unit) === p ? headAbove(parentOf.get(p.unit)) : headAbove(p.unit);
    if (boss && boss !== p) bossOf.set(p, boss);
  }
  const depth = (p: Person): number => {
    let d = 0;
    for (let b = bossOf.get(p); b; b = bossOf.get(b)) d++;
    return d;
  };
  const ordered = people.map((p) => ({ p, d: depth(p) })).sort((a, b) => a.d - b.d);
  const rows = ordered.map(({ p }) => [p.nip, p.name, p.unit, p.position.code, p.grade, p.type, bossOf.get(p)?.nip ?? '', p.email]);
  const fields = ['nip', 'name', 'unit_code', 'position_code', 'grade', 'employment_type', 'supervisor_nip', 'email'];
  return `${Papa.unparse({ fields, data: rows }, { newline: '\r\n' })}\r\n`;
}

function pnsGrade(r: Random, position: Position): string {
  const name = position.code;
  if (position.category !== 'fungsional') return r.pick(pnsGrades[position.category]);
  if (name.endsWith('MUDA')) return r.pick(['III/c', 'III/d', 'IV/a']);
  if (name.endsWith('PERTAMA') || name.endsWith('TERAMPIL')) return r.pick(['III/a', 'III/b']);
  return r.pick(pnsGrades.fungsional);
}
