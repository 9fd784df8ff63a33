/**
 * Resident memory of the local runtime (workerd and its helpers in wrangler's process group),
 * sampled from /proc while a step runs. It is an upper bound on the Worker's own memory: the whole
 * runtime, local D1 included.
 */
import { readdir, readFile } from 'node:fs/promises';

async function groupRssMb(pgid: number): Promise<number> {
  let kb = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      const name = /^Name:\s*(\S+)/m.exec(status)?.[1] ?? '';
      if (name.includes('workerd')) kb += Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

/**
 * Runs `work` while sampling every 200 ms; answers its result, the RSS before it and the peak
 * during it, in MB. The growth is what the work itself held.
 */
export async function withPeakMemory<T>(pgid: number | undefined, work: () => Promise<T>): Promise<{ result: T; baselineMb: number; peakMb: number }> {
  const baselineMb = pgid === undefined ? 0 : await groupRssMb(pgid);
  let peakMb = baselineMb;
  let running = true;
  const sampler = (async () => {
    while (running && pgid !== undefined) {
      peakMb = Math.max(peakMb, await groupRssMb(pgid));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    const result = await work();
    return { result, baselineMb, peakMb };
  } finally {
    running = false;
    await sampler;
  }
}
