/**
 * The Worker's own memory, read from its V8 isolate through the inspector `wrangler dev` exposes
 * (`Runtime.getHeapUsage`), sampled while a step runs. This is the figure the 128 MB Workers limit
 * applies to; the local D1 and the runtime around the isolate are not in it.
 */
import WebSocket from 'ws';

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

class Inspector {
  private next = 1;
  private readonly waiting = new Map<number, (usage: HeapUsage) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: HeapUsage };
      const resolve = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (resolve && message.result) {
        this.waiting.delete(message.id as number);
        resolve(message.result);
      }
    });
  }

  static async connect(port: number): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`no Worker to inspect on port ${port}`);
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new Inspector(socket);
  }

  heapUsage(): Promise<HeapUsage> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method: 'Runtime.getHeapUsage' }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** Runs `work` while sampling the isolate's used heap every 100 ms; MB before and at the peak. */
export async function withPeakHeap<T>(inspectorPort: number, work: () => Promise<T>): Promise<{ result: T; baselineMb: number; peakMb: number }> {
  const inspector = await Inspector.connect(inspectorPort);
  const mb = async () => (await inspector.heapUsage()).usedSize / 1024 / 1024;
  const baselineMb = await mb();
  let peakMb = baselineMb;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peakMb = Math.max(peakMb, await mb());
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const result = await work();
    return { result, baselineMb, peakMb };
  } finally {
    running = false;
    await sampler;
    inspector.close();
  }
}
