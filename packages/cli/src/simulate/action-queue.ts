import type { SimulationAction } from "./simulation-world";

/**
 * Actions waiting to run, by instant; actions at the same instant run in the order they
 * were pushed (a stable order keeps the simulation deterministic). Binary insertion: the
 * queue holds a day's few thousand actions.
 */
export class ActionQueue {
  private readonly items: { at: number; seq: number; action: SimulationAction }[] = [];
  private seq = 0;

  /** Adds an action. */
  push(action: SimulationAction): void {
    const item = { at: action.at.getTime(), seq: this.seq++, action };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.items[mid];
      if (other && (other.at < item.at || (other.at === item.at && other.seq < item.seq))) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  /** Removes and returns the earliest action before `instant` (ms), or undefined. */
  popBefore(instant: number): SimulationAction | undefined {
    const first = this.items[0];
    if (!first || first.at >= instant) return undefined;
    this.items.shift();
    return first.action;
  }

  /** Actions waiting. */
  get size(): number {
    return this.items.length;
  }
}
