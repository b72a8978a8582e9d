import { matchBench } from "./volunteers-match-bench";

/**
 * `volunteers.match.500x200`: a batch of 500 open requests for 200 volunteers (capacity 3 each,
 * about 40 feasible candidates per request), planned by `planMatches` (candidate graph and exact
 * min-cost flow), against the faster of linear-sum-assignment and munkres-js on the equivalent
 * dense matrix (same optimum checked first).
 */
export default () =>
  matchBench(
    "volunteers.match.500x200",
    {
      requests: 500,
      volunteers: 200,
      capacity: 3,
      taskMinutes: 20,
      maxWalkingMinutes: 20,
      dayAvailability: 0.45,
      seed: 42,
    },
    { munkres: process.env.BENCH_SKIP_MUNKRES !== "1" },
    "ratio >= 5 (an exact sparse method should reach 20)",
  );
