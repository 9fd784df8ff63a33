/**
 * The onboarding manifest: the one shape that `POST /api/v1/tenants`, `npm run onboard` and the
 * files in `tenants/` are all checked against.
 */
import { z } from '@hono/zod-openapi';
import { positionCategories, unitKinds } from '../../db/schema/organisation';
import { codeSchema, slugSchema } from '../../platform/http/params';
import { lineText, multilineText } from '../../platform/http/text';

export const timeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const tenantKinds = ['provinsi', 'kabupaten', 'kota'] as const;

const name = lineText(200, 2);

export interface ManifestUnit {
  code: string;
  name: string;
  kind: (typeof unitKinds)[number];
  children?: ManifestUnit[] | undefined;
}

const manifestUnitSchema: z.ZodType<ManifestUnit> = z
  .lazy(() =>
    z.object({
      code: codeSchema,
      name,
      kind: z.enum(unitKinds),
      children: z.array(manifestUnitSchema).max(500).optional(),
    }),
  )
  .openapi('ManifestUnit');

/**
 * How deep units may nest: top-level units are level 1. A regional government's organisation
 * (PP 18/2016: Sekretariat Daerah → Asisten → Bagian → Subbagian; Dinas → Bidang → Seksi, UPTD) is
 * five or six levels at most; twelve leaves twice that room. The bound is what keeps validation
 * safe: zod walks the recursive schema recursively, a few stack frames per level, and a tree a
 * thousand levels deep (50 KB of JSON) overflowed the stack.
 */
export const maxUnitDepth = 12;

/**
 * The path of the first unit nested deeper than `maxUnitDepth`, found without recursion (an
 * explicit stack), so any depth is safe to check; undefined when the tree is within the bound or
 * is not a tree of units at all (the schema then says what is wrong with it).
 */
function tooDeep(units: unknown): (string | number)[] | undefined {
  if (!Array.isArray(units)) return undefined;
  const stack: { list: unknown[]; depth: number; path: (string | number)[] }[] = [{ list: units, depth: 1, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    for (const [i, unit] of next.list.entries()) {
      const children = typeof unit === 'object' && unit !== null ? (unit as { children?: unknown }).children : undefined;
      if (!Array.isArray(children) || children.length === 0) continue;
      const path = [...next.path, i, 'children'];
      if (next.depth === maxUnitDepth) return path;
      stack.push({ list: children, depth: next.depth + 1, path });
    }
  }
  return undefined;
}

/** The unit tree, its depth checked before zod walks it (an issue here stops the walk). */
const unitTreeSchema = z.preprocess(
  (units: ManifestUnit[] | undefined, ctx) => {
    const path = tooDeep(units);
    if (path) ctx.issues.push({ code: 'custom', input: units, path, message: `units nest at most ${maxUnitDepth} levels deep` });
    return units;
  },
  z
    .array(manifestUnitSchema)
    .max(2000)
    .default([])
    .openapi({ description: `Units nest at most ${maxUnitDepth} levels deep` }),
);

const manifestPositionSchema = z.object({
  code: codeSchema,
  name,
  category: z.enum(positionCategories),
  /** Code of the unit the position belongs to; omitted for positions used across units. */
  unit: codeSchema.optional(),
  /**
   * The position's competency standard (required level and weight per competency, by code: a national
   * one or one of `competencies` below). Omitted: the standard is left as it is (it may be kept through
   * the API); given: the position's standard becomes exactly this list.
   */
  standards: z
    .array(
      z
        .object({
          competency: codeSchema,
          requiredLevel: z.number().int().min(1).max(5),
          weight: z.number().positive().max(100).default(1),
        })
        .strict(),
    )
    .max(100)
    .optional(),
});

/** A tenant's own technical competency (kompetensi teknis), matched by code on every onboarding. */
const manifestCompetencySchema = z
  .object({
    code: codeSchema,
    name,
    description: multilineText(2000, 2),
    levels: z.array(multilineText(1000, 2)).length(5).openapi({ description: 'Levels 1 to 5, level 1 first' }),
  })
  .strict();

export const manifestSchema = z
  .object({
    slug: slugSchema,
    name,
    kind: z.enum(tenantKinds),
    regionCode: z
      .string()
      .regex(/^\d{2}(\.\d{2})?$/, 'Kemendagri region code: "18" for a province, "18.01" for a kabupaten/kota')
      .openapi({ example: '18.01' }),
    timeZone: z.enum(timeZones),
    jpTarget: z.number().int().min(1).max(200).default(20),
    /** A dedicated D1 binding (`DB_*` in wrangler.toml); omitted means the shared `DB`. */
    database: z
      .string()
      .regex(/^DB(_[A-Z0-9_]+)?$/, 'a D1 binding name such as DB or DB_DEDICATED')
      .default('DB'),
    units: unitTreeSchema,
    competencies: z.array(manifestCompetencySchema).max(1000).default([]),
    positions: z.array(manifestPositionSchema).max(5000).default([]),
  })
  .strict()
  .openapi('TenantManifest');

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
