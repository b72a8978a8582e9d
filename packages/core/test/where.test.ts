import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineModel, type ModelDef, sequentialIds, type Tx } from "../src/index";
import { createTx, ValueCodec } from "../src/adapter";

const slotModel = defineModel("runtime_slot", {
  resourceId: z.string(),
  start: z.date(),
  end: z.date(),
});

async function inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const storage = memoryStorage();
  await storage.setup([slotModel]);
  const codec = new ValueCodec(storage.capabilities);
  return storage.transaction((inner) =>
    fn(createTx(inner, { communityId: "c1", ids: sequentialIds(), codec })),
  );
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; details?: { problems?: { path: string; code: string }[] } },
  );
  return { code: error?.code, problems: error?.details?.problems };
}

describe("untyped callers still get UNKNOWN_FIELD at run time", () => {
  // A model of unknown shape: the where types accept any field, so the kernel checks it.
  const untyped: ModelDef = slotModel;

  test("a where clause on an unknown field", async () => {
    const result = await inTx((tx) =>
      problemsOf(tx.findMany(untyped, { where: [{ field: "strat", value: 1 }] })),
    );
    expect(result).toEqual({
      code: "VALIDATION_FAILED",
      problems: [expect.objectContaining({ path: "strat", code: "UNKNOWN_FIELD" })],
    });
  });

  test("an orderBy on an unknown field", async () => {
    const result = await inTx((tx) => problemsOf(tx.findMany(untyped, { orderBy: [{ field: "strat" }] })));
    expect(result).toEqual({
      code: "VALIDATION_FAILED",
      problems: [expect.objectContaining({ path: "strat", code: "UNKNOWN_FIELD" })],
    });
  });

  test("a reservation scope on an unknown field", async () => {
    const result = await inTx((tx) =>
      problemsOf(
        tx.reserve(untyped, {
          key: "slot",
          capacity: 1,
          scope: [{ field: "slotId", value: "s1" }],
          data: { resourceId: "r1", start: new Date(0), end: new Date(1) },
        }),
      ),
    );
    expect(result).toEqual({
      code: "VALIDATION_FAILED",
      problems: [expect.objectContaining({ path: "slotId", code: "UNKNOWN_FIELD" })],
    });
  });
});

test("typed clauses on date fields filter and order by instant", async () => {
  const rows = await inTx(async (tx) => {
    for (const [i, hour] of [9, 11, 13].entries())
      await tx.create(slotModel, {
        id: `s${i}`,
        resourceId: "r1",
        start: new Date(Date.UTC(2026, 5, 1, hour)),
        end: new Date(Date.UTC(2026, 5, 1, hour + 1)),
      });
    return tx.findMany(slotModel, {
      where: [
        { field: "resourceId", value: "r1" },
        { field: "start", op: "gte", value: new Date(Date.UTC(2026, 5, 1, 10)) },
      ],
      orderBy: [{ field: "start", direction: "desc" }],
    });
  });
  expect(rows.map((r) => r.id)).toEqual(["s2", "s1"]);
});
