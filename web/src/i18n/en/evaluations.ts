/** English for evaluations.ts (loaded only when English is chosen). */
import type { evaluationsId } from '../evaluations';

export const evaluationsEn: Record<keyof typeof evaluationsId, string> = {
  'ev.title': 'Evaluation',
  'ev.completed': '{n} participants completed.',
  'ev.l1': 'L1 · Reaction',
  'ev.l2': 'L2 · Learning',
  'ev.l3': 'L3 · Behaviour',
  'ev.responses': 'Responses',
  'ev.rate': 'Response rate',
  'ev.mean': 'Mean (1–5)',
  'ev.bothScores': 'Participants with both scores',
  'ev.meanPre': 'Mean pre-test',
  'ev.meanPost': 'Mean post-test',
  'ev.meanGain': 'Gain (points)',
  'ev.hake': "The group's normalized gain ⟨g⟩",
  'ev.individualGain': 'Mean individual gain',
};
