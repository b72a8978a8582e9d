import type { AssignmentProblem, AssignmentSolution } from "./assignment-types";
import { MinHeap } from "./min-heap";

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
  const n = tasks.length;
  const m = workers.length;
  // Slots: the explicit ones, then one default slot per worker (index S0 + w).
  const S0 = slotDefs.length;
  const S = S0 + m;
  const slotWorker = new Int32Array(S);
  const slotCap = new Float64Array(S);
  for (let s = 0; s < S0; s++) {
    const def = slotDefs[s]!;
    const w = workerIndex.get(def.worker);
    if (w === undefined)
      throw new RangeError(`solveAssignment: slot "${def.id}" names unknown worker "${def.worker}"`);
    checkCapacity(`slot "${def.id}" capacity`, def.capacity);
    slotWorker[s] = w;
    slotCap[s] = def.capacity;
  }
  for (let w = 0; w < m; w++) {
    checkCapacity(`worker "${workers[w]!.id}" capacity`, workers[w]!.capacity);
    slotWorker[S0 + w] = w;
    slotCap[S0 + w] = Number.POSITIVE_INFINITY;
  }

  // Edges in CSR order by task.
  const E = edges.length;
  const degree = new Int32Array(n + 1);
  const edgeTaskOf = new Int32Array(E);
  const edgeSlotOf = new Int32Array(E);
  let minCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < E; i++) {
    const edge = edges[i]!;
    const t = taskIndex.get(edge.task);
    if (t === undefined) throw new RangeError(`solveAssignment: edge names unknown task "${edge.task}"`);
    const w = workerIndex.get(edge.worker);
    if (w === undefined) throw new RangeError(`solveAssignment: edge names unknown worker "${edge.worker}"`);
    checkCost(`edge (${edge.task}, ${edge.worker}) cost`, edge.cost);
    let s = S0 + w;
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
    edgeTaskOf[i] = t;
    edgeSlotOf[i] = s;
    degree[t + 1]!++;
    if (edge.cost < minCost) minCost = edge.cost;
  }
  const start = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) start[t + 1] = start[t]! + degree[t + 1]!;
  const eSlot = new Int32Array(E);
  const eTask = new Int32Array(E);
  const eCost = new Float64Array(E);
  const eInput = new Int32Array(E);
  {
    const fill = start.slice(0, n);
    for (let i = 0; i < E; i++) {
      const t = edgeTaskOf[i]!;
      const k = fill[t]!++;
      eSlot[k] = edgeSlotOf[i]!;
      eTask[k] = t;
      eCost[k] = edges[i]!.cost - minCost;
      eInput[k] = i;
    }
  }

  // Effective capacities: never more than the edges can use (keeps lists small).
  const slotDegree = new Float64Array(S);
  for (let k = 0; k < E; k++) slotDegree[eSlot[k]!]!++;
  const workerCap = new Float64Array(m);
  for (let s = 0; s < S; s++) {
    slotCap[s] = Math.min(slotCap[s]!, slotDegree[s]!);
    workerCap[slotWorker[s]!]! += slotCap[s]!;
  }
  for (let w = 0; w < m; w++) workerCap[w] = Math.min(workerCap[w]!, workers[w]!.capacity);
  for (let s = 0; s < S; s++) slotCap[s] = Math.min(slotCap[s]!, workerCap[slotWorker[s]!]!);

  // Slot member lists (flat, one block per slot) and each worker's slots.
  const slotListStart = new Int32Array(S + 1);
  for (let s = 0; s < S; s++) slotListStart[s + 1] = slotListStart[s]! + slotCap[s]!;
  const slotList = new Int32Array(slotListStart[S]!);
  const slotLoad = new Int32Array(S);
  const slotPos = new Int32Array(n).fill(-1);
  const workerSlotStart = new Int32Array(m + 1);
  for (let s = 0; s < S; s++) workerSlotStart[slotWorker[s]! + 1]!++;
  for (let w = 0; w < m; w++) workerSlotStart[w + 1]! += workerSlotStart[w]!;
  const workerSlots = new Int32Array(S);
  {
    const fill = workerSlotStart.slice(0, m);
    for (let s = 0; s < S; s++) workerSlots[fill[slotWorker[s]!]!++] = s;
  }

  // Marginal costs (shifted to be ≥ 0; each assigned task uses exactly one unit).
  let hasMarginal = false;
  let minMarginal = Number.POSITIVE_INFINITY;
  for (let w = 0; w < m; w++) {
    const marginal = workers[w]!.marginalCosts;
    if (!marginal || marginal.length === 0) {
      minMarginal = Math.min(minMarginal, 0);
      continue;
    }
    for (let k = 0; k < marginal.length; k++) {
      checkCost(`worker "${workers[w]!.id}" marginal cost`, marginal[k]!);
      if (k > 0 && marginal[k]! < marginal[k - 1]!) {
        throw new RangeError(
          `solveAssignment: worker "${workers[w]!.id}" marginal costs must be non-decreasing`,
        );
      }
    }
    minMarginal = Math.min(minMarginal, marginal[0]!);
    hasMarginal = true;
  }
  const marginalOf = (w: number, load: number): number => {
    const marginal = workers[w]!.marginalCosts;
    if (!marginal || marginal.length === 0) return hasMarginal ? -minMarginal : 0;
    // (minMarginal is finite whenever hasMarginal is true)
    return marginal[Math.min(load, marginal.length - 1)]! - minMarginal;
  };

  // Node ids: tasks [0, n), slots [n, n + S), workers [n + S, n + S + m), sink Z.
  const SL = n;
  const WK = n + S;
  const Z = n + S + m;
  const N = Z + 1;
  const pi = new Float64Array(N);
  const assign = new Int32Array(n).fill(-1);
  const workerLoad = new Int32Array(m);

  const addToSlot = (s: number, t: number): void => {
    const pos = slotListStart[s]! + slotLoad[s]!++;
    slotList[pos] = t;
    slotPos[t] = pos;
  };
  const removeFromSlot = (s: number, t: number): void => {
    const last = slotListStart[s]! + --slotLoad[s]!;
    const pos = slotPos[t]!;
    const moved = slotList[last]!;
    slotList[pos] = moved;
    slotPos[moved] = pos;
    slotPos[t] = -1;
  };

  // Greedy start on tight edges, cheapest tasks first: potentials pi(task) = -(its least cost),
  // every other potential 0, leave every residual arc with a non-negative reduced cost.
  const order: number[] = [];
  for (let t = 0; t < n; t++) if (start[t + 1]! > start[t]!) order.push(t);
  let free: number[] = order;
  if (!hasMarginal && order.length > 0) {
    const best = new Int32Array(n).fill(-1);
    for (const t of order) {
      let b = start[t]!;
      for (let k = b + 1; k < start[t + 1]!; k++) if (eCost[k]! < eCost[b]!) b = k;
      best[t] = b;
      pi[t] = -eCost[b]!;
    }
    order.sort((a, b) => eCost[best[a]!]! - eCost[best[b]!]! || a - b);
    free = [];
    for (const t of order) {
      const e = best[t]!;
      const s = eSlot[e]!;
      const w = slotWorker[s]!;
      if (slotLoad[s]! < slotCap[s]! && workerLoad[w]! < workerCap[w]!) {
        assign[t] = e;
        addToSlot(s, t);
        workerLoad[w]!++;
      } else free.push(t);
    }
  }

  // Then one shortest-path search per free task (Hungarian style). Conceptually every task also
  // has an arc to a "drop" node at a cost M larger than any difference of real costs; it is kept
  // implicit: a search that reaches a free worker augments (one more task assigned); a search
  // that cannot (its reachable set is closed, and stays closed as later paths never enter it)
  // either leaves its task unassigned or, when cheaper, assigns it by dropping the reached task
  // whose replacement path has the most negative real cost. This is what successive shortest
  // paths with the explicit drop node would do, so the result is the exact lexicographic optimum.
  const dist = new Float64Array(N);
  const stamp = new Int32Array(N);
  const settled = new Int32Array(N);
  const prevTaskSlot = new Int32Array(n); // slot a task was reached from (reverse arc), -1: source
  const prevSlotEdge = new Int32Array(S); // edge a slot was reached by (forward), -1: from its worker
  const prevWorkerSlot = new Int32Array(m); // slot a worker was reached from
  let prevSinkWorker = -1;
  const touched = new Int32Array(N);
  const heap = new MinHeap(1024);
  let round = 0;
  let touchedCount = 0;
  const reach = (v: number, d: number): boolean => {
    if (stamp[v] !== round) {
      stamp[v] = round;
      dist[v] = d;
      heap.push(d, v);
      return true;
    }
    if (d < dist[v]! && settled[v] !== round) {
      dist[v] = d;
      heap.push(d, v);
      return true;
    }
    return false;
  };
  /** Flips the path that ends by entering slot `s` (walking back to the source). */
  const flipFromSlot = (slot: number): void => {
    let s = slot;
    for (;;) {
      const e = prevSlotEdge[s]!;
      if (e >= 0) {
        const t = eTask[e]!;
        const from = prevTaskSlot[t]!;
        if (from >= 0) removeFromSlot(from, t);
        addToSlot(s, t);
        assign[t] = e;
        if (from < 0) return;
        s = from;
      } else {
        s = prevWorkerSlot[slotWorker[s]!]!;
      }
    }
  };

  for (const source of free) {
    round++;
    heap.clear();
    touchedCount = 0;
    reach(source, 0);
    prevTaskSlot[source] = -1;
    let dZ = -1;
    let last = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const v = heap.pop();
      if (settled[v] === round || d > dist[v]!) continue;
      settled[v] = round;
      touched[touchedCount++] = v;
      last = d;
      if (v === Z) {
        dZ = d;
        break;
      }
      const pv = pi[v]!;
      if (v < SL) {
        const own = assign[v]!;
        for (let k = start[v]!, end = start[v + 1]!; k < end; k++) {
          if (k === own) continue;
          const s = SL + eSlot[k]!;
          if (reach(s, d + eCost[k]! + pv - pi[s]!)) prevSlotEdge[s - SL] = k;
        }
      } else if (v < WK) {
        const s = v - SL;
        const w = slotWorker[s]!;
        if (slotLoad[s]! < slotCap[s]! && reach(WK + w, d + pv - pi[WK + w]!)) prevWorkerSlot[w] = s;
        for (let p = slotListStart[s]!, end = p + slotLoad[s]!; p < end; p++) {
          const t = slotList[p]!;
          if (reach(t, d - eCost[assign[t]!]! + pv - pi[t]!)) prevTaskSlot[t] = s;
        }
      } else {
        const w = v - WK;
        if (workerLoad[w]! < workerCap[w]! && reach(Z, d + marginalOf(w, workerLoad[w]!) + pv - pi[Z]!)) {
          prevSinkWorker = w;
        }
        for (let p = workerSlotStart[w]!, end = workerSlotStart[w + 1]!; p < end; p++) {
          const s = workerSlots[p]!;
          if (slotLoad[s]! > 0 && reach(SL + s, d + pv - pi[SL + s]!)) prevSlotEdge[s] = -1;
        }
      }
    }

    if (dZ >= 0) {
      // Potentials: pi += min(dist, dZ), shifted by -dZ so that unreached nodes keep theirs.
      for (let i = 0; i < touchedCount; i++) {
        const v = touched[i]!;
        pi[v]! += dist[v]! - dZ;
      }
      const w = prevSinkWorker;
      workerLoad[w]!++;
      flipFromSlot(prevWorkerSlot[w]!);
      continue;
    }

    // No free worker is reachable: drop the reached task whose replacement is cheapest, if any
    // replacement path has a negative real cost (real cost = dist - pi(source) + pi(task)).
    let bestGain = 0;
    let drop = -1;
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i]!;
      if (v >= SL || v === source) continue;
      const real = dist[v]! - pi[source]! + pi[v]!;
      if (real < bestGain) {
        bestGain = real;
        drop = v;
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const v = touched[i]!;
      pi[v]! += dist[v]! - last;
    }
    if (drop >= 0) {
      const slot = prevTaskSlot[drop]!;
      removeFromSlot(slot, drop);
      assign[drop] = -1;
      flipFromSlot(slot);
    }
  }

  const pairs: AssignmentSolution["pairs"] = [];
  const unassigned: string[] = [];
  let totalCost = 0;
  for (let t = 0; t < n; t++) {
    const e = assign[t]!;
    if (e < 0) {
      unassigned.push(tasks[t]!.id);
      continue;
    }
    const edge = edges[eInput[e]!]!;
    pairs.push({ task: edge.task, worker: edge.worker, cost: edge.cost });
    totalCost += edge.cost;
  }
  return { pairs, unassigned, totalCost };
}
