import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { libraryOfThings, wangjialong } from "@linli/presets";
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "./run-simulation";
import { summaryText } from "./summary-text";

// A small population and a few days: the same code path as the demo's month, in seconds.
const small = { days: 3, seed: 7, residents: 600 } as const;
const dir = mkdtempSync(join(tmpdir(), "linli-sim-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Several small simulations; the shared machine can be slow.
describe("simulate", { timeout: 180_000 }, () => {
  it("is deterministic for a seed: the same summary twice, another seed another month", async () => {
    const first = await simulate(wangjialong, small);
    const second = await simulate(wangjialong, small);
    expect(summaryText(second)).toBe(summaryText(first));
    expect(second.tally).toEqual(first.tally);
    const other = await simulate(wangjialong, { ...small, seed: 8 });
    expect(summaryText(other)).not.toBe(summaryText(first));
  });

  it("books the preset's resources through the API, counts refusals by reason and money by group", async () => {
    const result = await simulate(wangjialong, { ...small, days: 5, residents: 1500 });
    const used = result.tally.resources.filter((u) => u.confirmed > 0).map((u) => u.resourceId);
    for (const id of ["library", "drying-room", "gym", "ev-charging", "home-repair", "courtyard-1-centre"])
      expect(used).toContain(id);
    // Lendable items are the loans domain's, not bookings.
    expect(result.tally.resources.find((u) => u.resourceId === "tool-room")?.requests).toBe(0);
    // Members-only gym: residents without a pass are refused with the rule's code.
    expect(result.tally.refusals.MEMBERSHIP_REQUIRED).toBeGreaterThan(0);
    // Memberships at 25 yuan, bookings priced: paid money under the standard price.
    expect(result.tally.memberships.sold).toBeGreaterThan(0);
    expect(result.tally.memberships.paid).toBe(result.tally.memberships.sold * 2500);
    const none = result.tally.money.find((m) => m.group === "none");
    expect(none?.paid).toBeGreaterThan(0);
    // Every confirmed booking is priced once (a membership-covered use included).
    const priced = result.tally.money.reduce((s, m) => s + m.uses, 0);
    const confirmed = result.tally.resources.reduce((s, u) => s + u.confirmed, 0);
    expect(priced).toBe(confirmed + result.tally.memberships.sold);
    // Waived value goes to the group whose tier decided it, never to "none".
    expect(none?.waived).toBe(0);
    for (const m of result.tally.money) expect(m.paid + m.waived).toBeGreaterThanOrEqual(0);
    const text = summaryText(result);
    for (const title of [
      "## Residents",
      "## Use per resource",
      "## Refusals by reason",
      "## Revenue and waived value",
      "## Tool room (loans)",
      "## Help requests (volunteers)",
      "## Duty shifts",
      "## Volunteer hours and fairness",
    ])
      expect(text).toContain(title);
  });

  it("lends tools, serves help requests and staffs duty shifts through lending and volunteers", async () => {
    const result = await simulate(wangjialong, { ...small, days: 4, residents: 1500 });
    const row = (title: string, label: string) =>
      result.tally.sections.find((s) => s.title.startsWith(title))?.rows.find(([k]) => k === label)?.[1];
    // The preset's lending section and its shipped inventory (24 kinds, 46 units).
    expect(row("Tool room", "kinds of tool / units at the start")).toBe("24 / 46");
    expect(row("Tool room", "loans")).toBeGreaterThan(0);
    expect(row("Tool room", "returns")).toBeGreaterThan(0);
    expect(row("Help requests", "served (completed)")).toBeGreaterThan(0);
    expect(row("Duty shifts", "seats served")).toBeGreaterThan(0);
    // The preset's 42 Alley Pioneers, each with a load; the ledger's hours are tasks plus shifts.
    expect(result.tally.volunteers).toHaveLength(42);
    const minutes = result.tally.volunteers.reduce((s, v) => s + v.taskMinutes + v.shiftMinutes, 0);
    expect(row("Volunteer hours", "hours served (hours ledger)")).toBe(Math.round((minutes / 60) * 10) / 10);
  });

  it("runs another community: the library of things lends its own things under its own lending section", async () => {
    const result = await simulate(libraryOfThings, { days: 2, seed: 7, residents: 300 });
    expect(result.tally.volunteers.length).toBeGreaterThan(0);
    const tools = result.tally.sections.find((s) => s.title.startsWith("Tool room"));
    expect(tools?.rows.find(([k]) => k === "kinds of tool / units at the start")?.[1]).toBe("8 / 10");
  });

  it("keeps its database in a new file when asked, and refuses an existing one before writing", async () => {
    const db = join(dir, "kept.sqlite");
    const result = await simulate(wangjialong, { days: 1, residents: 50, db });
    expect(result.db).toBe(db);
    expect(existsSync(db)).toBe(true);
    const taken = join(dir, "taken.sqlite");
    writeFileSync(taken, "not a database");
    await expect(simulate(wangjialong, { days: 1, residents: 50, db: taken })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("validates its options with every problem named", async () => {
    await expect(simulate(wangjialong, { days: 0, residents: -1 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      messages: { en: expect.stringMatching(/days.*residents/s) },
    });
  });
});
