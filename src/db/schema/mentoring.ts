/**
 * Mentoring and coaching: mentor profiles, pairings with their lifecycle, sessions and goals.
 *
 * A pairing names two employees of the same tenant (composite foreign keys include tenant_id).
 * At most one open (proposed or active) pairing of a kind per mentor and mentee, decided by a
 * partial unique index, so parallel proposals cannot duplicate one. A completed pairing keeps
 * `completed_at` and both members: the evaluation module reads it as an open mentoring
 * evaluation for each of them.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';
import { employees } from './employees';

export const pairingKinds = ['mentoring', 'coaching'] as const;
export const pairingStatuses = ['proposed', 'active', 'completed', 'cancelled'] as const;
export const mentorStatuses = ['active', 'paused'] as const;
export const goalStatuses = ['open', 'done', 'dropped'] as const;

export const mentorProfiles = sqliteTable(
  'mentor_profiles',
  {
    ...tenantColumns(),
    employeeId: text('employee_id').notNull(),
    capacity: integer('capacity').notNull().default(3),
    /** JSON array of competency ids the mentor offers (national or the tenant's own). */
    competencies: text('competencies').notNull(),
    availability: text('availability'),
    status: text('status', { enum: mentorStatuses }).notNull().default('active'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('mentor_profiles_employee').on(t.tenantId, t.employeeId),
    index('mentor_profiles_status').on(t.tenantId, t.status),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    check('mentor_profiles_capacity', sql`${t.capacity} between 0 and 50`),
  ],
);

export const pairings = sqliteTable(
  'pairings',
  {
    ...tenantColumns(),
    kind: text('kind', { enum: pairingKinds }).notNull(),
    mentorId: text('mentor_id').notNull(),
    menteeId: text('mentee_id').notNull(),
    status: text('status', { enum: pairingStatuses }).notNull(),
    /** JSON array of competency ids the pairing works on. */
    focus: text('focus').notNull(),
    note: text('note'),
    proposedBy: text('proposed_by').notNull(),
    acceptedAt: text('accepted_at'),
    endedAt: text('ended_at'),
    endedBy: text('ended_by'),
    endReason: text('end_reason'),
    completedAt: text('completed_at'),
    /** JP credited to the mentee at completion, in hundredths (0 when no session minutes). */
    jpCenti: integer('jp_centi'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('pairings_tenant_created').on(t.tenantId, t.createdAt, t.id),
    index('pairings_mentor').on(t.tenantId, t.mentorId, t.status),
    index('pairings_mentee').on(t.tenantId, t.menteeId, t.status),
    uniqueIndex('pairings_open_once').on(t.tenantId, t.kind, t.mentorId, t.menteeId).where(sql`status in ('proposed', 'active')`),
    foreignKey({ columns: [t.tenantId, t.mentorId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.menteeId], foreignColumns: [employees.tenantId, employees.id] }),
    check('pairings_two_people', sql`${t.mentorId} <> ${t.menteeId}`),
  ],
);

export const mentoringSessions = sqliteTable(
  'mentoring_sessions',
  {
    ...tenantColumns(),
    pairingId: text('pairing_id').notNull(),
    date: text('date').notNull(),
    minutes: integer('minutes').notNull(),
    notes: text('notes'),
    /** JSON array of short action items. */
    actionItems: text('action_items').notNull(),
    recordedBy: text('recorded_by').notNull(),
    /** The member who recorded it (null: recorded before sessions were confirmed, member unknown). */
    recorderId: text('recorder_id'),
    /** Set once the other member (or the admin) confirms it: only confirmed minutes earn JP. */
    confirmedBy: text('confirmed_by'),
    confirmedAt: text('confirmed_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('mentoring_sessions_pairing').on(t.tenantId, t.pairingId, t.date, t.id),
    foreignKey({ columns: [t.tenantId, t.pairingId], foreignColumns: [pairings.tenantId, pairings.id] }),
    check('mentoring_sessions_minutes', sql`${t.minutes} between 1 and 1440`),
  ],
);

export const mentoringGoals = sqliteTable(
  'mentoring_goals',
  {
    ...tenantColumns(),
    pairingId: text('pairing_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: goalStatuses }).notNull().default('open'),
    dueDate: text('due_date'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('mentoring_goals_pairing').on(t.tenantId, t.pairingId, t.id),
    foreignKey({ columns: [t.tenantId, t.pairingId], foreignColumns: [pairings.tenantId, pairings.id] }),
  ],
);
