import type { AssignmentProblem, AssignmentSolution } from "./assignment-types";

/**
 * Solves a sparse assignment problem exactly: the maximum number of tasks assigned and, among
 * all assignments of that size, the minimum total cost.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  void problem;
  throw new Error("not implemented yet");
}
