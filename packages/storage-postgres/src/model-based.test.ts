import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bookingPlugin } from "@linli/booking";
import {
  type AdapterTransaction,
  createCommunity,
  manualClock,
  peakLoad,
  sequentialIds,
  type StorageAdapter,
} from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { volunteersPlugin } from "@linli/volunteers";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { wangjialongWithGym } from "../../pricing/test/fixtures";
import {
  applyPluginStep,
  checkPluginInvariants,
  type PluginStep,
  pluginSections,
  pluginState,
  pluginSteps,
  setUpPlugins,
} from "../test/model-plugins";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

// Model-based tests: random sequences of commands across booking, pricing, lending and
// volunteers run on three communities at once, memory (the reference), SQLite and PostgreSQL,
// with the same clock and ids. After every step the three must agree on every answer and on
// the whole visible state, and the invariants must hold: capacity at every instant, ledger
// balance = sum of entries, one event per change, one loan per unit and a unit in one state
// only, no volunteer over their weekly tasks and nobody matched to their own request.

const pg = usePgServer();
const dir = mkdtempSync(join(tmpdir(), "linli-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RESIDENTS = ["wang", "li", "zhang", "zhao"] as const;
const GROUPS = ["hardship", "elderly-no-family", "student"] as const;
const RESOURCES = { "drying-room": 4, "study-room": 1 } as const;
const BASE = Date.parse("2026-06-02T00:00:00Z"); // 08:00 in Shanghai
const desk = { kind: "staff", id: "desk-1" } as const;
/** Statuses that hold capacity (booking's own list). */
const OCCUPYING = ["offered", "pending-approval", "confirmed", "checked-in", "completed"];

type Community = Awaited<ReturnType<typeof open>>;

async function open(storage: StorageAdapter) {
  const clock = manualClock(new Date(BASE).toISOString());
  const base = wangjialongWithGym();
  const community = await createCommunity({
    config: {
      ...base,
      // The account volunteers quotes help requests as, through pricing.
      members: [...(base.members ?? []), { id: "volunteers", kind: "system" }],
      ...pluginSections(),
    },
    storage,
    plugins: [bookingPlugin(), pricingPlugin(), lendingPlugin(), volunteersPlugin()],
    clock,
    ids: sequentialIds(),
  });
  for (const id of RESIDENTS) await community.residents.register({ actor: desk, id, name: id });
  const units = await setUpPlugins(community);
  return Object.assign(community, { clock, units });
}

/** One step, applied to every community in turn. */
type Step =
  | {
      kind: "book";
      who: number;
      self: boolean;
      resource: keyof typeof RESOURCES;
      slot: number;
      length: number;
      quantity: number;
    }
  | { kind: "cancel"; pick: number; self: boolean }
  | { kind: "reschedule"; pick: number; slot: number }
  | { kind: "checkIn"; pick: number }
  | { kind: "grant"; who: number; group: number }
  | { kind: "tick"; minutes: number }
  | PluginStep;

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("book" as const),
      who: fc.nat(RESIDENTS.length - 1),
      self: fc.boolean(),
      resource: fc.constantFrom(...(Object.keys(RESOURCES) as (keyof typeof RESOURCES)[])),
      slot: fc.nat(20),
      length: fc.integer({ min: 1, max: 4 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(), self: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("reschedule" as const), pick: fc.nat(), slot: fc.nat(20) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("checkIn" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("grant" as const),
      who: fc.nat(RESIDENTS.length - 1),
      group: fc.nat(GROUPS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("tick" as const), minutes: fc.integer({ min: 10, max: 240 }) }),
  },
  ...pluginSteps,
);

const slotStart = (slot: number) => new Date(BASE + 2 * 3_600_000 + slot * 30 * 60_000);

/** What a step answered: a value or an error code, comparable across adapters. */
async function answer(run: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await run();
    return { ok: JSON.parse(JSON.stringify(value ?? null)) };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

async function apply(c: Community, s: Step, bookingIds: readonly string[]): Promise<unknown> {
  const pick = (n: number) => bookingIds[n % bookingIds.length];
  switch (s.kind) {
    case "tick":
      c.clock.advance(s.minutes * 60_000);
      return null;
    case "grant":
      return answer(() =>
        c.eligibility.grant({ actor: desk, forResident: RESIDENTS[s.who]!, groupId: GROUPS[s.group]! }),
      );
    case "book": {
      const residentId = RESIDENTS[s.who]!;
      const start = slotStart(s.slot);
      return answer(() =>
        c.booking.book({
          actor: s.self ? { kind: "resident", id: residentId } : desk,
          ...(s.self ? {} : { forResident: residentId }),
          resourceId: s.resource,
          start,
          end: new Date(start.getTime() + s.length * 30 * 60_000),
          quantity: s.resource === "drying-room" ? s.quantity : 1,
        }),
      );
    }
    case "cancel": {
      const bookingId = pick(s.pick);
      if (!bookingId) return null;
      const owner = (await c.booking.get({ actor: desk, bookingId })).residentId ?? "wang";
      return answer(() =>
        c.booking.cancel({ actor: s.self ? { kind: "resident", id: owner } : desk, bookingId }),
      );
    }
    case "reschedule": {
      const bookingId = pick(s.pick);
      if (!bookingId) return null;
      const old = await c.booking.get({ actor: desk, bookingId });
      const start = slotStart(s.slot);
      return answer(() =>
        c.booking.reschedule({
          actor: desk,
          bookingId,
          start,
          end: new Date(start.getTime() + (old.end.getTime() - old.start.getTime())),
        }),
      );
    }
    case "checkIn": {
      const bookingId = pick(s.pick);
      if (!bookingId) return null;
      return answer(() => c.booking.checkIn({ actor: desk, bookingId }));
    }
    default:
      return applyPluginStep(c, s, slotStart, answer);
  }
}

/** Everything a community shows about its state, in a form comparable across adapters. */
async function state(c: Community) {
  const bookings = await c.booking.list({ actor: desk, limit: 1000 });
  const ledgers: Record<string, unknown> = {};
  for (const id of RESIDENTS) {
    const entries = await c.pricing.ledger.entries({ actor: desk, forResident: id });
    const { balance } = await c.pricing.ledger.balance({ actor: desk, forResident: id });
    // Invariant: the balance is the sum of the entries.
    expect(balance).toBe(entries.reduce((sum, e) => sum + e.amount, 0));
    ledgers[id] = { balance, entries: entries.map((e) => [e.kind, e.amount, e.bookingId, e.code]) };
  }
  const events = await c.events.list({ actor: desk, limit: 1000 });
  return JSON.parse(
    JSON.stringify({
      bookings: bookings.map((b) => [
        b.id,
        b.resourceId,
        b.residentId,
        b.status,
        b.start,
        b.end,
        b.quantity,
        b.refundable,
      ]),
      ledgers,
      events: events.map((e) => [e.type, e.payload]),
      plugins: await pluginState(c, c.units),
    }),
  ) as { bookings: unknown[][]; ledgers: unknown; events: unknown[][]; plugins: unknown };
}

/** Capacity holds at every instant on the reference's state. */
function checkCapacity(bookings: unknown[][]): void {
  for (const [resourceId, capacity] of Object.entries(RESOURCES)) {
    const loads = bookings
      .filter((b) => b[1] === resourceId && OCCUPYING.includes(String(b[3])))
      .map((b) => ({
        start: Date.parse(String(b[4])),
        end: Date.parse(String(b[5])),
        quantity: Number(b[6]),
      }));
    expect(peakLoad(loads, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBeLessThanOrEqual(capacity);
  }
}

let dbs = 0;
const adapters = (): [string, () => StorageAdapter][] => [
  ["sqlite", () => sqliteStorage({ filename: join(dir, `model-${++dbs}.db`) })],
  [
    "postgres",
    () => postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("model"), max: 4 }),
  ],
];

/** How many steps of each kind succeeded on the reference: the sequences must reach every plugin. */
const succeeded = new Map<string, number>();

/** Whether a step's answer is a success (not an error, not a refusal value). */
function isSuccess(answered: unknown): boolean {
  const value = (answered as { ok?: unknown } | null)?.ok;
  if (value === undefined || value === null) return false;
  return (value as { ok?: boolean }).ok !== false;
}

/** SQLite with a bug: its updates drop `field` from the patch. */
function droppingFromUpdates(field: string): () => StorageAdapter {
  return () => {
    const inner = sqliteStorage({ filename: join(dir, `buggy-${++dbs}.db`) });
    const wrap = (tx: AdapterTransaction): AdapterTransaction => ({
      ...tx,
      create: tx.create.bind(tx),
      findOne: tx.findOne.bind(tx),
      findMany: tx.findMany.bind(tx),
      delete: tx.delete.bind(tx),
      count: tx.count.bind(tx),
      lock: tx.lock.bind(tx),
      update: (model, where, patch) => {
        const { [field]: _dropped, ...rest } = patch;
        return tx.update(model, where, rest);
      },
    });
    return {
      id: inner.id,
      capabilities: inner.capabilities,
      setup: (models) => inner.setup(models),
      transaction: (fn, options) => inner.transaction((tx) => fn(wrap(tx)), options),
      close: () => inner.close(),
    };
  };
}

/** Runs a sequence on the reference and on each adapter; throws at the first disagreement. */
async function runSequence(steps: readonly Step[], others: readonly [string, () => StorageAdapter][]) {
  const reference = await open(memoryStorage());
  const rest = await Promise.all(others.map(async ([name, make]) => [name, await open(make())] as const));
  try {
    const ids: string[] = [];
    for (const s of steps) {
      const expected = await apply(reference, s, ids);
      if (isSuccess(expected)) succeeded.set(s.kind, (succeeded.get(s.kind) ?? 0) + 1);
      for (const [name, c] of rest) expect({ [name]: await apply(c, s, ids) }).toEqual({ [name]: expected });
      const made = (expected as { ok?: { ok?: boolean; booking?: { id: string } } } | null)?.ok;
      if (made?.ok && made.booking) ids.push(made.booking.id);
      const want = await state(reference);
      checkCapacity(want.bookings);
      checkPluginInvariants(want.plugins);
      for (const [name, c] of rest) expect({ [name]: await state(c) }).toEqual({ [name]: want });
    }
  } finally {
    await reference.close();
    for (const [, c] of rest) await c.close();
  }
}

describe("model-based: booking, pricing, lending and volunteers on memory, SQLite and PostgreSQL agree after every step", () => {
  test("random sequences (fixed seed): same answers, same state, invariants hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 12, maxLength: 24 }), (steps) =>
        runSequence(steps, adapters()),
      ),
      { seed: 20261130, numRuns: Number(process.env.LINLI_MODEL_RUNS ?? 10), endOnFailure: true },
    );
    // Not vacuous: every plugin's state-changing steps succeeded somewhere in the sequences.
    const kinds = ["book", "cancel", "lend", "giveBack", "hold", "request", "match", "respond", "complete"];
    expect(Object.fromEntries(kinds.map((k) => [k, (succeeded.get(k) ?? 0) > 0]))).toEqual(
      Object.fromEntries(kinds.map((k) => [k, true])),
    );
  }, 180_000);

  test.each([
    ["refundable", "booking: a rescheduled booking keeps no refund flag"],
    ["returnedAt", "lending: a returned loan stays open"],
    ["volunteerId", "volunteers: a matched request names no volunteer"],
  ])(
    "a bug put into one adapter is caught: SQLite that drops `%s` from updates (%s)",
    async (field) => {
      const outcome = await fc.check(
        fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24 }), (steps) =>
          runSequence(steps, [["buggy-sqlite", droppingFromUpdates(field)]]),
        ),
        { seed: 20261130, numRuns: 40, endOnFailure: true },
      );
      expect(outcome.failed).toBe(true);
      expect(String(outcome.errorInstance)).toContain("buggy-sqlite");
    },
    180_000,
  );

  test("the lending and volunteers invariants can fail", () => {
    const ok = {
      items: [{ id: "u1", code: "D-1", status: "on-loan", openLoans: 1 }],
      lending: [{ residentId: "wang", loans: [["l1", "u1", null, 0]], holds: [] }],
      requests: [["r1", "wang", "offered", "zhang", null]],
    };
    expect(() => checkPluginInvariants(ok)).not.toThrow();
    const twice = { ...ok, items: [{ ...ok.items[0], openLoans: 2 }] };
    const twoStates = {
      ...ok,
      lending: [
        { residentId: "li", loans: [["l1", "u1", null, 0]], holds: [["h1", "drill", "ready", "u1"]] },
      ],
    };
    const selfMatch = { ...ok, requests: [["r1", "zhang", "offered", "zhang", null]] };
    const overCapacity = {
      ...ok,
      requests: [
        ["r1", "wang", "offered", "zhang", null],
        ["r2", "li", "done", "zhang", null],
      ],
    };
    for (const broken of [twice, twoStates, selfMatch, overCapacity])
      expect(() => checkPluginInvariants(broken)).toThrow();
  });
});
