import type { ModelDef, StorageAdapter } from "@linli/core";
import fc from "fast-check";

/**
 * Hostile inputs for the fuzz suite: what an attacker or a careless caller can pass to a
 * command (wrong types, huge strings, control characters, deep objects, 40k-item arrays,
 * Proxies and throwing getters, prototype-pollution keys, dates out of range).
 */

/** Runs per property: `LINLI_FUZZ_RUNS` when set (for a long run), else a small fixed number. */
export const FUZZ_RUNS = Number(process.env.LINLI_FUZZ_RUNS ?? 30);
/** The fixed seed: a failure replays the same way everywhere. */
export const FUZZ_SEED = 20_261_130;

const HUGE = "長".repeat(200_000);
const BIG_ARRAY = Array.from({ length: 40_000 }, (_, i) => `x${i}`);
const BIG_ENUM_ARRAY = Array.from({ length: 32_766 }, () => "confirmed");

function deep(depth: number): unknown {
  let value: unknown = { leaf: 1 };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** An object whose every property read throws. */
function throwingProxy(): unknown {
  return new Proxy(
    {},
    {
      get() {
        throw new Error("boom from a Proxy get");
      },
      ownKeys() {
        throw new Error("boom from a Proxy ownKeys");
      },
      getOwnPropertyDescriptor() {
        throw new Error("boom from a Proxy descriptor");
      },
      has() {
        throw new Error("boom from a Proxy has");
      },
    },
  );
}

function throwingGetter(key: string): Record<string, unknown> {
  return Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new RangeError("boom from a getter");
    },
  });
}

const throwingToString = {
  toString() {
    throw new TypeError("boom from toString");
  },
  valueOf() {
    throw new TypeError("boom from valueOf");
  },
};

/** Single hostile values (each a thunk: Proxies and getters are made fresh). */
const hostileValues: readonly (() => unknown)[] = [
  () => undefined,
  () => null,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => -0,
  () => 2 ** 53,
  () => -1e308,
  () => 10n,
  () => Symbol("s"),
  () => () => 1,
  () => "",
  () => " ",
  () => "\u0000",
  () => "a\u0000b\u001f\u007f\u0085",
  () => "\ud800",
  () => HUGE,
  () => BIG_ARRAY,
  () => BIG_ENUM_ARRAY,
  () => deep(5_000),
  () => deep(50),
  () => throwingProxy(),
  () => throwingGetter("id"),
  () => throwingToString,
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  () => new Date(Number.NaN),
  () => new Date(8.64e15),
  () => new Date(-8.64e15),
  () => "275760-09-13T00:00:00.000Z",
  () => "-271821-04-20T00:00:00.000Z",
  () => "2026-13-45T25:61:00Z",
  () => new Map([["a", 1]]),
  () => [null, undefined, {}],
  () => ({ kind: "staff", id: HUGE }),
  () => Object.create(null),
];

/** A value made when called: fast-check never holds (and so never inspects) a Proxy or a throwing getter. */
export type Make = () => unknown;

const made =
  (value: unknown): Make =>
  () =>
    value;

/** An arbitrary hostile value, or a plausible one from `plausible`. */
export function hostileValue(plausible: readonly unknown[]): fc.Arbitrary<Make> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileValues) },
    { weight: 2, arbitrary: fc.constantFrom(...plausible.map(made)) },
    {
      weight: 1,
      arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true }).map(made),
    },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 50 }).map(made) },
    { weight: 1, arbitrary: fc.integer().map(made) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map(made) },
  );
}

/**
 * Field names of the commands' inputs, with plausible values (the fuzzer mixes them with
 * hostile ones, so that inputs get past the first checks).
 */
export const FIELDS: Readonly<Record<string, readonly unknown[]>> = {
  id: ["r-new", "li"],
  name: ["王"],
  residentId: ["li"],
  delegateId: ["wang"],
  delegationId: ["delegation-000001"],
  groupId: ["hardship", "student"],
  evidenceRef: ["doc-1"],
  validFrom: [new Date("2026-01-01T00:00:00Z")],
  validUntil: [null, "2027-01-01T00:00:00Z"],
  at: ["2026-06-02T02:00:00Z"],
  bookingId: ["booking-000001", "booking-000002"],
  resourceId: ["drying-room", "gym", "study-room"],
  resourceGroupId: ["rooms"],
  zoneId: ["cardio"],
  start: ["2026-06-02T02:00:00Z", new Date("2026-06-03T03:00:00Z")],
  end: ["2026-06-02T03:00:00Z", new Date("2026-06-03T04:00:00Z")],
  newStart: ["2026-06-04T02:00:00Z"],
  newEnd: ["2026-06-04T03:00:00Z"],
  quantity: [1, 2],
  note: ["hi"],
  reason: ["because"],
  rrule: ["FREQ=WEEKLY;COUNT=3", "FREQ=DAILY;INTERVAL=1"],
  exceptions: [["2026-06-09"]],
  policy: ["skip-and-report"],
  channel: ["desk", "phone"],
  statuses: [["confirmed"]],
  types: [["BookingConfirmed"]],
  eventIds: [["event-000001"]],
  afterSeq: [0, 3],
  pendingOnly: [true],
  limit: [1, 2, 1000],
  after: ["WyJ4IiwieSJd", "not-a-cursor"],
  locale: ["zh-CN", "en"],
  durationMinutes: [60],
  leadMinutes: [60],
  entryId: ["waitlist-000001"],
  planId: ["gym-30-days"],
  membershipId: ["membership-000001"],
  startsAt: ["2026-06-05T00:00:00Z"],
  usageId: ["usage-000001"],
  amount: [100, { amount: 100, currency: "CNY" }],
  method: ["cash", "wechat-pay"],
  reference: ["wx-1"],
  relatesTo: ["pricing_ledger_entry-000001"],
  voucherId: ["welcome"],
  waiverReason: ["hardship"],
  householdId: ["household-000001"],
  placeId: ["building-1"],
  phone: ["13800000000"],
  birthYear: [1950],
  forResident: ["li", "wang", "nobody"],
  idempotencyKey: ["k1", "k2"],
};

/** An input object: some known fields, each plausible or hostile, sometimes an unknown key. */
export function hostileInput(): fc.Arbitrary<Make> {
  const names = Object.keys(FIELDS);
  const object = fc.uniqueArray(fc.constantFrom(...names), { minLength: 0, maxLength: 6 }).chain((keys) =>
    fc.tuple(...keys.map((k) => hostileValue(FIELDS[k] ?? []))).map(
      (values): Make =>
        () => {
          const out: Record<string, unknown> = {};
          keys.forEach((k, i) => {
            out[k] = values[i]?.();
          });
          return out;
        },
    ),
  );
  return fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 1, arbitrary: hostileValue([{}]) },
    { weight: 1, arbitrary: fc.constant<Make>(throwingProxy) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("resourceId", "start", "limit").map(
        (k): Make =>
          () =>
            throwingGetter(k),
      ),
    },
  );
}

/** The actors of every kind, registered or not, and broken actor values. */
export function hostileActor(): fc.Arbitrary<Make> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom<unknown>(
          { kind: "resident", id: "li" },
          { kind: "resident", id: "wang" },
          { kind: "resident", id: "no-such-resident" },
          { kind: "staff", id: "desk-1" },
          { kind: "admin", id: "admin-1" },
          { kind: "system", id: "scheduler" },
          { kind: "volunteer", id: "vol-1" },
        )
        .map(made),
    },
    { weight: 1, arbitrary: hostileValue([{ kind: "staff", id: "desk-1" }]) },
  );
}

/** A command of a community: its dotted name and the function. */
export interface CommandEntry {
  readonly name: string;
  readonly fn: (input: unknown) => Promise<unknown>;
}

const NOT_COMMANDS = new Set(["as", "for", "close", "config", "id"]);

/** Every command and query reachable on a community object (its kernel and plugin APIs). */
export function commandsOf(api: object, path: string[] = []): CommandEntry[] {
  const out: CommandEntry[] = [];
  for (const [key, value] of Object.entries(api)) {
    if (path.length === 0 && NOT_COMMANDS.has(key)) continue;
    if (typeof value === "function") {
      out.push({ name: [...path, key].join("."), fn: value as CommandEntry["fn"] });
    } else if (typeof value === "object" && value !== null) {
      out.push(...commandsOf(value, [...path, key]));
    }
  }
  return out;
}

/**
 * A storage adapter that can dump every stored row of every model (read straight from the
 * adapter), to compare the state before and after a refused command.
 */
export function snapshotting(inner: StorageAdapter): {
  storage: StorageAdapter;
  snapshot(): Promise<string>;
} {
  let models: readonly ModelDef[] = [];
  // A Proxy, not a spread: an adapter may keep its methods on a prototype.
  const storage = new Proxy(inner, {
    get(target, key) {
      if (key === "setup") {
        return (given: readonly ModelDef[]) => {
          models = given;
          return target.setup(given);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const snapshot = async () => {
    const tables = await inner.transaction(async (tx) => {
      const out: Record<string, unknown> = {};
      for (const model of models)
        out[model.name] = await tx.findMany(model.name, { orderBy: [{ field: "id" }] });
      return out;
    });
    return JSON.stringify(tables);
  };
  return { storage, snapshot };
}

const slot = { resourceId: "drying-room", start: "2026-06-03T03:00:00Z", end: "2026-06-03T03:30:00Z" };
const window = { start: "2026-06-01T00:00:00Z", end: "2026-06-08T00:00:00Z" };

/**
 * A valid input of each command (besides `actor`), for the fuzzer to break one or two
 * fields at a time, so that hostile values reach the commands' own logic and the storage.
 * Commands without a template are fuzzed from {@link FIELDS} alone.
 */
export const TEMPLATES: Readonly<Record<string, Record<string, unknown>>> = {
  "residents.register": { id: "r-new", name: "新居民", phone: "13800000000", birthYear: 1950 },
  "residents.get": { forResident: "li" },
  "residents.list": { limit: 2 },
  "households.create": { name: "一户" },
  "delegations.grant": { forResident: "li", delegateId: "wang" },
  "delegations.revoke": { delegationId: "core_delegation-000001" },
  "eligibility.grant": { forResident: "li", groupId: "student", evidenceRef: "doc" },
  "eligibility.revoke": { grantId: "core_eligibility_grant-000001" },
  "eligibility.groupsOf": { forResident: "wang", at: "2026-06-01T00:00:00Z" },
  "eligibility.grantsOf": { forResident: "wang", limit: 1 },
  "events.list": { afterSeq: 0, types: ["BookingConfirmed"], limit: 5 },
  "events.ack": { eventIds: ["core_event-000001"] },
  "members.add": { id: "desk-2", kind: "staff", roles: ["desk"], name: "新柜台" },
  "members.deactivate": { id: "desk-2", reason: "left" },
  "members.setRoles": { id: "desk-2", roles: ["desk"], reason: "moved" },
  "members.get": { id: "desk-1" },
  "audit.list": { afterSeq: 0, limit: 5, residentId: "li", action: "fee.waived" },
  "privacy.export": { forResident: "li" },
  "privacy.erase": { forResident: "li", reason: "asked" },
  "booking.book": { ...slot, forResident: "li", note: "hi", channel: "desk" },
  "booking.cancel": { bookingId: "booking_booking-000001", reason: "ill" },
  "booking.reschedule": { bookingId: "booking_booking-000002", start: slot.start, end: slot.end },
  "booking.approve": { bookingId: "booking_booking-000001" },
  "booking.reject": { bookingId: "booking_booking-000001", reason: "no" },
  "booking.checkIn": { bookingId: "booking_booking-000001" },
  "booking.complete": { bookingId: "booking_booking-000001" },
  "booking.markNoShow": { bookingId: "booking_booking-000001" },
  "booking.sweep": { limit: 10 },
  "booking.dueReminders": { leadMinutes: 60, limit: 10 },
  "booking.waitlist.join": { ...slot, forResident: "wang" },
  "booking.waitlist.accept": { entryId: "booking_waitlist_entry-000001" },
  "booking.waitlist.withdraw": { entryId: "booking_waitlist_entry-000001" },
  "booking.bookSeries": {
    resourceId: "drying-room",
    forResident: "li",
    rrule: "FREQ=WEEKLY;COUNT=3",
    start: "2026-06-10T03:00:00Z",
    end: "2026-06-10T03:30:00Z",
    exceptions: ["2026-06-17"],
    policy: "skip-and-report",
  },
  "booking.get": { bookingId: "booking_booking-000001" },
  "booking.list": { ...window, statuses: ["confirmed"], limit: 1 },
  "booking.availability": { resourceId: "drying-room", ...window, durationMinutes: 30 },
  "booking.check": { ...slot, forResident: "li" },
  "booking.residentCalendar": { forResident: "li", ...window, locale: "en" },
  "booking.resourceCalendar": { resourceId: "drying-room", ...window, locale: "zh-CN" },
  "pricing.quote": { forResident: "li", resourceId: "drying-room", start: "2026-06-03T03:00:00Z" },
  "pricing.charge": { forResident: "li", resourceId: "drying-room" },
  "pricing.reverse": { usageId: "pricing_usage-000001" },
  "pricing.returnDeposit": { usageId: "pricing_usage-000001", amount: 10 },
  "pricing.quoteForBooking": { bookingId: "booking_booking-000001" },
  "pricing.hasValidMembership": { forResident: "li", resourceId: "gym" },
  "pricing.memberships.purchase": {
    forResident: "li",
    planId: "gym-30-days",
    startsAt: "2026-07-05T00:00:00Z",
  },
  "pricing.memberships.renew": { membershipId: "pricing_membership-000001" },
  "pricing.memberships.cancel": { membershipId: "pricing_membership-000001" },
  "pricing.memberships.list": { forResident: "li", limit: 1 },
  "pricing.ledger.recordPayment": {
    forResident: "li",
    amount: { amount: 100, currency: "CNY" },
    method: "cash",
    reference: "r-1",
  },
  "pricing.ledger.recordPayout": {
    forResident: "wang",
    amount: { amount: 1, currency: "CNY" },
    method: "cash",
  },
  "pricing.ledger.waive": { forResident: "li", amount: 1, reason: "hardship" },
  "pricing.ledger.correct": {
    forResident: "li",
    relatesTo: "pricing_ledger_entry-000001",
    amount: -1,
    reason: "typo",
  },
  "pricing.ledger.entries": { forResident: "li", limit: 2 },
  "pricing.ledger.balance": { forResident: "li" },
};

/** A template with one to three fields replaced, removed or added as hostile values. */
export function brokenTemplate(template: Record<string, unknown>): fc.Arbitrary<Make> {
  const own = Object.keys(template);
  const key =
    own.length === 0
      ? fc.constantFrom(...Object.keys(FIELDS))
      : fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...own) },
          { weight: 1, arbitrary: fc.constantFrom(...Object.keys(FIELDS)) },
        );
  const change = fc.tuple(key, hostileValue(["__drop__", null, "", 0]));
  // Every instant of the template moved together (durations kept): to the ends of `Date`,
  // to the edges of what commands accept, or into the past.
  const base = Date.parse("2026-06-01T00:00:00Z");
  const shift = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        8.64e15 - 1e9 - base, // some days before the end of `Date`
        -8.64e15 + 1e9 - base, // some days after the start of `Date`
        Date.parse("2499-12-30T00:00:00Z") - base,
        Date.parse("1900-01-01T00:00:00Z") - base,
        -86_400_000 * 400,
      ),
    },
  );
  return fc
    .tuple(
      fc.constantFrom(0, 0, 1, 1, 1, 2).chain((n) => fc.array(change, { minLength: n, maxLength: n })),
      shift,
    )
    .map(
      ([changes, by]): Make =>
        () => {
          const out: Record<string, unknown> = { ...template };
          for (const [k, v] of Object.entries(out)) {
            if (by !== null && typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
              out[k] = new Date(Date.parse(v) + by);
            }
          }
          for (const [k, value] of changes) {
            const v = value();
            if (v === "__drop__") delete out[k];
            else out[k] = v;
          }
          return out;
        },
    );
}
