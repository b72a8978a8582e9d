import type { StoredRow } from "@linli/core";
import { inTx, sample, sampleModel, testkitModels } from "@linli/storage-testkit";
import { describe, expect, test } from "vitest";
import { memoryStorage } from "./memory-storage";

// Reads return fresh objects without deep clones: every stored value is a primitive (dates as
// epoch milliseconds, JSON as text), so no returned row can reach the stored state.

const where = [{ field: "communityId", op: "eq", value: "testkit" }] as const;

async function seeded() {
  const storage = memoryStorage();
  await storage.setup(testkitModels);
  await inTx(storage, (tx) => tx.create(sampleModel, sample(1)));
  return storage;
}

describe("memory adapter: returned rows never reach stored state", () => {
  test("the kernel's rows: changing a returned date, array or object changes nothing stored", async () => {
    const storage = await seeded();
    const created = await inTx(storage, (tx) => tx.create(sampleModel, sample(2)));
    const found = await inTx(storage, (tx) => tx.findById(sampleModel, "s001"));
    const [listed] = await inTx(storage, (tx) =>
      tx.findMany(sampleModel, { where: [{ field: "id", value: "s001" }] }),
    );
    for (const row of [created, found!, listed!]) {
      row.at.setTime(0);
      row.tags.push("mutated");
      row.meta.n = -1;
      row.name = "mutated";
    }
    expect(await inTx(storage, (tx) => tx.findById(sampleModel, "s001"))).toEqual({
      ...sample(1),
      code: null,
      communityId: "testkit",
    });
    expect(await inTx(storage, (tx) => tx.findById(sampleModel, "s002"))).toEqual({
      ...sample(2),
      code: null,
      communityId: "testkit",
    });
  });

  test("the adapter's rows: each read is a new object, and writing to it or deleting its fields changes nothing stored", async () => {
    const storage = await seeded();
    const read = () =>
      storage.transaction(async (tx) => ({
        one: await tx.findOne(sampleModel.name, [...where]),
        many: await tx.findMany(sampleModel.name, { where }),
      }));
    const first = await read();
    const pristine = structuredClone(first.one);
    expect(Object.values(first.one!).every((v) => v === null || typeof v !== "object")).toBe(true);
    for (const row of [first.one!, first.many[0]!]) {
      row.name = "mutated";
      delete row.rank;
    }
    const second = await read();
    expect(second.one).not.toBe(first.one);
    expect(second.one).toEqual(pristine);
    expect(second.many).toEqual([pristine]);
  });

  test("a caller that ignores the declared capabilities (a Date, an object) gets copies too", async () => {
    const storage = memoryStorage();
    await storage.setup(testkitModels);
    const at = new Date(Date.UTC(2026, 0, 1));
    const meta = { nested: { n: 1 } };
    const row: StoredRow = { id: "raw", communityId: "testkit", at, meta: meta as never };
    const created = await storage.transaction((tx) => tx.create(sampleModel.name, row));
    at.setTime(1);
    meta.nested.n = 2;
    (created.at as Date).setTime(2);
    const [found] = await storage.transaction((tx) => tx.findMany(sampleModel.name, { where }));
    expect((found!.at as Date).getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(found!.meta).toEqual({ nested: { n: 1 } });
    (found!.at as Date).setTime(3);
    const [again] = await storage.transaction((tx) => tx.findMany(sampleModel.name, { where }));
    expect((again!.at as Date).getTime()).toBe(Date.UTC(2026, 0, 1));
  });

  test("select returns exactly the selected fields, null for a field the row lacks", async () => {
    const storage = await seeded();
    const rows = await storage.transaction((tx) =>
      tx.findMany(sampleModel.name, { where, select: ["id", "rank", "code"] }),
    );
    expect(rows).toEqual([{ id: "s001", rank: sample(1).rank, code: null }]);
  });
});
