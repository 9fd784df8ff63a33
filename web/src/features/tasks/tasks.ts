/** One list of what waits for the caller, soonest due first; what is not open yet goes last. */
import type { Pairing, Waiting } from './queries';

export type Task =
  | {
      kind: 'reaction' | 'behaviour' | 'mentoring';
      key: string;
      title: string;
      dueOn: string;
      opensOn: string;
      open: boolean;
      item: Waiting;
    }
  | { kind: 'proposal'; key: string; title: string; dueOn: string | null; opensOn: string | null; open: true; pairing: Pairing };

export function tasksInOrder(waiting: readonly Waiting[], proposals: readonly Pairing[]): Task[] {
  const tasks: Task[] = [
    ...waiting.map((item) => ({
      kind: item.kind,
      key: `${item.kind}:${item.enrollmentId ?? item.pairingId}:${item.employeeId}`,
      title: item.title,
      dueOn: item.dueOn,
      opensOn: item.opensOn,
      open: item.open,
      item,
    })),
    ...proposals.map((pairing) => ({
      kind: 'proposal' as const,
      key: `proposal:${pairing.id}`,
      title: pairing.kind,
      dueOn: null,
      opensOn: null,
      open: true as const,
      pairing,
    })),
  ];
  return tasks.sort((a, b) => {
    if (a.open !== b.open) return a.open ? -1 : 1;
    // A proposal has no due date: it waits on the mentor now, so it comes first among the open.
    const due = (t: Task) => t.dueOn ?? '';
    return due(a).localeCompare(due(b)) || a.key.localeCompare(b.key);
  });
}
