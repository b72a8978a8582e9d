import { describe, expect, it } from "vitest";
import { ActionQueue } from "./action-queue";
import { profileFor } from "./demand-profiles";
import { moneyText } from "./money-text";
import { startInWindows } from "./opening-windows";
import { dayProgress } from "./progress";
import { generateResidents } from "./resident-profiles";
import { SeededRandom } from "./seeded-random";

describe("simulation parts", () => {
  it("derived random streams are reproducible and independent of each other", () => {
    const a = SeededRandom.derive(7, "bookings", 3);
    const b = SeededRandom.derive(7, "bookings", 3);
    const c = SeededRandom.derive(7, "bookings", 4);
    const take = (r: SeededRandom) => Array.from({ length: 5 }, () => r.next());
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it("the population keeps the same people whatever groups a community configures", () => {
    const all = generateResidents(500, 7);
    const some = generateResidents(500, 7, new Set(["student"]));
    expect(some.map((r) => r.age)).toEqual(all.map((r) => r.age));
    for (const r of some) expect(r.groups.every((g) => g === "student")).toBe(true);
    const elderly = all.filter((r) => r.age >= 60).length / all.length;
    expect(elderly).toBeGreaterThan(0.25); // a strongly ageing neighbourhood
  });

  it("actions run by instant, ties in the order they came", () => {
    const q = new ActionQueue();
    const at = (ms: number, name: string) => ({ at: new Date(ms), run: async () => {}, name });
    for (const a of [at(30, "c"), at(10, "a"), at(30, "d"), at(20, "b")]) q.push(a);
    const names: string[] = [];
    for (let a = q.popBefore(31); a; a = q.popBefore(31)) names.push((a as { name?: string }).name ?? "");
    expect(names).toEqual(["a", "b", "c", "d"]);
    expect(q.size).toBe(0);
  });

  it("starts inside opening windows leave room for the booking", () => {
    expect(startInWindows([[9 * 60, 11 * 60 + 30]], 60, () => 0)).toBe(9 * 60);
    expect(startInWindows([[9 * 60, 11 * 60 + 30]], 60, (n) => n - 1)).toBe(10 * 60);
    expect(startInWindows([[14 * 60, 15 * 60]], 120, () => 0)).toBeNull();
  });

  it("lendable items draw no booking demand; other resources a profile", () => {
    expect(profileFor({ id: "tool-room", kind: "item" })).toBeNull();
    expect(profileFor({ id: "drying-room", kind: "pool" })?.habit).toBe("laundry");
    expect(profileFor({ id: "bike-shed", kind: "space" })).not.toBeNull();
  });

  it("the progress bar stays quiet when not on a terminal, or in CI", () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const quiet = dayProgress(stream, {});
    quiet.onDay(1, 30);
    quiet.stop();
    const ci = dayProgress({ ...stream, isTTY: true } as NodeJS.WriteStream, { CI: "true" });
    ci.onDay(1, 30);
    ci.stop();
    expect(written).toEqual([]);
  });

  it("formats money in minor units without Intl", () => {
    expect(moneyText(2269500, "CNY")).toBe("22,695.00 CNY");
    expect(moneyText(-5, "CNY")).toBe("-0.05 CNY");
  });
});
