/**
 * `npm run bench:keep-alive`: an over-limit body sent without Content-Length (chunked) must get its
 * 413 and leave its keep-alive connection usable for the next request. Starts `wrangler dev` on
 * its own port and local state, sends a 2 MB chunked body with node's http client on a one-socket
 * keep-alive agent, then `GET /health` on the same agent, and says whether the second request was
 * answered on the same socket. Exits 1 when it was not (the second request hangs: the fault this
 * guards against, src/platform/http/body-limit.ts). About 30 s, most of it wrangler starting; not
 * part of `npm test`, which runs no wrangler.
 *
 * `KEEPALIVE_PORT` moves the server (default 8796, inspector 9346).
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildAssets } from '../scripts/build-assets';
import { ensureDevKeys, repoRoot } from '../scripts/lib/dev-keys';
import { startDevServer, waitForHealth } from '../scripts/lib/wrangler';

const port = Number(process.env.KEEPALIVE_PORT ?? 8796);
const url = `http://127.0.0.1:${port}`;
const persistTo = fileURLToPath(new URL('.wrangler/keep-alive', repoRoot));
const bodyBytes = 2 * 1024 * 1024;

interface Outcome {
  status?: number;
  error?: string;
  reusedSocket: boolean;
  ms: number;
}

/** One request on `agent`; a chunked body of `bytes` when given. Gives up after 8 s. */
function send(agent: http.Agent, method: string, path: string, bytes?: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const done = (o: Omit<Outcome, 'ms' | 'reusedSocket'>) => resolve({ ...o, reusedSocket: req.reusedSocket, ms: Date.now() - started });
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0 }));
      res.on('error', (err) => done({ error: err.message }));
    });
    req.on('error', (err) => done({ error: err.message }));
    req.setTimeout(8000, () => req.destroy(new Error('no answer within 8 s')));
    if (bytes === undefined) {
      req.end();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

async function main(): Promise<number> {
  await ensureDevKeys();
  buildAssets();
  const server = startDevServer(port, persistTo, ['--inspector-port', String(port + 550)]);
  try {
    await waitForHealth(server, url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send(agent, 'POST', '/api/v1/tenants', bodyBytes);
    const second = await send(agent, 'GET', '/health');
    agent.destroy();
    console.log(`chunked ${bodyBytes} bytes: ${first.status ?? first.error} in ${first.ms} ms`);
    console.log(`then GET /health: ${second.status ?? second.error} in ${second.ms} ms, same socket: ${second.reusedSocket}`);
    const ok = first.status === 413 && second.status === 200 && second.reusedSocket;
    console.log(ok ? 'ok: the connection stayed usable' : 'FAILED: the over-limit body broke its connection');
    return ok ? 0 : 1;
  } finally {
    await server.stop('SIGTERM');
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
