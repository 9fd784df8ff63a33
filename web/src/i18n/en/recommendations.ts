/** English for recommendations.ts (loaded only when English is chosen). */
import type { recommendationsAdminId } from '../recommendations';

export const recommendationsAdminEn: Record<keyof typeof recommendationsAdminId, string> = {
  'nav.recommendations': 'Recommendations',

  'rec.employee.title': 'Recommendations',
  'rec.employee.empty': "No recommendations: this employee's competencies meet the standard, or have not been assessed.",
  'rec.unit.title': 'Training recommendations by unit',
  'rec.unit.intro':
    "The unit's active employees with the trainings that close most of their assessed competency gaps, those helped most first.",
  'rec.unit.pick': 'Unit',
  'rec.unit.pickFirst': 'Choose a unit to see its employees’ recommendations.',
  'rec.unit.empty': 'Nobody in this unit has a gap that a program in the catalog closes.',
  'rec.unit.without': '{n} other employees without a recommendation (no assessed gap, or no program that fits).',
  'rec.unit.person': 'See {name}’s record',
  'rec.enroll.button': 'Enroll',
  'rec.enroll.for': 'Enroll {name} in {title}',
  'rec.enroll.pickTitle': 'Choose the offering',
  'rec.enroll.pickIntro': 'Enroll {name} in {title}. When it is full, the employee joins the waitlist.',
  'rec.enroll.pick': 'Offering',
  'rec.enroll.offering': '{from} – {to} · {place} · {capacity} seats',
  'rec.enroll.confirm': 'Enroll',
  'rec.enroll.cancel': 'Cancel',
  'rec.enroll.enrolled': '{name} is enrolled in {title} ({date}).',
  'rec.enroll.waitlisted': '{title} ({date}) is full: {name} is on the waitlist.',
  'rec.enroll.already': '{name} is already in {title} ({date}): {status}.',
  'rec.enroll.queue': 'See the queue',
  'rec.enroll.closed': 'This offering no longer takes participants. Reload the recommendations and choose another offering.',
  'rec.enroll.inactive': 'This employee is not active and cannot be enrolled.',
  'rec.offerings': 'Schedule:',
};
