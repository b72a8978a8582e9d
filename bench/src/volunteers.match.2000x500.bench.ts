import { matchBench } from "./volunteers-match-bench";

/**
 * `volunteers.match.2000x500`: city-district scale, 2,000 open requests for 500 volunteers (about
 * 50 feasible candidates per request), planned by `planMatches`, against linear-sum-assignment on
 * the equivalent dense matrix (same optimum checked first). Target: median under 500 ms.
 */
export default () =>
  matchBench(
    "volunteers.match.2000x500",
    {
      requests: 2000,
      volunteers: 500,
      capacity: 5,
      taskMinutes: 10,
      maxWalkingMinutes: 15,
      dayAvailability: 0.35,
      seed: 42,
    },
    { munkres: false },
    "median < 500 ms",
  );
