import type { RosterInput, RosterPlan } from "./roster-types";

/** Plans a fair rotation (see the implementation's TSDoc). */
export function planRoster(input: RosterInput): RosterPlan {
  void input;
  throw new Error("not implemented yet");
}
