import { expect, test } from "vitest";
import { allWeek, cst, volunteersCommunity } from "../test/fixture";
import { readSpyStorage } from "../test/read-spy-storage";

test("match reads only candidates: 200 volunteers, a request for a skill 3 hold, 3 profiles read", async () => {
  const spy = readSpyStorage();
  const { staff } = await volunteersCommunity(spy.storage);
  await staff.residents.register({ id: "wang", name: "王奶奶", placeId: "courtyard-1", birthYear: 1942 });
  for (let i = 0; i < 200; i++)
    await staff.volunteers.register({
      id: `v${i}`,
      name: `v${i}`,
      placeId: `courtyard-${(i % 3) + 1}`,
      skills: i % 70 === 0 ? { plumbing: 3 } : { tailoring: 2 },
      weekly: allWeek,
    });
  const request = await staff.for("wang").volunteers.requests.create({
    kind: "home-repair",
    start: cst("2026-06-02T09:00"),
    end: cst("2026-06-02T11:00"),
    requiredSkills: [{ skill: "plumbing" }],
  });
  spy.reset();
  const { matched } = await staff.volunteers.match({ requestIds: [request.id] });
  expect(matched).toHaveLength(1);
  expect(matched[0]?.excluded["not-a-candidate"]).toBe(197);
  expect(spy.rowsRead.get("volunteers_volunteer")).toBe(3);
  expect(spy.rowsRead.get("volunteers_capability")).toBe(3);
});
