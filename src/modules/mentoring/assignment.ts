/**
 * The assignment behind whole-pool matching: mentees to mentors with the largest total score, each
 * mentee to at most one mentor, each mentor to at most their remaining capacity. Pure: no
 * database, no clock, so it is tested against an exhaustive search on small random instances.
 *
 * Min-cost flow by successive shortest paths: source → mentee (capacity 1) → mentor (capacity 1,
 * cost −score) → sink (capacity = the mentor's remaining slots). Each augmentation takes the
 * cheapest path in the residual graph (Bellman-Ford, since costs are negative); path costs never
 * decrease from one augmentation to the next, so stopping at the first path that costs ≥ 0 leaves
 * the flow of minimum cost over all flow values, i.e. the maximum total score (not necessarily the
 * most pairs: a pair that adds nothing is not proposed). Scores are integers (score × 10,000) so
 * sums are exact. Never proposes a pair whose score is null (not allowed).
 */

export interface MatchInput {
  mentees: string[];
  mentors: { id: string; slots: number }[];
  /** Integer score of mentee i with mentor j, or null when the pair is not allowed. */
  score: (menteeIndex: number, mentorIndex: number) => number | null;
}

export interface MatchResult {
  pairs: { mentee: string; mentor: string; score: number }[];
  total: number;
}

interface Edge {
  to: number;
  cap: number;
  cost: number;
}

export function matchPool(input: MatchInput): MatchResult {
  const m = input.mentees.length;
  const n = input.mentors.length;
  const source = m + n;
  const sink = source + 1;
  const edges: Edge[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number) => {
    out[from]?.push(edges.length);
    edges.push({ to, cap, cost });
    out[to]?.push(edges.length);
    edges.push({ to: from, cap: 0, cost: -cost });
  };
  for (let i = 0; i < m; i++) add(source, i, 1, 0);
  for (let j = 0; j < n; j++) add(m + j, sink, Math.max(0, input.mentors[j]?.slots ?? 0), 0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const s = input.score(i, j);
      if (s !== null) add(i, m + j, 1, -s);
    }
  }

  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    // Bellman-Ford: the residual graph has negative edges but no negative cycle (the flow is
    // kept of minimum cost at every step).
    for (let round = 0, changed = true; changed && round <= sink; round++) {
      changed = false;
      for (let u = 0; u <= sink; u++) {
        const du = dist[u] as number;
        if (du === Infinity) continue;
        for (const e of out[u] as number[]) {
          const edge = edges[e] as Edge;
          if (edge.cap > 0 && du + edge.cost < (dist[edge.to] as number)) {
            dist[edge.to] = du + edge.cost;
            via[edge.to] = e;
            changed = true;
          }
        }
      }
    }
    if (dist[sink] === Infinity || (dist[sink] as number) >= 0) break;
    for (let v = sink; v !== source; ) {
      const e = via[v] as number;
      (edges[e] as Edge).cap -= 1;
      (edges[e ^ 1] as Edge).cap += 1;
      v = (edges[e ^ 1] as Edge).to;
    }
  }

  const pairs: MatchResult['pairs'] = [];
  for (let i = 0; i < m; i++) {
    for (const e of out[i] as number[]) {
      const edge = edges[e] as Edge;
      // A used forward edge mentee → mentor has no capacity left (its twin holds the unit).
      if (e % 2 === 0 && edge.to >= m && edge.to < m + n && edge.cap === 0) {
        pairs.push({ mentee: input.mentees[i] as string, mentor: (input.mentors[edge.to - m] as { id: string }).id, score: -edge.cost });
      }
    }
  }
  return { pairs, total: pairs.reduce((sum, p) => sum + p.score, 0) };
}
