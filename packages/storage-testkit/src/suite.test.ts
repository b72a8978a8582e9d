import {
  type AdapterTransaction,
  coreErrors,
  type IndexDef,
  LinliError,
  type StorageAdapter,
  type StoredRow,
} from "@linli/core";
import { compareRows, matchesWhere } from "@linli/core/adapter";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, it } from "vitest";
import { runStorageTest, storageTests } from "./suite";

/** Flaws a deliberately broken adapter can have. */
interface Flaws {
  /** Transactions run interleaved and `lock` does nothing. */
  noIsolation?: boolean;
  /** Writes of a failed transaction stay. */
  noRollback?: boolean;
  /** `offset` is ignored. */
  noOffset?: boolean;
  /** `ne null` is treated like `eq null`. */
  wrongNull?: boolean;
  /** `readOnly` is ignored: a read-only transaction writes like any other. */
  writableReadOnly?: boolean;
  /** A transaction object keeps working after its transaction has finished. */
  usableAfterEnd?: boolean;
  /** `select` is ignored: every field is returned. */
  noProjection?: boolean;
  /** Unique indexes are checked on create only. */
  noUniqueOnUpdate?: boolean;
  /** Unique indexes are not checked at all. */
  noUnique?: boolean;
  /**
   * A read with a clause on a partial index's field is answered from that index whatever its
   * clauses: rows outside the index's condition are lost.
   */
  partialAsFilter?: boolean;
}

/** A small Map-based adapter with switchable flaws, to prove the suite catches them. */
function brokenAdapter(flaws: Flaws): StorageAdapter {
  const tables = new Map<string, Map<string, StoredRow>>();
  const uniques = new Map<string, (readonly string[])[]>();
  const partials = new Map<string, NonNullable<IndexDef["where"]>[]>();
  const t = (m: string) => tables.get(m)!;
  const key = (r: StoredRow) => `${r.communityId}/${r.id}`;
  const pass = () => new Promise<void>((resolve) => setImmediate(resolve));
  const rows = (m: string, where: Parameters<AdapterTransaction["count"]>[1]) => {
    const fixed = flaws.wrongNull
      ? where.map((c) => (c.op === "ne" && c.value === null ? { ...c, op: "eq" as const } : c))
      : where;
    const inIndex = (r: StoredRow) =>
      !flaws.partialAsFilter ||
      (partials.get(m) ?? []).every(
        (p) => !where.some((c) => c.field === p.field) || (p.is === "null") === (r[p.field] === null),
      );
    return [...t(m).values()].filter((r) => matchesWhere(r, fixed) && inIndex(r));
  };
  /** A row that would break a unique index of `m` among `others`, or among `next` themselves. */
  const clashes = (m: string, next: readonly StoredRow[], others: readonly StoredRow[]) =>
    !flaws.noUnique &&
    (uniques.get(m) ?? []).some((fields) => {
      const same = (a: StoredRow, b: StoredRow) =>
        a.communityId === b.communityId && fields.every((f) => a[f] !== null && a[f] === b[f]);
      return next.some((r, i) => others.some((o) => same(r, o)) || next.slice(i + 1).some((o) => same(r, o)));
    });
  const project = (row: StoredRow, select: readonly string[] | undefined) =>
    select && !flaws.noProjection ? Object.fromEntries(select.map((f) => [f, row[f] ?? null])) : { ...row };
  let chain: Promise<unknown> = Promise.resolve();
  return {
    id: "broken",
    capabilities: { dates: "native", json: true, booleans: true, multiProcess: false, durable: false },
    async setup(models) {
      for (const m of models) {
        if (!tables.has(m.name)) tables.set(m.name, new Map());
        uniques.set(
          m.name,
          m.indexes.filter((i) => i.unique).map((i) => i.fields),
        );
        partials.set(
          m.name,
          m.indexes.flatMap((i) => (i.where ? [i.where] : [])),
        );
      }
    },
    transaction(fn, options) {
      const run = async () => {
        const undo: Array<() => void> = [];
        let finished = false;
        const readOnly = options?.readOnly === true && !flaws.writableReadOnly;
        const check = (operation: string, subject: string) => {
          if (finished && !flaws.usableAfterEnd) throw LinliError.from(coreErrors, "TRANSACTION_FINISHED");
          if (readOnly && operation !== "read")
            throw LinliError.from(coreErrors, "READ_ONLY_TRANSACTION", { operation, subject });
        };
        const tx: AdapterTransaction = {
          async create(m, row) {
            check("create", m);
            await pass();
            if (clashes(m, [row], [...t(m).values()]) || t(m).has(key(row)))
              throw LinliError.from(coreErrors, "DUPLICATE", { model: m, id: String(row.id) });
            t(m).set(key(row), { ...row });
            undo.push(() => t(m).delete(key(row)));
            return { ...row };
          },
          async findOne(m, where) {
            check("read", m);
            await pass();
            return rows(m, where)[0] ?? null;
          },
          async findMany(m, o) {
            check("read", m);
            await pass();
            const found = rows(m, o.where ?? []).sort(compareRows(o.orderBy ?? []));
            const offset = flaws.noOffset ? 0 : (o.offset ?? 0);
            return found
              .slice(offset, o.limit === undefined ? undefined : offset + o.limit)
              .map((r) => project(r, o.select));
          },
          async update(m, where, patch) {
            check("update", m);
            await pass();
            const found = rows(m, where);
            const others = [...t(m).values()].filter((r) => !found.includes(r));
            if (
              !flaws.noUniqueOnUpdate &&
              clashes(
                m,
                found.map((r) => ({ ...r, ...patch })),
                others,
              )
            )
              throw LinliError.from(coreErrors, "DUPLICATE", { model: m, id: "update" });
            for (const r of found) {
              const before = { ...r };
              t(m).set(key(r), { ...r, ...patch });
              undo.push(() => t(m).set(key(before), before));
            }
            return found.length;
          },
          async delete(m, where) {
            check("delete", m);
            await pass();
            const found = rows(m, where);
            for (const r of found) {
              t(m).delete(key(r));
              undo.push(() => t(m).set(key(r), r));
            }
            return found.length;
          },
          async count(m, where) {
            check("read", m);
            await pass();
            return rows(m, where).length;
          },
          async lock(key) {
            check("lock", key);
          },
        };
        try {
          return await fn(tx);
        } catch (error) {
          if (!flaws.noRollback) for (const u of undo.reverse()) u();
          throw error;
        } finally {
          finished = true;
        }
      };
      if (flaws.noIsolation) return run();
      const result = chain.then(run, run);
      chain = result.catch(() => undefined);
      return result;
    },
    async close() {},
  };
}

async function failures(flaws: Flaws): Promise<string[]> {
  const failed: string[] = [];
  for (const test of storageTests) {
    const outcome = await runStorageTest(test, { create: async () => brokenAdapter(flaws) });
    if (outcome.status === "failed") failed.push(test.name);
  }
  return failed;
}

describe("the conformance suite catches broken adapters", () => {
  it("the flawless version of the test adapter passes everything", async () => {
    expect(await failures({})).toEqual([]);
  });

  it("an adapter without transaction isolation fails the concurrency and idempotency tests", async () => {
    const failed = await failures({ noIsolation: true });
    expect(failed).toContain(
      "concurrency: capacity-3 slot, 20 concurrent callers, exactly 3 win and the rest get CAPACITY_EXCEEDED",
    );
    expect(failed).toContain(
      "concurrency: 50 concurrent read-modify-write increments under lock lose no write",
    );
    expect(failed).toContain(
      "idempotency: 10 concurrent retries with one key write once and all return the first result",
    );
    expect(failed).toContain(
      "interval spans: concurrent reservations of long and short holds, each read ahead of its lock, never overlap",
    );
    expect(
      failed.every((name) => /^(concurrency|idempotency|outbox|interval spans: concurrent)/.test(name)),
    ).toBe(true);
  });

  it("an adapter that does not roll back fails the transaction tests", async () => {
    const failed = await failures({ noRollback: true });
    expect(failed).toContain(
      "transaction: an error rolls back every create, update and delete, and is rethrown unchanged",
    );
    expect(failed).toContain(
      "transaction: a failed write inside a transaction rolls back the earlier writes",
    );
  });

  it("an adapter with wrong query semantics fails the matching query tests", async () => {
    expect(await failures({ noOffset: true })).toEqual([
      "query: limit and offset page through an ordered result without gaps or repeats",
      "projection: select applies after where, orderBy, limit and offset on fields it does not return",
    ]);
    expect(await failures({ wrongNull: true })).toEqual([
      "query: where operator ne",
      "partial index: reads on its field answer as the definition says, rows outside its condition included, after rows move in and out of it",
    ]);
  });

  it("an adapter that lets a read-only transaction write fails the read-only refusal tests", async () => {
    expect(await failures({ writableReadOnly: true })).toEqual([
      "read-only transaction: create, update, delete and lock are refused with READ_ONLY_TRANSACTION, nothing is written, and reads go on",
      "read-only transaction: a refused write that escapes the function rejects the transaction with READ_ONLY_TRANSACTION, and nothing is written",
    ]);
  });

  it("an adapter whose transaction objects outlive their transaction fails the lifetime tests", async () => {
    expect(await failures({ usableAfterEnd: true })).toEqual([
      "transaction: a transaction object kept after its commit refuses every operation with TRANSACTION_FINISHED, and writes nothing",
      "transaction: a transaction object kept after its rollback refuses every operation with TRANSACTION_FINISHED, and writes nothing",
      "read-only transaction: a transaction object kept after it ended refuses every operation with TRANSACTION_FINISHED",
    ]);
  });

  it("an adapter that ignores projections fails the projection tests", async () => {
    expect(await failures({ noProjection: true })).toEqual([
      "projection: the adapter returns exactly the selected fields, id and communityId only when listed",
      "projection: findMany with select returns rows holding exactly the selected fields",
      "projection: select applies after where, orderBy, limit and offset on fields it does not return",
    ]);
  });

  it("an adapter that answers a read from a partial index whose condition the read does not imply fails the partial index test", async () => {
    expect(await failures({ partialAsFilter: true })).toEqual([
      "query: where operator eq",
      "partial index: reads on its field answer as the definition says, rows outside its condition included, after rows move in and out of it",
    ]);
  });

  it("an adapter that ignores a unique index on update, or altogether, fails the unique index tests", async () => {
    const onUpdate = [
      "unique index: an update to a value another row of the community holds is refused with DUPLICATE and changes nothing",
      "unique index: an update giving several rows one value is refused with DUPLICATE and changes nothing",
      "unique index: a value is free again once its row is deleted, updated away or its create rolled back; nulls never collide",
    ];
    expect(await failures({ noUniqueOnUpdate: true })).toEqual(onUpdate);
    expect(await failures({ noUnique: true })).toEqual(["crud: a unique index is enforced", ...onUpdate]);
  });

  it("tests that need a capability are skipped by capability, not by adapter name", async () => {
    const durability = storageTests.find((t) => t.requires?.includes("durable"))!;
    const outcome = await runStorageTest(durability, { create: async () => memoryStorage() });
    expect(outcome).toEqual({ status: "skipped", reason: 'adapter does not declare capability "durable"' });
  });
});
