// The lending and volunteers half of the model-based suite (model-based.test.ts): their steps,
// the state they show, and their invariants (one loan per unit, a unit in one state only; no
// volunteer over their weekly tasks, nobody matched to their own request).
import type { Actor } from "@linli/core";
import fc from "fast-check";
import { expect } from "vitest";

const desk = { kind: "staff", id: "desk-1" } as const;
const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** The residents who borrow and ask for help; `zhang` and `zhao` are also volunteers. */
export const PEOPLE = ["wang", "li", "zhang", "zhao"] as const;
/** Volunteers and their `maxTasksPerWeek`: small, so that matching meets the cap. */
const VOLUNTEERS = { zhang: 1, zhao: 2 } as const;
/** Item types and their unit codes: a numbered drill (two units) and stock trowels (three). */
const UNITS = { drill: ["D-1", "D-2"], trowel: ["T-1", "T-2", "T-3"] } as const;
type ItemType = keyof typeof UNITS;
/** Statuses in which a request counts against its volunteer's week (volunteers' own list). */
const TAKEN = ["offered", "accepted", "in-progress", "done"];

/** The config sections the model's community adds for lending and volunteers. */
export function pluginSections() {
  return {
    lending: {
      categories: [{ id: "tools", name: text("工具", "Tools") }],
      holds: { pickupHours: 48, maxPerResident: 2 },
      policies: [{ id: "two-at-once", kind: "max-loans" as const, max: 2 }],
    },
    volunteers: {},
  };
}

/** A community of the model, loosely typed: the steps call plugin commands by name. */
type Api = any;

const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "00:00", to: "23:59" }));

/**
 * The tool room's catalog and the volunteers' profiles, the same on every adapter (ids come
 * from the sequential generator). Returns the units' ids by code.
 */
export async function setUpPlugins(c: Api): Promise<Map<string, string>> {
  const units = new Map<string, string>();
  for (const [id, codes] of Object.entries(UNITS)) {
    const tracking = id === "drill" ? "numbered" : "stock";
    await c.lending.catalog.addType({ actor: desk, id, tracking, category: "tools", nameZh: id, nameEn: id });
    const added = await c.lending.catalog.addUnits({
      actor: desk,
      itemTypeId: id,
      units: codes.map((code) => ({ code })),
    });
    for (const unit of added as { id: string; code: string }[]) units.set(unit.code, unit.id);
  }
  for (const [id, max] of Object.entries(VOLUNTEERS))
    await c.volunteers.register({
      actor: desk,
      residentId: id,
      name: id,
      weekly: allWeek,
      maxTasksPerWeek: max,
    });
  return units;
}

/** A lending or volunteers step. */
export type PluginStep =
  | { kind: "lend"; who: number; type: ItemType }
  | { kind: "giveBack"; pick: number }
  | { kind: "renew"; pick: number }
  | { kind: "hold"; who: number; type: ItemType }
  | { kind: "cancelHold"; pick: number }
  | { kind: "request"; who: number; slot: number }
  | { kind: "match" }
  | { kind: "respond"; pick: number; accept: boolean }
  | { kind: "complete"; pick: number }
  | { kind: "cancelRequest"; pick: number };

const who = fc.nat(PEOPLE.length - 1);
const type = fc.constantFrom<ItemType>("drill", "trowel");

/**
 * The lending and volunteers steps, with weights for `fc.oneof` (kinds distinct from booking's:
 * `lend` and `giveBack` are lending's `checkOut` and `checkIn`). A help request goes through
 * request, match, respond and complete, so those weigh more.
 */
export const pluginSteps: { weight: number; arbitrary: fc.Arbitrary<PluginStep> }[] = [
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("lend" as const), who, type }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("giveBack" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("renew" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hold" as const), who, type }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancelHold" as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("request" as const), who, slot: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("match" as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("respond" as const), pick: fc.nat(), accept: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("complete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancelRequest" as const), pick: fc.nat() }) },
];

/** Every open loan and waiting or ready hold, by resident, in id order. */
async function lendingOf(c: Api) {
  const out = [];
  for (const id of PEOPLE) {
    const mine = await c.lending.mine({ actor: desk, forResident: id });
    out.push({ residentId: id, loans: mine.loans, holds: mine.holds });
  }
  return out;
}

const byId = <T extends { id: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

async function openLoans(c: Api) {
  return byId((await lendingOf(c)).flatMap((r) => r.loans as { id: string; itemId: string }[]));
}
async function openHolds(c: Api) {
  return byId((await lendingOf(c)).flatMap((r) => r.holds as { id: string }[]));
}
async function requests(c: Api, status: string[]) {
  return byId(
    (await c.volunteers.requests.list({ actor: desk, status, limit: 1000 })) as {
      id: string;
      volunteerId: string | null;
    }[],
  );
}

/** Applies a lending or volunteers step; targets are picked from the community's own state. */
export async function applyPluginStep(
  c: Api,
  s: PluginStep,
  slotStart: (slot: number) => Date,
  answer: (run: () => Promise<unknown>) => Promise<unknown>,
): Promise<unknown> {
  const pick = <T>(rows: readonly T[], n: number): T | undefined => rows[n % Math.max(1, rows.length)];
  switch (s.kind) {
    case "lend":
      return answer(() =>
        c.lending.checkOut({ actor: desk, residentId: PEOPLE[s.who], items: [{ itemTypeId: s.type }] }),
      );
    case "giveBack": {
      const loan = pick(await openLoans(c), s.pick);
      if (!loan) return null;
      return answer(() =>
        c.lending.checkIn({ actor: desk, items: [{ itemId: loan.itemId, condition: "good" }] }),
      );
    }
    case "renew": {
      const loan = pick(await openLoans(c), s.pick);
      if (!loan) return null;
      return answer(() => c.lending.renew({ actor: desk, loanId: loan.id }));
    }
    case "hold": {
      const resident: Actor = { kind: "resident", id: PEOPLE[s.who]! };
      return answer(() => c.lending.holds.place({ actor: resident, itemTypeId: s.type }));
    }
    case "cancelHold": {
      const hold = pick(await openHolds(c), s.pick);
      if (!hold) return null;
      return answer(() => c.lending.holds.cancel({ actor: desk, holdId: hold.id }));
    }
    case "request": {
      const start = slotStart(s.slot);
      return answer(() =>
        c.volunteers.requests.create({
          actor: { kind: "resident", id: PEOPLE[s.who] },
          kind: "groceries",
          start,
          end: new Date(start.getTime() + 2 * 3_600_000),
          durationMinutes: 60,
        }),
      );
    }
    case "match":
      return answer(() => c.volunteers.match({ actor: desk }));
    case "respond": {
      const offered = pick(await requests(c, ["offered"]), s.pick);
      if (!offered?.volunteerId) return null;
      const actor = { kind: "volunteer", id: offered.volunteerId };
      const { requests: api } = c.volunteers;
      return answer(() => (s.accept ? api.accept : api.decline)({ actor, requestId: offered.id }));
    }
    case "complete": {
      const accepted = pick(await requests(c, ["accepted", "in-progress"]), s.pick);
      if (!accepted?.volunteerId) return null;
      const actor = { kind: "volunteer", id: accepted.volunteerId };
      return answer(() => c.volunteers.requests.complete({ actor, requestId: accepted.id }));
    }
    case "cancelRequest": {
      const open = pick(await requests(c, ["open", "offered", "accepted"]), s.pick);
      if (!open) return null;
      return answer(() => c.volunteers.requests.cancel({ actor: desk, requestId: open.id }));
    }
  }
}

/** What lending and volunteers show: every unit's state and open loans, loans, holds, requests, hours. */
export async function pluginState(c: Api, units: ReadonlyMap<string, string>) {
  const items = [];
  for (const [code, id] of units) {
    const history = await c.lending.itemHistory({ actor: desk, itemId: id });
    items.push({
      id,
      code,
      status: history.item.status,
      openLoans: history.loans.filter((l: { returnedAt: unknown }) => l.returnedAt === null).length,
    });
  }
  const lending = await lendingOf(c);
  const helpRequests = await requests(c, ["open", "offered", "accepted", "in-progress", "done", "cancelled"]);
  const hours = await c.volunteers.hours({ actor: desk });
  return JSON.parse(
    JSON.stringify({
      items,
      lending: lending.map((r) => ({
        residentId: r.residentId,
        loans: r.loans.map((l: any) => [l.id, l.itemId, l.dueAt, l.renewals]),
        holds: r.holds.map((h: any) => [h.id, h.itemTypeId, h.status, h.itemId]),
      })),
      requests: helpRequests.map((r: any) => [r.id, r.requesterId, r.status, r.volunteerId, r.start]),
      hours,
    }),
  );
}

/** The invariants of lending and volunteers on a community's state (see {@link pluginState}). */
export function checkPluginInvariants(state: any): void {
  // One loan per unit, and a unit in one state only: on loan exactly when it has an open loan,
  // on the hold shelf exactly when one ready hold names it.
  const loans = state.lending.flatMap((r: any) => r.loans);
  const ready = state.lending.flatMap((r: any) => r.holds).filter((h: any) => h[2] === "ready");
  const lent = loans.map((l: any) => l[1]);
  expect(new Set(lent).size).toBe(lent.length);
  const shelved = ready.map((h: any) => h[3]);
  expect(new Set(shelved).size).toBe(shelved.length);
  for (const item of state.items) {
    const shown = { code: item.code, status: item.status };
    expect({ ...shown, openLoans: item.openLoans, lent: lent.includes(item.id) }).toEqual({
      ...shown,
      openLoans: item.status === "on-loan" ? 1 : 0,
      lent: item.status === "on-loan",
    });
    expect({ ...shown, shelved: shelved.includes(item.id) }).toEqual({
      ...shown,
      shelved: item.status === "on-hold-shelf",
    });
  }
  // Matching: nobody over their weekly tasks, nobody matched to their own request.
  const tasks = new Map<string, number>();
  for (const [requestId, requesterId, status, volunteerId] of state.requests) {
    if (volunteerId === null) continue;
    // A resident volunteer is known by their resident id.
    expect({ requestId, volunteerId }).not.toEqual({ requestId, volunteerId: requesterId });
    if (TAKEN.includes(status)) tasks.set(volunteerId, (tasks.get(volunteerId) ?? 0) + 1);
  }
  for (const [id, max] of Object.entries(VOLUNTEERS)) expect(tasks.get(id) ?? 0).toBeLessThanOrEqual(max);
}
