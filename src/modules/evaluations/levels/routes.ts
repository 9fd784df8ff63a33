/**
 * HTTP face of Kirkpatrick levels 1–3, mentoring feedback, the caller's waiting evaluations and
 * the evaluation reports. Answers belong to people (employee tokens: the participant, the
 * supervisor, a pairing's member) and a wrong person gets a 404; scores and reports belong to the
 * tenant admin. Personal data: the national admin is refused everywhere.
 */
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { tenantParams } from '../../../platform/http/params';
import { giveFeedback, rateBehaviour } from './behaviour';
import { answerReaction, offeringScores, recordScore, recordScores } from './learning';
import { offeringReport, programReport, tenantSummary } from './reports';
import * as s from './schemas';
import { waitingFor } from './waiting';

const tags = ['Evaluations'];
const admin = ['tenant_admin'] as const;
const people = ['employee'] as const;
const once = {
  409: problem('Already given (once only), or not open yet: the detail says when it opens'),
  422: problem('A competency does not exist in this tenant'),
};

export const evaluationLevelRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/enrollments/{id}/reaction',
      tags,
      roles: people,
      summary:
        'L1 reaction: the participant of a completed enrollment rates the items (materi, fasilitator, metode, sarana, manfaat, waktu: 1–5) once',
      request: { params: s.idParams, body: jsonBody(s.reactionInput) },
      responses: { 201: json(s.reactionSchema, 'Recorded'), 409: problem('Already answered, or the enrollment is not completed') },
    }),
    async (c) =>
      c.json(
        await answerReaction({ ctx: c.get('ctx'), input: { enrollmentId: c.req.valid('param').id, answer: c.req.valid('json') } }),
        201,
      ),
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/enrollments/{id}/test-scores',
      tags,
      roles: admin,
      summary: "L2 learning: record a participant's pre- and/or post-test score (0–100); a field left out keeps its value",
      request: { params: s.idParams, body: jsonBody(s.testScoreInput) },
      responses: {
        200: json(s.participantScoreSchema, 'The scores with gain and normalized gain'),
        409: problem('The enrollment was removed meanwhile: nothing was recorded'),
        422: problem('The program has no tests, or the place takes no scores'),
      },
    }),
    async (c) =>
      c.json(await recordScore({ ctx: c.get('ctx'), input: { enrollmentId: c.req.valid('param').id, score: c.req.valid('json') } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/offerings/{id}/test-scores',
      tags,
      roles: admin,
      summary: "L2 learning: the offering's recorded pre- and post-test scores, one line per scored participant, as the PUT answers them",
      request: { params: s.idParams },
      responses: { 200: json(s.offeringScoresSchema, "Every scored participant's scores and gains") },
    }),
    async (c) => c.json(await offeringScores({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/offerings/{id}/test-scores',
      tags,
      roles: admin,
      summary: "L2 learning: record many participants' scores of an offering at once (all or none)",
      request: { params: s.idParams, body: jsonBody(s.offeringScoresInput) },
      responses: {
        200: json(s.offeringScoresSchema, "Every scored participant's scores and gains"),
        409: problem('An enrollment was removed meanwhile: nothing was recorded'),
        422: problem('An enrollment is not of this offering, or the program has no tests'),
      },
    }),
    async (c) =>
      c.json(
        await recordScores({
          ctx: c.get('ctx'),
          input: { offeringId: c.req.valid('param').id, scores: c.req.valid('json').scores, pathOf: (i) => `body.scores.${i}` },
        }),
        200,
      ),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/enrollments/{id}/behaviour',
      tags,
      roles: people,
      summary:
        "L3 behaviour: the participant's supervisor rates the change (1–5) once, no sooner than the waiting days after completion; optional assessments (source evaluation)",
      request: { params: s.idParams, body: jsonBody(s.behaviourInput) },
      responses: { 201: json(s.behaviourSchema, 'Recorded'), ...once },
    }),
    async (c) =>
      c.json(
        await rateBehaviour({ ctx: c.get('ctx'), input: { enrollmentId: c.req.valid('param').id, rating: c.req.valid('json') } }),
        201,
      ),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/pairings/{id}/feedback',
      tags,
      roles: people,
      summary:
        'Mentoring feedback: each member of a completed pairing once (1–5, comment); the mentee may add a self-assessment (source mentoring)',
      request: { params: s.idParams, body: jsonBody(s.feedbackInput) },
      responses: { 201: json(s.feedbackSchema, 'Recorded'), ...once },
    }),
    async (c) =>
      c.json(await giveFeedback({ ctx: c.get('ctx'), input: { pairingId: c.req.valid('param').id, feedback: c.req.valid('json') } }), 201),
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/evaluations',
      tags: ['Me'],
      roles: people,
      summary:
        'Evaluations waiting for the caller (L1 as participant, L3 as supervisor, mentoring feedback as member) with the day each opens and is due',
      responses: { 200: json(s.waitingSchema, 'The worklist, soonest due first') },
    }),
    async (c) => c.json(await waitingFor({ ctx: c.get('ctx'), input: undefined }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/offerings/{id}/evaluation',
      tags,
      roles: admin,
      summary:
        "An offering's evaluation: response rates, L1 means by item, L2 gains per participant and on average, L3 mean, L4 change of the participants' unit indicators (quarter before start vs quarter after end)",
      request: { params: s.idParams },
      responses: { 200: json(s.offeringReportSchema, 'The report') },
    }),
    async (c) => c.json(await offeringReport({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/programs/{id}/evaluation',
      tags,
      roles: admin,
      summary:
        "A program's evaluation over this tenant's offerings of it (with ?year=, those starting in that year): L1 means and answer counts per item, L2, L3, L4 of the participants' unit indicators",
      request: { params: s.idParams, query: s.programReportQuery },
      responses: { 200: json(s.programReportSchema, 'The report') },
    }),
    async (c) => c.json(await programReport({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, ...c.req.valid('query') } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/evaluations/summary',
      tags,
      roles: admin,
      summary: "The tenant's evaluation figures for a year (enrollments and pairings completed in it; default: this year)",
      request: { params: tenantParams, query: s.summaryQuery },
      responses: { 200: json(s.summarySchema, 'The summary') },
    }),
    async (c) => c.json(await tenantSummary({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
