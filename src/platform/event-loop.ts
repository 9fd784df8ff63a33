/**
 * Gives the event loop a turn: a zero-delay timer, so that whatever is waiting (a new request's
 * connection, a timer, another request's I/O) runs before the caller goes on. Long work that
 * never waits on anything outside its own process never lets the loop look at its sockets: one
 * synchronous stretch of seconds does that, and so does a chain of local D1 calls under `wrangler
 * dev`, whose every reply comes from within the same process (docs/jobs.md, "Long work and
 * requests").
 */
export const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
