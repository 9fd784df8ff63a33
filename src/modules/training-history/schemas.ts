/** Request and response shapes of the training-history import. */
import { z } from '@hono/zod-openapi';

export const importQuery = z.object({
  mode: z
    .enum(['dry-run', 'commit'])
    .default('dry-run')
    .openapi({ description: 'dry-run checks and counts, writing nothing; commit records the good rows and credits their JP, as a job' }),
});

export const importReportSchema = z
  .object({
    mode: z.enum(['dry-run', 'commit']),
    rows: z.number().int().openapi({ description: 'data rows in the file (blank lines not counted)' }),
    created: z.number().int().openapi({ description: 'trainings recorded (dry run: that would be), each crediting its JP once' }),
    unchanged: z.number().int().openapi({ description: 'rows already recorded by an earlier import: nothing written' }),
    rejected: z.number().int().openapi({ description: 'rows not applied; each has at least one entry in errors' }),
    jp: z.number().openapi({ description: 'the JP credited by the created rows' }),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: 'row in the file, the header being row 1' }),
        column: z.string(),
        reason: z.string(),
      }),
    ),
    ignoredColumns: z.array(z.string()),
  })
  .openapi('TrainingHistoryImport');
export type ImportReport = z.infer<typeof importReportSchema>;
