/**
 * HTTP face of mentoring and coaching: mentor profiles (`/mentors`), pairings with suggestions,
 * whole-pool matching and the lifecycle steps, sessions and goals, and the caller's own pairings
 * (`/me/pairings`). Personal data: the national admin is refused everywhere. Static paths
 * (`suggestions`, `match`) are declared before `{id}`.
 */
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { acceptPairing, declinePairing, endPairing } from './lifecycle';
import { createPairing, getPairing, listPairings } from './pairings';
import { matchMentees } from './pool-matching';
import { createMentor, getMentor, listMentors, updateMentor } from './profiles';
import { publishPairs } from './publish';
import * as s from './schemas';
import { addGoal, addSession, confirmSession, getGoal, listGoals, listSessions, updateGoal } from './sessions';
import { suggestionsFor } from './suggestions';

const tags = ['Mentoring'];
const admin = ['tenant_admin'] as const;
const people = ['tenant_admin', 'employee'] as const;
const members = ['employee'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };
const stateConflict = { 409: problem('The pairing is not in a state that allows this step, or the mentor has no free slot') };
const refused = { 422: problem('The people or competencies named do not hold') };
const cursorOf = <N extends number>(cursor: string | undefined, arity: N) =>
  decodeCursor(cursor, arity) as (string[] & { length: N }) | undefined;

export const mentoringRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/mentors',
      tags,
      roles: admin,
      summary: 'Mentor profiles',
      request: { params: tenantParams, query: s.mentorQuery },
      responses: { 200: json(pageOf(s.namedMentorSchema), "A page of mentor profiles, each with the mentor's name") },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = cursorOf(cursor, 1) as [string] | undefined;
      return c.json(await listMentors({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/mentors',
      tags,
      roles: admin,
      summary: 'Create a mentor profile (capacity default 3)',
      request: { params: tenantParams, body: jsonBody(s.newMentorSchema) },
      responses: { 201: json(s.mentorSchema, 'Created'), 409: problem('The employee already has a profile'), ...refused },
    }),
    async (c) => {
      const mentor = await createMentor({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(mentor.version));
      return c.json(mentor, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/mentors/{id}',
      tags,
      roles: people,
      summary: 'One mentor profile (an employee reads only their own)',
      request: { params: s.idParams },
      responses: { 200: json(s.mentorSchema, 'The profile') },
    }),
    async (c) => {
      const mentor = await getMentor({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(mentor.version));
      return c.json(mentor, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/mentors/{id}',
      tags,
      roles: admin,
      summary: 'Change a mentor profile: capacity, competencies, availability, active/paused (If-Match)',
      request: { params: s.idParams, body: jsonBody(s.mentorChangesSchema) },
      responses: { 200: json(s.mentorSchema, 'The changed profile'), ...ifMatch, ...refused },
    }),
    async (c) => {
      const mentor = await updateMentor({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(mentor.version));
      return c.json(mentor, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/pairings',
      tags,
      roles: admin,
      summary: "The tenant's pairings, oldest first, with filters",
      request: { params: tenantParams, query: s.pairingQuery },
      responses: { 200: json(pageOf(s.namedPairingSchema), 'A page of pairings') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = cursorOf(cursor, 2) as [string, string] | undefined;
      return c.json(await listPairings({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings',
      tags,
      roles: admin,
      summary: 'Propose a pairing (mentoring, or coaching with the supervisor), with focus competencies and goals',
      request: { params: tenantParams, body: jsonBody(s.newPairingSchema) },
      responses: { 201: json(s.pairingSchema, 'Proposed'), 409: problem('An open pairing of this kind exists'), ...refused },
    }),
    async (c) => {
      const pairing = await createPairing({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(pairing.version));
      return c.json(pairing, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/pairings/suggestions',
      tags,
      roles: admin,
      summary: 'Mentors for a mentee, ranked by a score whose parts are shown',
      description: 'score = 0.6 × fit + 0.2 × capacity + 0.2 × unit (see the README).',
      request: { params: tenantParams, query: s.suggestionQuery },
      responses: { 200: json(s.suggestionsSchema, 'Ranked candidates') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await suggestionsFor({ ctx: c.get('ctx'), input: { menteeId: q.mentee, preference: q.unitPreference, limit: q.limit } }),
        200,
      );
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/match',
      tags,
      roles: admin,
      summary: 'Best global assignment of mentees to mentors under capacities (publish: true records the proposals)',
      request: { params: tenantParams, body: jsonBody(s.matchSchema) },
      responses: { 200: json(s.matchResultSchema, 'Proposals'), ...refused },
    }),
    async (c) => c.json(await matchMentees({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/publish',
      tags,
      roles: admin,
      summary: 'Propose a reviewed assignment of mentoring pairs, all in one batch or none',
      description:
        'Every pair becomes a proposed pairing with its audit row and the mentor told, or nothing is written: a stranger is 404, a pair that can never be 422, a mentee already paired or a mentor without a free slot 409 naming the pair.',
      request: { params: tenantParams, body: jsonBody(s.publishSchema) },
      responses: {
        201: json(s.publishedSchema, 'Proposed, in the order given'),
        404: problem('An employee named is not in this tenant'),
        409: problem('A mentee already has an open mentoring pairing, or a mentor has no free slot'),
        ...refused,
      },
    }),
    async (c) => c.json(await publishPairs({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/pairings/{id}',
      tags,
      roles: people,
      summary: 'One pairing (its members and the admin)',
      request: { params: s.idParams },
      responses: { 200: json(s.namedPairingSchema, "The pairing with its members' names") },
    }),
    async (c) => {
      const pairing = await getPairing({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(pairing.version));
      return c.json(pairing, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/accept',
      tags,
      roles: members,
      summary: 'The mentor accepts: proposed → active, within capacity',
      request: { params: s.idParams },
      responses: { 200: json(s.pairingSchema, 'Active'), ...stateConflict },
    }),
    async (c) => c.json(await acceptPairing({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/decline',
      tags,
      roles: members,
      summary: 'The mentor declines, with a reason: proposed → cancelled',
      request: { params: s.idParams, body: jsonBody(s.declineSchema) },
      responses: { 200: json(s.pairingSchema, 'Cancelled'), ...stateConflict },
    }),
    async (c) =>
      c.json(await declinePairing({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, reason: c.req.valid('json').reason } }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/end',
      tags,
      roles: people,
      summary: 'End a pairing with a reason: completed (credits JP to the mentee) or cancelled',
      request: { params: s.idParams, body: jsonBody(s.endSchema) },
      responses: { 200: json(s.pairingSchema, 'Ended'), ...stateConflict },
    }),
    async (c) => c.json(await endPairing({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/pairings/{id}/sessions',
      tags,
      roles: people,
      summary: 'Sessions of a pairing, by date (notes: members and admin only)',
      request: { params: s.idParams, query: pageQuery },
      responses: { 200: json(pageOf(s.sessionSchema), 'A page of sessions') },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const key = cursorOf(cursor, 2) as [string, string] | undefined;
      return c.json(
        await listSessions({ ctx: c.get('ctx'), input: { pairingId: c.req.valid('param').id, limit, ...(key ? { cursor: key } : {}) } }),
        200,
      );
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/sessions',
      tags,
      roles: members,
      summary:
        'Record a session (a member, on an active pairing; at most 8 hours, not after today): unconfirmed until the other member confirms it',
      request: { params: s.idParams, body: jsonBody(s.newSessionSchema) },
      responses: { 201: json(s.sessionSchema, 'Recorded'), ...stateConflict, 422: problem('The date is after today') },
    }),
    async (c) =>
      c.json(await addSession({ ctx: c.get('ctx'), input: { pairingId: c.req.valid('param').id, session: c.req.valid('json') } }), 201),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/sessions/{sessionId}/confirm',
      tags,
      roles: people,
      summary:
        'Confirm a session (the member who did not record it, or the admin; on an active pairing): only confirmed minutes earn JP at completion',
      request: { params: s.sessionParams },
      responses: {
        200: json(s.sessionSchema, 'Confirmed (a confirmed session is answered as it is)'),
        ...stateConflict,
      },
    }),
    async (c) => {
      const { id, sessionId } = c.req.valid('param');
      return c.json(await confirmSession({ ctx: c.get('ctx'), input: { pairingId: id, sessionId } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/pairings/{id}/goals',
      tags,
      roles: people,
      summary: 'Goals of a pairing',
      request: { params: s.idParams, query: pageQuery },
      responses: { 200: json(pageOf(s.goalSchema), 'A page of goals') },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const key = cursorOf(cursor, 1) as [string] | undefined;
      return c.json(
        await listGoals({ ctx: c.get('ctx'), input: { pairingId: c.req.valid('param').id, limit, ...(key ? { cursor: key } : {}) } }),
        200,
      );
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/goals',
      tags,
      roles: members,
      summary: 'Add a goal (a member, on an open pairing)',
      request: { params: s.idParams, body: jsonBody(s.newGoalSchema) },
      responses: { 201: json(s.goalSchema, 'Added'), ...stateConflict },
    }),
    async (c) => {
      const goal = await addGoal({ ctx: c.get('ctx'), input: { pairingId: c.req.valid('param').id, goal: c.req.valid('json') } });
      c.header('etag', etagOf(goal.version));
      return c.json(goal, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/pairings/{id}/goals/{goalId}',
      tags,
      roles: people,
      summary: 'One goal',
      request: { params: s.goalParams },
      responses: { 200: json(s.goalSchema, 'The goal') },
    }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      const goal = await getGoal({ ctx: c.get('ctx'), input: { pairingId: id, goalId } });
      c.header('etag', etagOf(goal.version));
      return c.json(goal, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/pairings/{id}/goals/{goalId}',
      tags,
      roles: members,
      summary: 'Change a goal: title, status (open/done/dropped), due date (If-Match)',
      request: { params: s.goalParams, body: jsonBody(s.goalChangesSchema) },
      responses: { 200: json(s.goalSchema, 'The changed goal'), ...ifMatch },
    }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      const goal = await updateGoal({
        ctx: c.get('ctx'),
        input: { pairingId: id, goalId, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(goal.version));
      return c.json(goal, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/pairings',
      tags: ['Me'],
      roles: people,
      summary: "The caller's pairings as mentor or mentee (the admin: all of the tenant's)",
      request: { query: s.pairingQuery },
      responses: { 200: json(pageOf(s.namedPairingSchema), 'A page of pairings') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = cursorOf(cursor, 2) as [string, string] | undefined;
      return c.json(await listPairings({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  );
