/**
 * The Worker's own memory, read from its V8 isolate through the inspector `wrangler dev` exposes
 * (`Runtime.getHeapUsage`), sampled while a step runs. This is the figure the 128 MB Workers limit
 * applies to; the local D1 and the runtime around the isolate are not in it.
 *
 * `wrangler dev` keeps its own inspector session on the Worker with the Network domain enabled:
 * every subrequest's response — each D1 result — is then copied into the isolate, base64-encoded
 * and sent to the dev tooling. Production has no such thing; locally it halves the throughput of a
 * request that reads D1 and holds a second copy of every large result in the Worker's memory (the
 * 50,000-employee plan died of it). `quietNetwork` switches it off for the measured server.
 */
import WebSocket from 'ws';

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

class Inspector {
  private next = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private closed = false;

  private constructor(private readonly socket: WebSocket) {
    // The isolate restarted (or the server went): pending and later samples read 0, never hang.
    socket.on('close', () => {
      this.closed = true;
      for (const resolve of this.waiting.values()) resolve({ usedSize: 0, totalSize: 0 });
      this.waiting.clear();
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      const resolve = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (resolve && message.result !== undefined) {
        this.waiting.delete(message.id as number);
        resolve(message.result);
      }
    });
  }

  /** Its list of targets is asked up to 20 times: on a loaded machine the dev tooling's inspector comes up late and drops now and then. */
  static async connect(port: number): Promise<Inspector> {
    let targets: { webSocketDebuggerUrl: string }[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string }[];
        break;
      } catch (err) {
        if (attempt === 20) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`no Worker to inspect on port ${port}`);
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new Inspector(socket);
  }

  /** Sends `method` and waits for its answer. */
  call<T>(method: string): Promise<T> {
    const id = this.next++;
    if (this.closed) return Promise.reject(new Error(`${method}: the inspector connection is closed`));
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (result: unknown) => void);
      this.socket.send(JSON.stringify({ id, method }));
    });
  }

  heapUsage(): Promise<HeapUsage> {
    if (this.closed) return Promise.resolve({ usedSize: 0, totalSize: 0 });
    return this.call<HeapUsage>('Runtime.getHeapUsage');
  }

  close(): void {
    this.socket.close();
  }
}

/** Stops the dev tooling's capture of every subrequest's response (see above); lasts until a reload. */
export async function quietNetwork(inspectorPort: number): Promise<void> {
  const inspector = await Inspector.connect(inspectorPort);
  try {
    await inspector.call('Network.disable');
  } finally {
    inspector.close();
  }
}

/**
 * Runs `work` while sampling the isolate's used heap every 100 ms; MB before and at the peak.
 * `work` may read the peak so far. `BENCH_HEAP_TRACE=1` prints every sample that sets a new peak.
 */
export async function withPeakHeap<T>(
  inspectorPort: number,
  work: (peakSoFar: () => number) => Promise<T>,
): Promise<{ result: T; baselineMb: number; peakMb: number }> {
  const inspector = await Inspector.connect(inspectorPort);
  await inspector.call('Network.disable');
  const mb = async () => (await inspector.heapUsage()).usedSize / 1024 / 1024;
  const baselineMb = await mb();
  let peakMb = baselineMb;
  let running = true;
  const sampler = (async () => {
    const trace = process.env.BENCH_HEAP_TRACE === '1';
    const t0 = performance.now();
    while (running) {
      const now = await mb();
      if (trace && now > peakMb) console.log(`    heap ${now.toFixed(1)} MB at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      peakMb = Math.max(peakMb, now);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const result = await work(() => peakMb);
    return { result, baselineMb, peakMb };
  } finally {
    running = false;
    await sampler;
    inspector.close();
  }
}
