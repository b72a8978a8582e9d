import { bookingPlugin } from "@linli/booking";
import { LinliError, MAX_PAGE_SIZE, type Page, type StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongWithGym } from "../test/fixtures";
import { pricingPlugin } from "./pricing-plugin";

/** An adapter that counts the rows each model's reads return. */
function counting(inner: StorageAdapter) {
  const rowsRead = new Map<string, number>();
  const storage = new Proxy(inner, {
    get(target, key) {
      if (key === "transaction") {
        return (
          fn: Parameters<StorageAdapter["transaction"]>[0],
          options?: Parameters<StorageAdapter["transaction"]>[1],
        ) =>
          target.transaction(
            (tx) =>
              fn(
                new Proxy(tx, {
                  get(t, k) {
                    const value = Reflect.get(t, k);
                    if (k !== "findMany" || typeof value !== "function") {
                      return typeof value === "function" ? value.bind(t) : value;
                    }
                    return async (model: string, opts: unknown) => {
                      const rows = await value.call(t, model, opts);
                      rowsRead.set(model, (rowsRead.get(model) ?? 0) + rows.length);
                      return rows;
                    };
                  },
                }),
              ),
            options,
          );
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { storage, rowsRead };
}

async function all<T>(read: (after?: string) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  let after: string | undefined;
  do {
    const page = await read(after);
    pages++;
    items.push(...page);
    after = page.next;
  } while (after !== undefined);
  return { items, pages };
}

async function refusal(promise: Promise<unknown>): Promise<LinliError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinliError);
  return error as LinliError;
}

const adapters: [string, () => StorageAdapter][] = [
  ["memory", () => memoryStorage()],
  ["sqlite", () => sqliteStorage({ filename: ":memory:" })],
];

describe.each(adapters)("bounded reads on %s", (_, make) => {
  async function community(storage: StorageAdapter = make()) {
    const made = await testCommunity({
      config: wangjialongWithGym(),
      plugins: [bookingPlugin(), pricingPlugin()],
      storage,
      start: "2026-06-01T02:00:00Z",
    });
    await resident(made.community, "li");
    await resident(made.community, "wang", ["hardship"]);
    return made;
  }

  test("booking.list pages by start then id: every booking once, ties included, in order", async () => {
    const { community: c } = await community();
    // Three at the same start (ties broken by id), then one an hour for four hours.
    const starts = ["03", "03", "03", "04", "05", "06", "07"];
    for (const [i, hour] of starts.entries()) {
      const outcome = await c.booking.book({
        actor: desk,
        forResident: i % 2 ? "li" : "wang",
        resourceId: "drying-room",
        start: `2026-06-02T${hour}:00:00Z`,
        end: `2026-06-02T${hour}:30:00Z`,
      });
      expect(outcome.ok).toBe(true);
    }
    const whole = await c.booking.list({ actor: desk });
    expect(whole.next).toBeUndefined();
    const paged = await all((after) =>
      c.booking.list({ actor: desk, limit: 2, ...(after ? { after } : {}) }),
    );
    expect(paged.pages).toBe(4);
    expect(paged.items.map((b) => b.id)).toEqual(whole.map((b) => b.id));
    expect(new Set(paged.items.map((b) => b.id)).size).toBe(7);
    const first = await c.booking.list({ actor: desk, limit: 3 });
    expect(first.map((b) => b.start.toISOString())).toEqual(Array(3).fill("2026-06-02T03:00:00.000Z"));
    await c.close();
  });

  test("a page is at most MAX_PAGE_SIZE; a forged cursor is VALIDATION_FAILED", async () => {
    const { community: c } = await community();
    expect((await refusal(c.booking.list({ actor: desk, limit: MAX_PAGE_SIZE + 1 }))).code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await refusal(c.booking.list({ actor: desk, after: "not-a-cursor" }))).code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await refusal(c.residents.list({ actor: desk, after: "W1tdXQ" }))).code).toBe(
      "VALIDATION_FAILED",
    );
    expect((await refusal(c.booking.list({ actor: desk, after: "x".repeat(10_000) }))).code).toBe(
      "VALIDATION_FAILED",
    );
    await c.close();
  });

  test("arrays of 32,766 items are refused by the schema, never reach SQL (too many SQL variables)", async () => {
    const { community: c } = await community();
    const many = <T>(value: T) => Array.from({ length: 32_766 }, () => value);
    for (const call of [
      c.booking.list({ actor: desk, statuses: many("confirmed" as const) }),
      c.events.list({ actor: desk, types: many("BookingConfirmed") }),
      c.events.ack({ actor: desk, eventIds: many("core_event-000001") }),
    ]) {
      const error = await refusal(call);
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(JSON.stringify(error.toJSON()).length).toBeLessThan(4096);
    }
    await c.close();
  });

  test("residents, grants, memberships, ledger entries and events page the same way", async () => {
    const { community: c } = await community();
    for (let i = 0; i < 5; i++) await c.residents.register({ actor: desk, id: `r${i}`, name: `r${i}` });
    const residents = await all((after) =>
      c.residents.list({ actor: desk, limit: 2, ...(after ? { after } : {}) }),
    );
    expect(residents.items.map((r) => r.id)).toEqual(["li", "r0", "r1", "r2", "r3", "r4", "wang"]);
    for (const groupId of ["student", "elderly-living-alone"]) {
      await c.eligibility.grant({ actor: desk, forResident: "wang", groupId });
    }
    const grants = await all((after) =>
      c.eligibility.grantsOf({ actor: desk, forResident: "wang", limit: 1, ...(after ? { after } : {}) }),
    );
    expect(grants.items.map((g) => g.groupId)).toEqual(["hardship", "student", "elderly-living-alone"]);
    for (let i = 0; i < 5; i++)
      await c.pricing.charge({ actor: desk, forResident: "li", resourceId: "drying-room" });
    const entries = await all((after) =>
      c.pricing.ledger.entries({ actor: desk, forResident: "li", limit: 2, ...(after ? { after } : {}) }),
    );
    expect(entries.items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    await c.pricing.memberships.purchase({ actor: desk, forResident: "li", planId: "gym-30-days" });
    const memberships = await c.pricing.memberships.list({ actor: desk, forResident: "li", limit: 1 });
    expect(memberships).toHaveLength(1);
    expect(memberships.next).toBeUndefined();
    const events = await all((after) =>
      c.events.list({ actor: desk, limit: 7, ...(after ? { after } : {}) }),
    );
    expect(events.items.map((e) => e.seq)).toEqual(events.items.map((_, i) => i + 1));
    await c.close();
  });

  test("ledger.balance reads one entry (a running balance), and equals the sum of the entries", async () => {
    const { storage, rowsRead } = counting(make());
    const { community: c } = await community(storage);
    for (let i = 0; i < 6; i++)
      await c.pricing.charge({ actor: desk, forResident: "li", resourceId: "drying-room" });
    await c.pricing.ledger.recordPayment({
      actor: desk,
      forResident: "li",
      amount: { amount: 250, currency: "CNY" },
      method: "cash",
    });
    const entries = await c.pricing.ledger.entries({ actor: desk, forResident: "li" });
    rowsRead.clear();
    const balance = await c.pricing.ledger.balance({ actor: desk, forResident: "li" });
    expect(rowsRead.get("pricing_ledger_entry")).toBe(1);
    expect(balance).toMatchObject({
      balance: entries.reduce((sum, e) => sum + e.amount, 0),
      entries: entries.length,
      depositsHeld: 0,
    });
    await c.close();
  });

  test("booking.sweep works in batches: at most `limit` started bookings per call, continued with `after`", async () => {
    const { community: c, clock } = await community();
    for (const hour of ["03", "04", "05", "06", "07"]) {
      await c.booking.book({
        actor: desk,
        forResident: "li",
        resourceId: "drying-room",
        start: `2026-06-02T${hour}:00:00Z`,
        end: `2026-06-02T${hour}:30:00Z`,
      });
    }
    clock.set("2026-06-03T00:00:00Z");
    const system = { kind: "system", id: "scheduler" } as const;
    let calls = 0;
    let after: string | undefined;
    let report: Awaited<ReturnType<typeof c.booking.sweep>>;
    do {
      report = await c.booking.sweep({ actor: system, limit: 2, ...(after ? { after } : {}) });
      calls++;
      after = report.next;
    } while (report.more);
    expect(calls).toBe(3);
    await c.close();
  });
});
