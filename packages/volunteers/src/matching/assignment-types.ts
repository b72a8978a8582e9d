/*
 * The generic assignment problem solved exactly by min-cost flow.
 */

/** A task to assign (a help request, a shift seat, …). */
export interface AssignmentTask {
  /** Unique id among the tasks. */
  readonly id: string;
}

/** A worker who can take up to `capacity` tasks. */
export interface AssignmentWorker {
  /** Unique id among the workers. */
  readonly id: string;
  /** How many tasks this worker may take (an integer ≥ 0). */
  readonly capacity: number;
  /**
   * Optional convex load costs: `marginalCosts[k]` is added when the worker takes its (k+1)-th task
   * (integers, non-decreasing; the last value repeats). Balances loads exactly (e.g. rosters).
   */
  readonly marginalCosts?: readonly number[];
}

/**
 * A sub-capacity of one worker: the edges that name this slot may together use at most
 * `capacity` of the worker's tasks (e.g. tasks that overlap in time: at most one).
 */
export interface AssignmentSlot {
  /** Unique id among the slots. */
  readonly id: string;
  /** The worker the slot belongs to. */
  readonly worker: string;
  /** How many of the slot's edges may be used together (an integer ≥ 0). */
  readonly capacity: number;
}

/** An allowed (task, worker) pair and its integer cost. Pairs absent from the list are forbidden. */
export interface AssignmentEdge {
  /** The task's id. */
  readonly task: string;
  /** The worker's id. */
  readonly worker: string;
  /** Integer cost of giving this task to this worker (may be negative). */
  readonly cost: number;
  /** Optional slot (of the same worker) whose sub-capacity this edge uses. */
  readonly slot?: string;
}

/** A sparse assignment problem: tasks, workers with capacities, allowed pairs with costs. */
export interface AssignmentProblem {
  /** The tasks; each is assigned to at most one worker. */
  readonly tasks: readonly AssignmentTask[];
  /** The workers; each takes at most its capacity. */
  readonly workers: readonly AssignmentWorker[];
  /** The allowed pairs (the candidate graph). */
  readonly edges: readonly AssignmentEdge[];
  /** Optional sub-capacities of workers (see {@link AssignmentSlot}). */
  readonly slots?: readonly AssignmentSlot[];
}

/** One assigned pair of an {@link AssignmentSolution}. */
export interface AssignmentPair {
  /** The task's id. */
  task: string;
  /** The worker's id. */
  worker: string;
  /** The edge's cost. */
  cost: number;
}

/**
 * The solution: as many tasks assigned as possible and, among all such assignments, the minimum
 * total cost.
 */
export interface AssignmentSolution {
  /** The assigned pairs, in task order. */
  pairs: AssignmentPair[];
  /** Ids of the tasks left unassigned, in task order. */
  unassigned: string[];
  /** The sum of the pairs' costs. */
  totalCost: number;
}
