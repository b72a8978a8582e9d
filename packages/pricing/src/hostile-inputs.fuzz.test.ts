import { types } from "node:util";
import { bookingPlugin } from "@linli/booking";
import { LinliError, type StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongWithGym } from "../test/fixtures";
import {
  type CommandEntry,
  commandsOf,
  FUZZ_RUNS,
  FUZZ_SEED,
  hostileActor,
  hostileInput,
  brokenTemplate,
  TEMPLATES,
  snapshotting,
} from "../test/hostile-inputs";
import { pricingPlugin } from "./pricing-plugin";

/** Generous: the machine may be shared; runs grow with `LINLI_FUZZ_RUNS`. */
const FUZZ_TIMEOUT_MS = 120_000 + FUZZ_RUNS * 5_000;

/** The largest error (message, or its JSON for a client) a hostile input may produce. */
const MAX_ERROR_CHARS = 4096;

/** A community with a little of everything: residents, a delegation, bookings, a membership, charges. */
async function seeded(inner: StorageAdapter) {
  const { storage, snapshot } = snapshotting(inner);
  const { community, clock } = await testCommunity({
    config: wangjialongWithGym(),
    plugins: [bookingPlugin(), pricingPlugin()],
    storage,
    start: "2026-06-01T02:00:00Z",
  });
  await resident(community, "li");
  await resident(community, "wang", ["hardship"]);
  await community.delegations.grant({ actor: desk, forResident: "wang", delegateId: "li" });
  for (const [who, hour] of [
    ["li", "03"],
    ["wang", "04"],
  ] as const) {
    await community.booking.book({
      actor: desk,
      forResident: who,
      resourceId: "drying-room",
      start: `2026-06-02T${hour}:00:00Z`,
      end: `2026-06-02T${hour}:30:00Z`,
    });
  }
  await community.pricing.memberships.purchase({ actor: desk, forResident: "li", planId: "gym-30-days" });
  await community.pricing.charge({ actor: desk, forResident: "wang", resourceId: "drying-room" });
  return { community, clock, snapshot };
}

/** Hostile inputs of a command: its template broken a little, mostly; sometimes anything. */
function inputsOf(name: string) {
  const template = TEMPLATES[name];
  if (!template) return hostileInput();
  return fc.oneof(
    { weight: 4, arbitrary: brokenTemplate(template) },
    { weight: 1, arbitrary: hostileInput() },
  );
}

/** Puts `actor` on an input object without reading it (it may have throwing getters). */
function withActor(input: unknown, actor: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input) || types.isProxy(input))
    return input;
  return Object.defineProperty(input, "actor", { value: actor, enumerable: true, configurable: true });
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message.slice(0, 300)}`;
  return `non-error ${typeof error}`;
}

const adapters: [string, () => StorageAdapter][] = [
  ["memory", () => memoryStorage()],
  ["sqlite", () => sqliteStorage({ filename: ":memory:" })],
];

describe.each(adapters)(
  "hostile inputs on %s: only LinliErrors, nothing written, small errors",
  (_, make) => {
    let fixture: Awaited<ReturnType<typeof seeded>>;
    let commands: CommandEntry[] = [];
    beforeAll(async () => {
      fixture = await seeded(make());
      commands = commandsOf(fixture.community);
    });
    afterAll(() => fixture.community.close());

    test("every command of core, booking and pricing is fuzzed", () => {
      const names = commands.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(["residents.register", "booking.book", "pricing.charge"]));
      expect(names.length).toBeGreaterThan(40);
      expect(names.filter((n) => !TEMPLATES[n])).toEqual([]);
    });

    test(
      "hostile inputs from every kind of actor",
      async () => {
        const escapes: string[] = [];
        for (const command of commands) {
          await fc.assert(
            fc.asyncProperty(
              hostileActor(),
              inputsOf(command.name),
              fc.constantFrom(true, true, true, true, true, false),
              async (actor, input, bindActor) => {
                const before = await fixture.snapshot();
                let error: unknown;
                try {
                  const value = input();
                  await command.fn(bindActor ? withActor(value, actor()) : value);
                } catch (caught) {
                  error = caught;
                }
                expect(Object.prototype).not.toHaveProperty("polluted");
                if (error === undefined) return;
                if (!(error instanceof LinliError)) {
                  escapes.push(`${command.name}: ${describeError(error)}`);
                  return;
                }
                expect(error.message.length, `${command.name} ${error.code}`).toBeLessThanOrEqual(
                  MAX_ERROR_CHARS,
                );
                expect(
                  JSON.stringify(error.toJSON()).length,
                  `${command.name} ${error.code}`,
                ).toBeLessThanOrEqual(MAX_ERROR_CHARS);
                expect(await fixture.snapshot(), `${command.name} wrote before ${error.code}`).toBe(before);
              },
            ),
            { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true },
          );
        }
        expect([...new Set(escapes)]).toEqual([]);
      },
      FUZZ_TIMEOUT_MS,
    );
  },
);
