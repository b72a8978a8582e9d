import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { peakLoad, type StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { OCCUPYING_STATUSES } from "./booking-models";
import { desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";

const RESIDENTS = ["wang", "li", "zhang", "zhao", "chen"];
const BASE = Date.parse("2026-07-06T00:00:00Z"); // 08:00 in Shanghai
const EXPECTED_ERRORS = new Set([
  "INVALID_TRANSITION",
  "CHECK_IN_CLOSED",
  "BOOKING_NOT_FOUND",
  "ACCESS_DENIED",
]);

type Command =
  | {
      kind: "book";
      who: number;
      onBehalf: boolean;
      resource: "courtyard-hall" | "dryer-1";
      slot: number;
      length: number;
      quantity: number;
    }
  | { kind: "cancel"; pick: number }
  | { kind: "checkIn"; pick: number }
  | { kind: "tick"; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("book" as const),
      who: fc.nat(RESIDENTS.length - 1),
      onBehalf: fc.boolean(),
      resource: fc.constantFrom("courtyard-hall" as const, "dryer-1" as const),
      slot: fc.nat(16),
      length: fc.integer({ min: 1, max: 6 }),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("checkIn" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("tick" as const), minutes: fc.integer({ min: 5, max: 90 }) }),
  },
);

function hallConfig() {
  const config = wangjialongConfig();
  const hall = {
    id: "courtyard-hall",
    kind: "space",
    name: { "zh-CN": "庭院活动厅", en: "Courtyard hall" },
    capacity: 2,
  } as const;
  return { ...config, resources: [...(config.resources ?? []), hall] };
}

/**
 * One fixed sequence that runs before the random ones, so that every path (confirmed,
 * refused, cancelled, checked in) is exercised in every run of the suite, not only by luck.
 */
const everyPath: Command[][] = [
  [
    { kind: "book", who: 0, onBehalf: false, resource: "dryer-1", slot: 0, length: 1, quantity: 1 },
    { kind: "book", who: 1, onBehalf: true, resource: "courtyard-hall", slot: 2, length: 2, quantity: 2 },
  ],
  [{ kind: "book", who: 2, onBehalf: false, resource: "courtyard-hall", slot: 2, length: 1, quantity: 1 }],
  [{ kind: "checkIn", pick: 0 }],
  [{ kind: "cancel", pick: 1 }],
];

const dir = mkdtempSync(join(tmpdir(), "linli-booking-prop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let dbs = 0;
const adapters: Array<[string, () => StorageAdapter, number]> = [
  ["memory", () => memoryStorage(), 40],
  ["sqlite", () => sqliteStorage({ filename: join(dir, `prop-${++dbs}.db`) }), 12],
];

describe.each(adapters)(
  "capacity under random concurrent book / cancel / check-in sequences on %s",
  (_name, storage, numRuns) => {
    test("confirmed bookings never exceed capacity at any instant; every refusal lists a violation", async () => {
      // Counted over all runs, to show that every path was exercised.
      const seen = { confirmed: 0, refused: 0, cancelled: 0, checkedIn: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(command, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
          async (rounds) => {
            const { community, clock } = await wangjialong({
              config: hallConfig(),
              storage: storage(),
              start: new Date(BASE).toISOString(),
            });
            const ids: string[] = [];
            for (const round of rounds) {
              // Each round's commands run concurrently, as callers at the desk and on WeChat would.
              await Promise.all(
                round.map(async (c) => {
                  if (c.kind === "tick") return clock.advance(c.minutes * 60_000);
                  if (c.kind === "book") {
                    const residentId = RESIDENTS[c.who]!;
                    const start = new Date(BASE + c.slot * 30 * 60_000);
                    const outcome = await community.booking.book({
                      actor: c.onBehalf ? desk : resident(residentId),
                      ...(c.onBehalf ? { forResident: residentId } : {}),
                      resourceId: c.resource,
                      start,
                      end: new Date(start.getTime() + c.length * 30 * 60_000),
                      quantity: c.resource === "dryer-1" ? 1 : c.quantity,
                    });
                    if (outcome.ok) {
                      ids.push(outcome.booking.id);
                      seen.confirmed++;
                    } else {
                      expect(outcome.violations.length).toBeGreaterThanOrEqual(1);
                      seen.refused++;
                    }
                    return;
                  }
                  if (ids.length === 0) return;
                  const bookingId = ids[c.pick % ids.length]!;
                  try {
                    if (c.kind === "cancel") {
                      await community.booking.cancel({ actor: desk, bookingId });
                      seen.cancelled++;
                    } else {
                      await community.booking.checkIn({ actor: desk, bookingId });
                      seen.checkedIn++;
                    }
                  } catch (error) {
                    expect(EXPECTED_ERRORS.has((error as { code?: string }).code ?? "")).toBe(true);
                  }
                }),
              );
            }
            const all = await community.booking.list({ actor: desk });
            for (const [resourceId, capacity] of [
              ["courtyard-hall", 2],
              ["dryer-1", 1],
            ] as const) {
              const held = all.filter(
                (b) => b.resourceId === resourceId && OCCUPYING_STATUSES.includes(b.status),
              );
              const loads = held.map((b) => ({
                start: b.start.getTime(),
                end: b.end.getTime(),
                quantity: b.quantity,
              }));
              expect(peakLoad(loads, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBeLessThanOrEqual(
                capacity,
              );
            }
            await community.close();
          },
        ),
        { numRuns, examples: [[everyPath]] },
      );
      for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
    });
  },
);
