import { addLocalDays } from "@linli/core";
import { expect, test } from "vitest";
import { allWeek, cst, volunteer, volunteersCommunity } from "../test/fixture";

/**
 * The bound the default weights keep: a past helper's continuity bonus (weight 10) is worth
 * ⌈10 / 3⌉ = 4 tasks of recent load (fairness weight 3), so no volunteer runs further ahead.
 */
const SPREAD_BOUND = 4;

test(`fairness through the API: over a simulated month, tasks per active volunteer differ by at most ${SPREAD_BOUND}`, async () => {
  const { community, clock, staff } = await volunteersCommunity("memory");
  const helpers = ["h1", "h2", "h3", "h4", "h5", "h6"];
  const elders = ["e1", "e2", "e3", "e4", "e5", "e6", "e7"];
  for (const id of [...helpers, ...elders])
    await staff.residents.register({
      id,
      name: id,
      placeId: id.startsWith("h") ? "courtyard-1" : "courtyard-2",
      birthYear: 1950,
    });
  for (const id of helpers)
    await staff.volunteers.register({
      residentId: id,
      name: id,
      placeId: "courtyard-1",
      weekly: allWeek,
      maxTasksPerWeek: 7,
      ageBand: "younger-elderly",
    });
  const done = new Map<string, number>(helpers.map((h) => [h, 0]));
  for (let day = 0; day < 28; day++) {
    const date = addLocalDays("2026-06-01", day);
    clock.set(cst(`${date}T07:00`));
    for (let k = 0; k < 3; k++) {
      const elder = elders[(day * 3 + k) % elders.length] ?? "e1";
      await staff.for(elder).volunteers.requests.create({
        kind: ["groceries", "medicine", "meal-preparation"][k] ?? "groceries",
        start: cst(`${date}T${String(9 + 3 * k).padStart(2, "0")}:00`),
        end: cst(`${date}T${String(10 + 3 * k).padStart(2, "0")}:00`),
      });
    }
    const { matched, unmatched } = await staff.volunteers.match();
    expect(unmatched).toEqual([]);
    for (const m of matched) {
      const v = community.as(volunteer(m.volunteerId)).volunteers.requests;
      await v.accept({ requestId: m.requestId });
      await v.complete({ requestId: m.requestId });
      done.set(m.volunteerId, (done.get(m.volunteerId) ?? 0) + 1);
    }
  }
  const counts = [...done.values()];
  expect(counts.reduce((a, b) => a + b, 0)).toBe(84);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(SPREAD_BOUND);
  await community.close();
});
