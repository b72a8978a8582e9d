import type { AssignmentProblem, AssignmentSolution } from "./assignment-types";
import { solveIndexed } from "./flow-core";

/** Largest number of tasks, workers, slots or edges one problem may have. */
export const ASSIGNMENT_LIMIT = 2_000_000;

/** Largest absolute cost (edge or marginal) accepted, so that every sum stays an exact integer. */
export const ASSIGNMENT_MAX_COST = 1_000_000_000;

function checkCount(name: string, n: number): void {
  if (n > ASSIGNMENT_LIMIT)
    throw new RangeError(`solveAssignment: too many ${name} (${n} > ${ASSIGNMENT_LIMIT})`);
}

function checkCost(what: string, cost: number): void {
  if (!Number.isSafeInteger(cost) || Math.abs(cost) > ASSIGNMENT_MAX_COST) {
    throw new RangeError(
      `solveAssignment: ${what} must be an integer within ±${ASSIGNMENT_MAX_COST} (got ${cost})`,
    );
  }
}

function checkCapacity(what: string, capacity: number): void {
  if (!Number.isSafeInteger(capacity) || capacity < 0) {
    throw new RangeError(`solveAssignment: ${what} must be an integer ≥ 0 (got ${capacity})`);
  }
}

function indexIds(name: string, items: readonly { id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    if (index.has(id)) throw new RangeError(`solveAssignment: duplicate ${name} id "${id}"`);
    index.set(id, i);
  }
  return index;
}

/**
 * Solves a sparse assignment problem exactly, by min-cost flow: successive shortest augmenting
 * paths (Dijkstra on reduced costs with node potentials, stopped at the first free worker),
 * after a greedy start on tight edges when no worker has marginal costs.
 *
 * The network is source → task (capacity 1) → slot → worker (capacity) → sink, where an edge
 * without a slot uses the worker's own unlimited slot, and a worker's `marginalCosts` price its
 * successive units on the worker → sink arc (convex, so they are used in order).
 *
 * Guarantee: the solution assigns the **maximum number of tasks** that any assignment respecting
 * the capacities can assign and, among all such assignments, has the **minimum total cost**
 * (edge costs plus marginal costs). Costs are integers, so the result is exact (no tolerance).
 *
 * Complexity: O(k · (E + V) log V) for k augmentations, usually far less because each search
 * stops at the first free worker. Pure, no dependency, runs in a browser.
 *
 * @param problem - Tasks, workers with capacities, and the allowed (task, worker, cost) edges;
 *   optional slots (sub-capacities) and marginal costs.
 * @returns The pairs in task order, the unassigned task ids, and the total cost of the pairs
 *   (marginal costs excluded: they are the caller's balancing device).
 * @throws RangeError on duplicate ids, unknown ids, non-integer or out-of-range costs or
 *   capacities, non-convex marginal costs, or an edge whose slot belongs to another worker.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const { tasks, workers, edges } = problem;
  const slotDefs = problem.slots ?? [];
  checkCount("tasks", tasks.length);
  checkCount("workers", workers.length);
  checkCount("edges", edges.length);
  checkCount("slots", slotDefs.length);
  const taskIndex = indexIds("task", tasks);
  const workerIndex = indexIds("worker", workers);
  const slotIndex = indexIds("slot", slotDefs);
  const slotWorker = new Int32Array(slotDefs.length);
  const slotCapacity = new Float64Array(slotDefs.length);
  slotDefs.forEach((def, s) => {
    const w = workerIndex.get(def.worker);
    if (w === undefined) {
      throw new RangeError(`solveAssignment: slot "${def.id}" names unknown worker "${def.worker}"`);
    }
    checkCapacity(`slot "${def.id}" capacity`, def.capacity);
    slotWorker[s] = w;
    slotCapacity[s] = def.capacity;
  });
  const workerCapacity = workers.map((w) => {
    checkCapacity(`worker "${w.id}" capacity`, w.capacity);
    return w.capacity;
  });
  const workerMarginal = workers.map((w) => {
    const marginal = w.marginalCosts;
    if (!marginal || marginal.length === 0) return undefined;
    marginal.forEach((c, k) => {
      checkCost(`worker "${w.id}" marginal cost`, c);
      if (k > 0 && c < marginal[k - 1]!) {
        throw new RangeError(`solveAssignment: worker "${w.id}" marginal costs must be non-decreasing`);
      }
    });
    return marginal;
  });
  const E = edges.length;
  const edgeTask = new Int32Array(E);
  const edgeWorker = new Int32Array(E);
  const edgeSlot = new Int32Array(E);
  const edgeCost = new Float64Array(E);
  for (let i = 0; i < E; i++) {
    const edge = edges[i]!;
    const t = taskIndex.get(edge.task);
    if (t === undefined) throw new RangeError(`solveAssignment: edge names unknown task "${edge.task}"`);
    const w = workerIndex.get(edge.worker);
    if (w === undefined) throw new RangeError(`solveAssignment: edge names unknown worker "${edge.worker}"`);
    checkCost(`edge (${edge.task}, ${edge.worker}) cost`, edge.cost);
    let s = -1;
    if (edge.slot !== undefined) {
      const si = slotIndex.get(edge.slot);
      if (si === undefined) throw new RangeError(`solveAssignment: edge names unknown slot "${edge.slot}"`);
      if (slotWorker[si] !== w) {
        throw new RangeError(
          `solveAssignment: slot "${edge.slot}" does not belong to worker "${edge.worker}"`,
        );
      }
      s = si;
    }
    edgeTask[i] = t;
    edgeWorker[i] = w;
    edgeSlot[i] = s;
    edgeCost[i] = edge.cost;
  }
  const assigned = solveIndexed({
    taskCount: tasks.length,
    workerCapacity,
    workerMarginal,
    slotWorker,
    slotCapacity,
    edgeTask,
    edgeWorker,
    edgeSlot,
    edgeCost,
  });
  const pairs: AssignmentSolution["pairs"] = [];
  const unassigned: string[] = [];
  let totalCost = 0;
  for (let t = 0; t < tasks.length; t++) {
    const e = assigned[t]!;
    if (e < 0) {
      unassigned.push(tasks[t]!.id);
      continue;
    }
    const edge = edges[e]!;
    pairs.push({ task: edge.task, worker: edge.worker, cost: edge.cost });
    totalCost += edge.cost;
  }
  return { pairs, unassigned, totalCost };
}
