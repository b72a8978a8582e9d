import { expect, test } from "vitest";
import { cst, desk, volunteer, volunteersCommunity } from "../test/fixture";

const evenings = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "18:00", to: "22:00" }));

async function setUp() {
  const { community, staff } = await volunteersCommunity("memory");
  for (const id of ["a", "b", "c"])
    await staff.volunteers.register({
      id,
      name: id,
      teams: ["patrol"],
      weekly: evenings,
      maxShiftsPerMonth: 4,
    });
  await staff.volunteers.register({ id: "d", name: "d", teams: ["garbage-sorting"], weekly: evenings });
  const [shift] = await staff.volunteers.roster.createShifts({
    shifts: [{ team: "patrol", start: cst("2026-06-03T19:00"), end: cst("2026-06-03T21:00"), size: 2 }],
  });
  if (!shift) throw new Error("no shift");
  const plan = await staff.volunteers.roster.plan({
    from: cst("2026-06-01T00:00"),
    to: cst("2026-07-01T00:00"),
  });
  expect(plan.assigned).toBe(2);
  const [seats] = await staff.volunteers.roster.shifts({
    from: cst("2026-06-01T00:00"),
    to: cst("2026-07-01T00:00"),
  });
  const on = (seats?.seats ?? []).map((s) => s.volunteerId).sort();
  const off = ["a", "b", "c"].find((id) => !on.includes(id)) ?? "";
  return { community, staff, shiftId: shift.id, on, off };
}

test("a swap to a teammate who is free; to someone outside the team it is refused with nothing changed", async () => {
  const { community, staff, shiftId, on, off } = await setUp();
  const giver = on[0] ?? "";
  await expect(
    community.volunteers.roster.swap({
      actor: volunteer(giver),
      shiftId,
      fromVolunteerId: giver,
      toVolunteerId: "d",
    }),
  ).rejects.toMatchObject({ code: "ROSTER_CHANGE_REFUSED" });
  await community.volunteers.roster.swap({
    actor: volunteer(giver),
    shiftId,
    fromVolunteerId: giver,
    toVolunteerId: off,
  });
  const [after] = await staff.volunteers.roster.shifts({
    from: cst("2026-06-01T00:00"),
    to: cst("2026-07-01T00:00"),
  });
  expect(after?.seats.map((s) => s.volunteerId).sort()).toEqual([on[1], off].sort());
  await community.close();
});

test("an absence is filled by the free teammate, then a second one leaves the shift short (ShiftUncovered)", async () => {
  const { community, staff, shiftId, on, off } = await setUp();
  const first = await staff.volunteers.roster.absence({ shiftId, volunteerId: on[0] ?? "" });
  expect(first.replacement).toBe(off);
  const second = await staff.volunteers.roster.absence({ shiftId, volunteerId: on[1] ?? "" });
  expect(second.replacement).toBeNull();
  const short = await community.events.list({ actor: desk, types: ["ShiftUncovered"] });
  expect(short.map((e) => e.payload)).toEqual([
    expect.objectContaining({ shiftId, team: "patrol", missing: 1 }),
  ]);
  await community.close();
});

test("attendance goes to the hours ledger; a no-show counts in fairness, not in hours", async () => {
  const { community, staff, shiftId, on } = await setUp();
  await staff.volunteers.roster.attendance({ shiftId, volunteerId: on[0] ?? "", served: true });
  await staff.volunteers.roster.attendance({ shiftId, volunteerId: on[1] ?? "", served: false });
  const { months } = await staff.volunteers.hours({});
  expect(months.sort((x, y) => x.volunteerId.localeCompare(y.volunteerId))).toEqual(
    [
      { volunteerId: on[0], month: "2026-06", minutes: 120, tasks: 0, shifts: 1, visits: 0, noShows: 0 },
      { volunteerId: on[1], month: "2026-06", minutes: 0, tasks: 0, shifts: 0, visits: 0, noShows: 1 },
    ].sort((x, y) => String(x.volunteerId).localeCompare(String(y.volunteerId))),
  );
  await community.close();
});
