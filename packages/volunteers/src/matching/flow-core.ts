import { MinHeap } from "./min-heap";

/**
 * An assignment problem with every id replaced by its index (internal to the engine; the public
 * entry is `solveAssignment`). Costs are integers; marginal costs non-decreasing. Not validated.
 */
export interface IndexedAssignment {
  /** Number of tasks. */
  readonly taskCount: number;
  /** Capacity per worker (its length is the number of workers). */
  readonly workerCapacity: ArrayLike<number>;
  /** Optional convex marginal costs per worker. */
  readonly workerMarginal?: readonly (readonly number[] | undefined)[];
  /** Worker of each explicit slot. */
  readonly slotWorker: ArrayLike<number>;
  /** Capacity of each explicit slot. */
  readonly slotCapacity: ArrayLike<number>;
  /** Task of each edge. */
  readonly edgeTask: ArrayLike<number>;
  /** Worker of each edge. */
  readonly edgeWorker: ArrayLike<number>;
  /** Explicit slot of each edge, or -1 for the worker's own (unlimited) slot. */
  readonly edgeSlot: ArrayLike<number>;
  /** Integer cost of each edge. */
  readonly edgeCost: ArrayLike<number>;
}

/**
 * The exact solver on indices; see `solveAssignment` for the method and the guarantee.
 *
 * @returns For each task, the index of its assigned edge, or -1.
 */
export function solveIndexed(input: IndexedAssignment): Int32Array {
  const n = input.taskCount;
  const m = input.workerCapacity.length;
  const S0 = input.slotWorker.length;
  const S = S0 + m;
  const slotWorker = new Int32Array(S);
  const slotCap = new Float64Array(S);
  for (let s = 0; s < S0; s++) {
    slotWorker[s] = input.slotWorker[s]!;
    slotCap[s] = input.slotCapacity[s]!;
  }
  for (let w = 0; w < m; w++) {
    slotWorker[S0 + w] = w;
    slotCap[S0 + w] = Number.POSITIVE_INFINITY;
  }

  // Edges in CSR order by task, costs shifted to be ≥ 0 (every assigned task pays one edge).
  const E = input.edgeTask.length;
  let minCost = Number.POSITIVE_INFINITY;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < E; i++) {
    start[input.edgeTask[i]! + 1]!++;
    if (input.edgeCost[i]! < minCost) minCost = input.edgeCost[i]!;
  }
  for (let t = 0; t < n; t++) start[t + 1]! += start[t]!;
  const eSlot = new Int32Array(E);
  const eTask = new Int32Array(E);
  const eCost = new Float64Array(E);
  const eInput = new Int32Array(E);
  {
    const fill = start.slice(0, n);
    for (let i = 0; i < E; i++) {
      const t = input.edgeTask[i]!;
      const k = fill[t]!++;
      const slot = input.edgeSlot[i]!;
      eSlot[k] = slot >= 0 ? slot : S0 + input.edgeWorker[i]!;
      eTask[k] = t;
      eCost[k] = input.edgeCost[i]! - minCost;
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
  for (let w = 0; w < m; w++) workerCap[w] = Math.min(workerCap[w]!, input.workerCapacity[w]!);
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

  // A worker whose capacity all goes through one slot (the usual case: no overlap groups) is one
  // node with that slot: the search enters the slot and goes straight on to the sink.
  const merged = new Uint8Array(S);
  for (let w = 0; w < m; w++) {
    let only = -1;
    let count = 0;
    for (let p = workerSlotStart[w]!; p < workerSlotStart[w + 1]!; p++) {
      const slot = workerSlots[p]!;
      if (slotCap[slot]! > 0) {
        only = slot;
        count++;
      }
    }
    if (count === 1) merged[only] = 1;
  }

  // Marginal costs (shifted to be ≥ 0; each assigned task uses exactly one unit).
  const marginals = input.workerMarginal;
  let hasMarginal = false;
  let minMarginal = Number.POSITIVE_INFINITY;
  for (let w = 0; w < m; w++) {
    const marginal = marginals?.[w];
    if (!marginal || marginal.length === 0) minMarginal = Math.min(minMarginal, 0);
    else {
      minMarginal = Math.min(minMarginal, marginal[0]!);
      hasMarginal = true;
    }
  }
  const marginalOf = (w: number, load: number): number => {
    const marginal = marginals?.[w];
    if (!marginal || marginal.length === 0) return hasMarginal ? -minMarginal : 0;
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
      // Any tight edge (a tie with the task's least cost) with room will do.
      const least = eCost[best[t]!]!;
      let e = -1;
      for (let k = start[t]!, end = start[t + 1]!; k < end; k++) {
        if (eCost[k] !== least) continue;
        const s = eSlot[k]!;
        if (slotLoad[s]! < slotCap[s]! && workerLoad[slotWorker[s]!]! < workerCap[slotWorker[s]!]!) {
          e = k;
          break;
        }
      }
      if (e < 0) {
        free.push(t);
        continue;
      }
      const s = eSlot[e]!;
      assign[t] = e;
      addToSlot(s, t);
      workerLoad[slotWorker[s]!]!++;
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
  let bound = Number.POSITIVE_INFINITY; // the sink's tentative distance: nothing beyond it matters
  const reach = (v: number, d: number): boolean => {
    if (d >= bound) return false;
    if (v === Z) bound = d;
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
    bound = Number.POSITIVE_INFINITY;
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
          const ds = d + eCost[k]! + pv - pi[s]!;
          if (!reach(s, ds)) continue;
          const slot = s - SL;
          prevSlotEdge[slot] = k;
          // A merged slot with room leads on to the sink: a path to the sink is known already, and
          // its length bounds the search (nothing at or beyond it is pushed).
          if (merged[slot] === 1 && slotLoad[slot]! < slotCap[slot]!) {
            const w = slotWorker[slot]!;
            if (
              workerLoad[w]! < workerCap[w]! &&
              reach(Z, ds + marginalOf(w, workerLoad[w]!) + pi[s]! - pi[Z]!)
            ) {
              prevWorkerSlot[w] = slot;
              prevSinkWorker = w;
            }
          }
        }
      } else if (v < WK) {
        const s = v - SL;
        const w = slotWorker[s]!;
        if (slotLoad[s]! < slotCap[s]!) {
          if (merged[s] === 0) {
            if (reach(WK + w, d + pv - pi[WK + w]!)) prevWorkerSlot[w] = s;
          } else if (
            workerLoad[w]! < workerCap[w]! &&
            reach(Z, d + marginalOf(w, workerLoad[w]!) + pv - pi[Z]!)
          ) {
            prevWorkerSlot[w] = s;
            prevSinkWorker = w;
          }
        }
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

  const result = new Int32Array(n);
  for (let t = 0; t < n; t++) result[t] = assign[t]! >= 0 ? eInput[assign[t]!]! : -1;
  return result;
}
