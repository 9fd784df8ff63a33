/**
 * Issuing certificates. One statement issues one: an insert … select from the enrollment, its
 * offering and program, the participant, their unit and position, that copies what the
 * certificate says and takes the next sequence number of the tenant's year in the same statement
 * (`max(seq) + 1`; D1 runs one statement at a time per database, and the unique index on
 * `(tenant, year, seq)` refuses a duplicate). Nothing is numbered unless a certificate is written
 * with that number, so numbers have no gaps; a revoked certificate keeps its number.
 *
 * It inserts only for a completed, passed enrollment of the offering without a valid certificate:
 * issuing one person is guarded (a clear 409/422 instead of nothing), a batch simply skips those
 * already issued — so a batch run again, or resumed after a restart, numbers nobody twice.
 */
import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { certificates, employees, enrollments, offerings } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import { todayIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError, notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { numberParts } from './pattern';
import type { IssueOptions } from './schemas';
import { type CertificateSettings, certificateSettingsOf } from './settings';
import { getCertificate } from './view';

/** Everything a certificate takes from outside its enrollment, decided once before issuing (a batch job keeps it in its input). */
export interface IssueTerms {
  issuedOn: string;
  official: { name: string; nip: string; title: string };
  numberPattern: string;
  issuerUnit: string;
  issuedPlace: string;
  region: string;
}

/** A verification code: 32 characters of 5 random bits each (160 bits), unguessable. */
function newVerificationCode(): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let code = '';
  for (const b of crypto.getRandomValues(new Uint8Array(32))) code += alphabet[b & 31];
  return code;
}

/** The certificate's id (`crt_…`): from the verification code's generator, another draw. */
export const newCertificateId = () => `crt_${newVerificationCode().slice(0, 20)}`;

/** The terms of an issue: the request's date and official, else today and the settings'; 422 without an official. */
export async function issueTerms(ctx: TenantContext, options: IssueOptions, settings?: CertificateSettings): Promise<IssueTerms> {
  const s = settings ?? (await certificateSettingsOf({ ctx, input: undefined }));
  const today = todayIn(ctx.tenant);
  const issuedOn = options.issuedOn ?? today;
  if (issuedOn > today) {
    throw new DomainError('validation_failed', 'A certificate cannot be dated in the future.', [
      { path: 'body.issuedOn', message: `after today (${today}) on the region's clock` },
    ]);
  }
  const official = options.official ?? s.official;
  if (!official) {
    throw new DomainError('unprocessable', 'No signing official: name one, or set the default in the certificate settings.', [
      { path: 'body.official', message: 'required while the certificate settings name no official' },
    ]);
  }
  return {
    issuedOn,
    official,
    numberPattern: s.numberPattern,
    issuerUnit: s.issuerUnit,
    issuedPlace: s.issuedPlace ?? ctx.tenant.name,
    region: ctx.tenant.name,
  };
}

const passedIn = (ctx: TenantContext, offeringId: string, enrollmentId: string): SQL =>
  sql`exists (select 1 from enrollments e where ${ctx.db.scope('e')} and e.id = ${enrollmentId} and e.offering_id = ${offeringId}
    and e.status = 'completed' and e.passed = 1)`;

const validCertificateOf = (ctx: TenantContext, enrollmentId: string): SQL =>
  sql`exists (select 1 from certificates c where ${ctx.db.scope('c')} and c.enrollment_id = ${enrollmentId} and c.status = 'valid')`;

/** The statement that issues `enrollmentId`'s certificate as `id`, and its audit row (written only if it was). */
export function issueStatements(ctx: TenantContext, terms: IssueTerms, offeringId: string, enrollmentId: string, id: string): Statement[] {
  const now = nowIso();
  const year = Number(terms.issuedOn.slice(0, 4));
  const parts = numberParts(terms.numberPattern, { unit: terms.issuerUnit, issuedOn: terms.issuedOn });
  const values: Record<keyof typeof certificates.$inferInsert, SQL> = {
    tenantId: sql`${ctx.tenant.id}`,
    id: sql`${id}`,
    enrollmentId: sql`e.id`,
    offeringId: sql`o.id`,
    employeeId: sql`e.employee_id`,
    year: sql`${year}`,
    seq: sql`n.seq`,
    number: sql`replace(${parts.before}, '{code}', p.code) || printf(${parts.format}, n.seq) || replace(${parts.after}, '{code}', p.code)`,
    verificationCode: sql`${newVerificationCode()}`,
    status: sql`'valid'`,
    issuedOn: sql`${terms.issuedOn}`,
    issuedPlace: sql`${terms.issuedPlace}`,
    participantName: sql`emp.name`,
    participantNip: sql`emp.nip`,
    grade: sql`emp.grade`,
    positionName: sql`pos.name`,
    unitName: sql`u.name`,
    programCode: sql`p.code`,
    programTitle: sql`p.title`,
    startDate: sql`o.start_date`,
    endDate: sql`o.end_date`,
    jpCenti: sql`p.jp_centi`,
    venue: sql`coalesce(o.location, case when o.online then 'Daring' else '-' end)`,
    officialName: sql`${terms.official.name}`,
    officialNip: sql`${terms.official.nip}`,
    officialTitle: sql`${terms.official.title}`,
    region: sql`${terms.region}`,
    issuedBy: sql`${ctx.actor.subject}`,
    revokedOn: sql`null`,
    revokedReason: sql`null`,
    createdAt: sql`${now}`,
    updatedAt: sql`${now}`,
  };
  const columns = Object.keys(getTableColumns(certificates)) as (keyof typeof values)[];
  const orm = ctx.db.unscoped('insert … select: the copy of the certificate and its sequence number are taken in the one statement');
  const insert = orm.insert(certificates).select(sql`select ${sql.join(
    columns.map((c) => values[c]),
    sql`, `,
  )}
    from enrollments e
    join offerings o on o.tenant_id = e.tenant_id and o.id = e.offering_id
    join programs p on p.tenant_id = o.program_tenant_id and p.id = o.program_id
    join employees emp on emp.tenant_id = e.tenant_id and emp.id = e.employee_id
    join units u on u.tenant_id = emp.tenant_id and u.id = emp.unit_id
    join positions pos on pos.tenant_id = emp.tenant_id and pos.id = emp.position_id
    cross join (select coalesce(max(c.seq), 0) + 1 as seq from certificates c where ${ctx.db.scope('c')} and c.year = ${year}) n
    where ${ctx.db.scope('e')} and e.id = ${enrollmentId} and e.offering_id = ${offeringId} and e.status = 'completed' and e.passed = 1
      and not ${validCertificateOf(ctx, enrollmentId)}`);
  return [insert, auditIfChanged(ctx, 'certificate.issue', 'certificate', id, now)];
}

/** Issues one participant's certificate; 409 when they have a valid one, 422 when the enrollment did not pass. */
export async function issueOne({ ctx, input }: Call<TenantContext, { offeringId: string; enrollmentId: string; options: IssueOptions }>) {
  const { offeringId, enrollmentId } = input;
  const [found] = await ctx.db
    .select({ id: enrollments.id, status: enrollments.status, passed: enrollments.passed })
    .from(enrollments)
    .innerJoin(offerings, and(eq(offerings.tenantId, enrollments.tenantId), eq(offerings.id, enrollments.offeringId)))
    .innerJoin(employees, and(eq(employees.tenantId, enrollments.tenantId), eq(employees.id, enrollments.employeeId)))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.offeringId, offeringId)))
    .limit(1);
  if (!found) {
    const [offering] = await ctx.db.select({ id: offerings.id }).from(offerings).where(eq(offerings.id, offeringId)).limit(1);
    if (!offering) throw notFound('offering');
    throw new DomainError('unprocessable', 'No such enrollment in this offering.', [
      { path: 'body.enrollmentId', message: 'not an enrollment of this offering' },
    ]);
  }
  if (found.status !== 'completed' || found.passed !== true) {
    throw new DomainError('unprocessable', 'Only a completed and passed enrollment earns a certificate.', [
      { path: 'body.enrollmentId', message: `this enrollment is ${found.status}${found.status === 'completed' ? ', not passed' : ''}` },
    ]);
  }
  const terms = await issueTerms(ctx, input.options);
  const id = newCertificateId();
  const noneYet = ctx.db.guard(
    sql`not ${validCertificateOf(ctx, enrollmentId)}`,
    'conflict',
    'This participant already has a valid certificate.',
  );
  const passed = ctx.db.guard(passedIn(ctx, offeringId, enrollmentId), 'conflict', 'The enrollment is no longer passed.');
  await ctx.db.batch([noneYet, passed, ...issueStatements(ctx, terms, offeringId, enrollmentId, id)]);
  return getCertificate({ ctx, input: id });
}
