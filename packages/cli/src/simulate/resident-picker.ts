import { type Habit, habitOf } from "./demand-profiles";
import type { ResidentProfile } from "./resident-profiles";
import type { SeededRandom } from "./seeded-random";

/**
 * Picks residents in proportion to a habit (a cumulative table and a binary search: O(log n)
 * per pick, built once per habit).
 */
export class ResidentPicker {
  private readonly cumulative: Float64Array;
  /** The sum of the habit over every resident: the expected daily demand is `rate × total`. */
  readonly total: number;

  /** Builds the table for one habit. */
  constructor(
    private readonly residents: readonly ResidentProfile[],
    habit: Habit,
  ) {
    this.cumulative = new Float64Array(residents.length);
    let sum = 0;
    residents.forEach((r, i) => {
      sum += habitOf(r, habit);
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** A resident drawn by habit weight; any resident uniformly when nobody has the habit. */
  pick(rng: SeededRandom): ResidentProfile {
    if (this.total <= 0) return rng.pick(this.residents);
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.residents[lo] ?? rng.pick(this.residents);
  }
}
