import fc from "fast-check";
import loadHighs from "highs";
import { linearSumAssignment } from "linear-sum-assignment";
import { beforeAll, describe, expect, it } from "vitest";
import type { AssignmentProblem, AssignmentSolution } from "./assignment-types";
import { solveAssignment } from "./min-cost-flow";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
/** A column's value in a HiGHS solution (0 when the solution has none). */
const primal = (column: object | undefined): number =>
  column && "Primal" in column && typeof column.Primal === "number" ? column.Primal : 0;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/**
 * The exact optimum by HiGHS: the network LP (totally unimodular, so its optimum is integral)
 * with a weight on each assigned task large enough to make cardinality come first.
 */
function highsOptimum(problem: AssignmentProblem): { assigned: number; objective: number } {
  const costs = problem.edges.map((e) => e.cost);
  const marginals = problem.workers.flatMap((w) => w.marginalCosts ?? []);
  const all = [...costs, ...marginals, 0];
  const range = Math.max(...all) - Math.min(...all);
  const big = (range + 1) * 2 * (problem.tasks.length + 1);
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const byTask = new Map<string, string[]>();
  const byWorker = new Map<string, string[]>();
  const bySlot = new Map<string, string[]>();
  problem.edges.forEach((e, i) => {
    const x = `x${i}`;
    obj.push(`${e.cost - big} ${x}`);
    bounds.push(`0 <= ${x} <= 1`);
    byTask.set(e.task, [...(byTask.get(e.task) ?? []), x]);
    byWorker.set(e.worker, [...(byWorker.get(e.worker) ?? []), x]);
    if (e.slot !== undefined) bySlot.set(e.slot, [...(bySlot.get(e.slot) ?? []), x]);
  });
  for (const xs of byTask.values()) rows.push(`${xs.join(" + ")} <= 1`);
  problem.workers.forEach((w, wi) => {
    const xs = byWorker.get(w.id) ?? [];
    if (xs.length === 0) return;
    const marginal = w.marginalCosts ?? [];
    if (marginal.length === 0) {
      rows.push(`${xs.join(" + ")} <= ${w.capacity}`);
      return;
    }
    const units = Array.from({ length: Math.min(w.capacity, xs.length) }, (_, k) => `y${wi}_${k}`);
    units.forEach((y, k) => {
      obj.push(`${marginal[Math.min(k, marginal.length - 1)]} ${y}`);
      bounds.push(`0 <= ${y} <= 1`);
    });
    rows.push(`${xs.join(" + ")}${units.map((y) => ` - ${y}`).join("")} = 0`);
  });
  for (const slot of problem.slots ?? []) {
    const xs = bySlot.get(slot.id) ?? [];
    if (xs.length > 0) rows.push(`${xs.join(" + ")} <= ${slot.capacity}`);
  }
  const lp = [
    "Minimize",
    ` obj: ${obj.length > 0 ? obj.join("\n + ").replace(/\+ -/g, "- ") : "0 x0"}`,
    "Subject To",
    ...rows.map((r, i) => ` c${i}: ${r}`),
    "Bounds",
    ...bounds.map((b) => ` ${b}`),
    "End",
  ].join("\n");
  const result = highs.solve(lp, { output_flag: false, presolve: "off" });
  expect(result.Status).toBe("Optimal");
  let assigned = 0;
  problem.edges.forEach((_, i) => {
    assigned += Math.round(primal(result.Columns[`x${i}`]));
  });
  return { assigned, objective: Math.round(result.ObjectiveValue) + big * assigned };
}

/** Every capacity holds and each task is used once. */
function checkFeasible(problem: AssignmentProblem, solution: AssignmentSolution): void {
  const tasks = new Set<string>();
  const load = new Map<string, number>();
  const edgeCost = new Map<string, number>();
  for (const e of problem.edges) {
    const key = `${e.task}\u0000${e.worker}`;
    edgeCost.set(key, Math.min(edgeCost.get(key) ?? Number.POSITIVE_INFINITY, e.cost));
  }
  for (const p of solution.pairs) {
    expect(tasks.has(p.task)).toBe(false);
    tasks.add(p.task);
    expect(edgeCost.has(`${p.task}\u0000${p.worker}`)).toBe(true);
    load.set(p.worker, (load.get(p.worker) ?? 0) + 1);
  }
  for (const w of problem.workers) expect(load.get(w.id) ?? 0).toBeLessThanOrEqual(w.capacity);
  expect(solution.pairs.length + solution.unassigned.length).toBe(problem.tasks.length);
  expect(solution.totalCost).toBe(solution.pairs.reduce((sum, p) => sum + p.cost, 0));
}

const problemArb = (options: { slots: boolean; marginal: boolean; unitCapacity?: boolean }) =>
  fc
    .record({
      tasks: fc.integer({ min: 0, max: 60 }),
      workers: fc.integer({ min: 1, max: 60 }),
      density: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      maxCost: fc.constantFrom(0, 3, 100, 10_000),
      negative: fc.boolean(),
    })
    .map(({ tasks, workers, density, seed, maxCost, negative }): AssignmentProblem => {
      let state = seed;
      const rand = () => {
        state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
        return state / 0x80000000;
      };
      const ws = Array.from({ length: workers }, (_, w) => ({
        id: `w${w}`,
        capacity: options.unitCapacity ? 1 : Math.floor(rand() * 4),
        ...(options.marginal && rand() < 0.7
          ? {
              marginalCosts: [0, 1, 2, 3].map(
                (k) => Math.floor(rand() * 5) + k * k * Math.floor(rand() * 30),
              ),
            }
          : {}),
      }));
      const fixed = ws.map((w) => {
        const m = w.marginalCosts;
        if (!m) return w;
        const sorted = [...m].sort((a, b) => a - b);
        return { ...w, marginalCosts: sorted };
      });
      const slots = options.slots
        ? fixed.flatMap((w) => [0, 1].map((k) => ({ id: `${w.id}s${k}`, worker: w.id, capacity: k })))
        : [];
      const ts = Array.from({ length: tasks }, (_, t) => ({ id: `t${t}` }));
      const edges: { task: string; worker: string; cost: number; slot?: string }[] = [];
      for (const t of ts) {
        for (const w of fixed) {
          if (rand() >= density) continue;
          const cost = Math.floor(rand() * (maxCost + 1)) - (negative ? Math.floor(maxCost / 2) : 0);
          const r = rand();
          const slot = options.slots && r < 0.5 ? `${w.id}s${r < 0.25 ? 0 : 1}` : undefined;
          edges.push({ task: t.id, worker: w.id, cost, ...(slot ? { slot } : {}) });
        }
      }
      // Slot capacity 1 shared by several tasks; slot 0 is a closed slot (capacity 0).
      return { tasks: ts, workers: fixed, edges, ...(options.slots ? { slots } : {}) };
    });

describe("solveAssignment", () => {
  it("assigns the most tasks at the least cost on a small case where greed fails", () => {
    const solution = solveAssignment({
      tasks: [{ id: "a" }, { id: "b" }],
      workers: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 1 },
      ],
      edges: [
        { task: "a", worker: "x", cost: 1 },
        { task: "a", worker: "y", cost: 2 },
        { task: "b", worker: "x", cost: 1 },
      ],
    });
    expect(solution).toEqual({
      pairs: [
        { task: "a", worker: "y", cost: 2 },
        { task: "b", worker: "x", cost: 1 },
      ],
      unassigned: [],
      totalCost: 3,
    });
  });

  it("prefers more assignments to a lower cost", () => {
    const solution = solveAssignment({
      tasks: [{ id: "a" }, { id: "b" }],
      workers: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 1 },
      ],
      edges: [
        { task: "a", worker: "x", cost: 0 },
        { task: "a", worker: "y", cost: 1000 },
        { task: "b", worker: "x", cost: 0 },
      ],
    });
    expect(solution.totalCost).toBe(1000);
    expect(solution.unassigned).toEqual([]);
  });

  it("drops the dearer task when a worker is short", () => {
    const solution = solveAssignment({
      tasks: [{ id: "a" }, { id: "b" }, { id: "c" }],
      workers: [{ id: "x", capacity: 2 }],
      edges: [
        { task: "a", worker: "x", cost: 10 },
        { task: "b", worker: "x", cost: 1 },
        { task: "c", worker: "x", cost: 5 },
      ],
    });
    expect(solution.pairs.map((p) => p.task)).toEqual(["b", "c"]);
    expect(solution.unassigned).toEqual(["a"]);
    expect(solution.totalCost).toBe(6);
  });

  it("replaces an assigned task by a cheaper one when no worker is left (no greedy start)", () => {
    const solution = solveAssignment({
      tasks: [{ id: "a" }, { id: "b" }, { id: "c" }],
      workers: [
        { id: "x", capacity: 1, marginalCosts: [0] },
        { id: "y", capacity: 1, marginalCosts: [0] },
      ],
      edges: [
        { task: "a", worker: "x", cost: 10 },
        { task: "a", worker: "y", cost: 12 },
        { task: "b", worker: "y", cost: 1 },
        { task: "c", worker: "x", cost: 2 },
      ],
    });
    expect(solution.unassigned).toEqual(["a"]);
    expect(solution.totalCost).toBe(3);
  });

  it("refuses malformed problems", () => {
    expect(() => solveAssignment({ tasks: [{ id: "a" }, { id: "a" }], workers: [], edges: [] })).toThrow(
      RangeError,
    );
    expect(() =>
      solveAssignment({
        tasks: [{ id: "a" }],
        workers: [{ id: "x", capacity: 1 }],
        edges: [{ task: "a", worker: "x", cost: 1.5 }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      solveAssignment({ tasks: [{ id: "a" }], workers: [{ id: "x", capacity: -1 }], edges: [] }),
    ).toThrow(RangeError);
    expect(() =>
      solveAssignment({
        tasks: [{ id: "a" }],
        workers: [{ id: "x", capacity: 1 }],
        edges: [{ task: "b", worker: "x", cost: 1 }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      solveAssignment({
        tasks: [],
        workers: [{ id: "x", capacity: 2, marginalCosts: [3, 1] }],
        edges: [],
      }),
    ).toThrow(RangeError);
  });

  it("equals linear-sum-assignment on random one-task-per-worker instances up to 60 x 60", () => {
    fc.assert(
      fc.property(problemArb({ slots: false, marginal: false, unitCapacity: true }), (problem) => {
        const solution = solveAssignment(problem);
        checkFeasible(problem, solution);
        const n = problem.tasks.length;
        const m = problem.workers.length;
        if (n === 0) return;
        // Dense matrix: infeasible pairs at a cost so large that cardinality comes first.
        const big = 1e7;
        const matrix = Array.from({ length: n }, () => new Array<number>(m).fill(big));
        for (const e of problem.edges) {
          const t = Number(e.task.slice(1));
          const w = Number(e.worker.slice(1));
          matrix[t]![w] = Math.min(matrix[t]![w]!, e.cost);
        }
        const result = linearSumAssignment(matrix, { maximaze: false });
        let assigned = 0;
        let cost = 0;
        result.rowAssignments.forEach((w, t) => {
          if (w < 0) return;
          const c = matrix[t]![w]!;
          if (c === big) return;
          assigned++;
          cost += c;
        });
        expect(solution.pairs.length).toBe(assigned);
        expect(solution.totalCost).toBe(cost);
      }),
      { seed: 20261130, numRuns: 150 },
    );
  });

  it("equals HiGHS with capacities, slots and convex marginal costs up to 60 x 60", () => {
    fc.assert(
      fc.property(
        fc.record({ slots: fc.boolean(), marginal: fc.boolean() }).chain((o) => problemArb(o)),
        (problem) => {
          const solution = solveAssignment(problem);
          checkFeasible(problem, solution);
          for (const slot of problem.slots ?? []) {
            const used = solution.pairs.filter((p) =>
              problem.edges.some(
                (e) => e.task === p.task && e.worker === p.worker && e.slot === slot.id && e.cost === p.cost,
              ),
            ).length;
            expect(used).toBeLessThanOrEqual(slot.capacity);
          }
          const reference = highsOptimum(problem);
          const marginal = problem.workers.reduce((sum, w) => {
            const load = solution.pairs.filter((p) => p.worker === w.id).length;
            const m = w.marginalCosts ?? [];
            let s = 0;
            for (let k = 0; k < load && m.length > 0; k++) s += m[Math.min(k, m.length - 1)]!;
            return sum + s;
          }, 0);
          expect(solution.pairs.length).toBe(reference.assigned);
          expect(solution.totalCost + marginal).toBe(reference.objective);
        },
      ),
      { seed: 7_14_2026, numRuns: 120 },
    );
  });
});
