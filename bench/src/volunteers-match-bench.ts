import { createRequire } from "node:module";
import {
  buildMatchGraph,
  matchGraphProblem,
  planMatches,
  solveAssignment,
  type AssignmentProblem,
} from "@linli/volunteers";
import { linearSumAssignment } from "linear-sum-assignment";
import { compare } from "./report";
import { type MatchInstanceOptions, matchInstance } from "./volunteers-match-instance";

const munkres = createRequire(import.meta.url)("munkres-js") as (matrix: number[][]) => [number, number][];

/** The answer both sides must agree on: how many requests are served, and at what total cost. */
interface Answer {
  matched: number;
  totalCost: number;
}

/**
 * The equivalent dense problem: one row per request, one column per unit of volunteer capacity
 * (capacities expanded into columns), infeasible pairs at a cost so large that serving one more
 * request always wins (so the dense optimum is the same lexicographic optimum).
 */
function denseMatrix(problem: AssignmentProblem): { matrix: number[][]; big: number } {
  const { tasks, workers, edges } = problem;
  const columns: number[] = [];
  const firstColumn = new Map<string, number>();
  workers.forEach((w, wi) => {
    firstColumn.set(w.id, columns.length);
    for (let k = 0; k < w.capacity; k++) columns.push(wi);
  });
  const costs = edges.map((e) => e.cost);
  const range = Math.max(...costs) - Math.min(...costs);
  const big = (range + 1) * (tasks.length + 1) + Math.max(...costs, 0);
  const row = new Map(tasks.map((t, i) => [t.id, i]));
  const matrix = tasks.map(() => new Array<number>(columns.length).fill(big));
  for (const e of edges) {
    const r = matrix[row.get(e.task)!]!;
    const first = firstColumn.get(e.worker)!;
    const capacity = workers.find((w) => w.id === e.worker)!.capacity;
    for (let k = 0; k < capacity; k++) r[first + k] = Math.min(r[first + k]!, e.cost);
  }
  return { matrix, big };
}

function answerOf(matrix: number[][], big: number, pairs: Iterable<readonly [number, number]>): Answer {
  let matched = 0;
  let totalCost = 0;
  for (const [r, c] of pairs) {
    const cost = matrix[r]![c]!;
    if (c < 0 || cost >= big) continue;
    matched++;
    totalCost += cost;
  }
  return { matched, totalCost };
}

/** Runs one `volunteers.match.*` comparison. */
export async function matchBench(
  id: string,
  options: MatchInstanceOptions,
  peers: { munkres: boolean },
  target: string,
): Promise<void> {
  const { requests, volunteers, settings } = matchInstance(options);
  const graph = buildMatchGraph(requests, volunteers, settings);
  const problem = matchGraphProblem(graph, requests, volunteers);
  if (graph.pairPriority !== 0 || problem.slots?.length)
    throw new Error("instance must have no pairs or overlaps");
  const { matrix, big } = denseMatrix(problem);

  const ours = (): Answer => {
    const plan = planMatches(requests, volunteers, settings);
    return { matched: plan.matches.length, totalCost: plan.totalCost };
  };
  const lsa = (): Answer => {
    const result = linearSumAssignment(matrix, { maximaze: false });
    return answerOf(
      matrix,
      big,
      Array.from(result.rowAssignments, (c, r) => [r, c] as const),
    );
  };
  const solverOnly = (): Answer => {
    const s = solveAssignment(problem);
    return { matched: s.pairs.length, totalCost: s.totalCost };
  };

  // munkres-js is much slower than linear-sum-assignment: one timed run decides, and checks the answer.
  let munkresRun: { ms: number; sameAnswer: boolean } | undefined;
  if (peers.munkres) {
    const t0 = performance.now();
    const answer = answerOf(matrix, big, munkres(matrix));
    const ms = performance.now() - t0;
    const expected = ours();
    munkresRun = {
      ms: Math.round(ms),
      sameAnswer: answer.matched === expected.matched && answer.totalCost === expected.totalCost,
    };
  }

  await compare<Answer>({
    id,
    unit: "ms",
    params: {
      requests: requests.length,
      volunteers: volunteers.length,
      capacityEach: options.capacity,
      candidateEdges: problem.edges.length,
      candidatesPerRequest: Math.round((problem.edges.length / requests.length) * 10) / 10,
      denseMatrix: `${matrix.length}x${matrix[0]?.length ?? 0}`,
      ours: "planMatches: indexed candidate graph, hard constraints, costs, exact min-cost flow, explanations",
      baseline:
        "linear-sum-assignment (Jonker-Volgenant) on the prebuilt dense matrix, capacities expanded into columns, infeasible pairs at a large cost (matrix building not timed)",
      ...(munkresRun
        ? {
            munkresJsOneRunMs: munkresRun.ms,
            munkresJsSameAnswer: munkresRun.sameAnswer,
            fasterBaseline: "linear-sum-assignment (munkres-js timed once, slower)",
          }
        : {
            fasterBaseline:
              "linear-sum-assignment (munkres-js not run at this size: O(n^3) on the dense matrix)",
          }),
      target,
    },
    ours: { name: "linli-planMatches", run: ours },
    baseline: { name: "linear-sum-assignment-dense", run: lsa },
    peers: [{ name: "linli-solveAssignment-only", run: solverOnly }],
    time: 2000,
    iterations: 10,
  });
}
