import { isLinliError } from "@linli/core";
import { inReadOnlyTx, inTx, sample, sampleModel, testkitModels } from "@linli/storage-testkit";
import pg from "pg";
import { afterEach, describe, expect, test } from "vitest";
import { deferred } from "../test/deferred";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

const server = usePgServer();
const opened: PostgresStorage[] = [];
const pools: pg.Pool[] = [];

async function storage(options: { pool?: pg.Pool; schema?: string } = {}): Promise<PostgresStorage> {
  const s = postgresStorage({
    ...(options.pool ? { pool: options.pool } : { connectionString: server.server.url }),
    schema: options.schema ?? server.schemaName("ro"),
  });
  opened.push(s);
  await s.setup(testkitModels);
  return s;
}

afterEach(async () => {
  const schemas = new Set(opened.map((s) => s.schema));
  for (const s of opened.splice(0)) await s.close();
  for (const p of pools.splice(0)) await p.end();
  for (const schema of schemas) await server.dropSchema(schema);
});

/** The sample rows as PostgreSQL holds them, read with plain SQL outside the adapter. */
const stored = (schema: string) =>
  server.sql<{ id: string; name: string }>(`SELECT id, name FROM "${schema}".testkit_sample ORDER BY id`);

describe("read-only transactions on PostgreSQL", () => {
  test("create, update, delete and lock are refused with READ_ONLY_TRANSACTION, the transaction stays usable, and nothing reaches the tables", async () => {
    const s = await storage();
    await inTx(s, (tx) => tx.create(sampleModel, sample(1)));
    const codes = await inReadOnlyTx(s, async (tx) => {
      const code = (p: Promise<unknown>) =>
        p.then(
          () => "resolved",
          (e: unknown) => (isLinliError(e) ? e.code : String(e)),
        );
      const refused = [
        await code(tx.create(sampleModel, sample(2))),
        await code(tx.update(sampleModel, [{ field: "id", value: "s001" }], { name: "changed" })),
        await code(tx.delete(sampleModel, [])),
        await code(tx.lock("slot:A")),
      ];
      // Not aborted by the refusals (no 25P02): the transaction reads on.
      return { refused, count: await tx.count(sampleModel) };
    });
    expect(codes).toEqual({ refused: Array(4).fill("READ_ONLY_TRANSACTION"), count: 1 });
    expect(await stored(s.schema)).toEqual([{ id: "s001", name: sample(1).name }]);
  });

  test("a write the server refuses as read-only (SQLSTATE 25006) is READ_ONLY_TRANSACTION too, and nothing is written", async () => {
    const schema = server.schemaName("ro");
    await storage({ schema });
    // One connection whose session defaults to read-only transactions, set after setup.
    const pool = new pg.Pool({ connectionString: server.server.url, max: 1 });
    pools.push(pool);
    const s = await storage({ pool, schema });
    await pool.query("SET default_transaction_read_only = on");
    const error = await inTx(s, (tx) => tx.create(sampleModel, sample(1))).catch((e: unknown) => e);
    expect(isLinliError(error, "READ_ONLY_TRANSACTION"), String(error)).toBe(true);
    expect((error as { details: Record<string, unknown> }).details).toMatchObject({
      sqlState: "25006",
      operation: "create",
      subject: "testkit_sample",
    });
    expect(await stored(schema)).toEqual([]);
  });

  test("a read-only transaction reads one snapshot: rows committed meanwhile by another connection stay invisible to it", async () => {
    const s = await storage();
    await inTx(s, (tx) => tx.create(sampleModel, sample(1)));
    const reading = deferred();
    const committed = deferred();
    const reader = inReadOnlyTx(s, async (tx) => {
      const first = await tx.count(sampleModel);
      reading.resolve();
      await committed.promise;
      return [first, await tx.count(sampleModel)];
    });
    await reading.promise;
    await inTx(s, (tx) => tx.create(sampleModel, sample(2)));
    committed.resolve();
    expect(await reader).toEqual([1, 1]);
    expect(await inReadOnlyTx(s, (tx) => tx.count(sampleModel))).toBe(2);
  });

  test("a read-only transaction does not wait for an open write transaction holding row and advisory locks, and sees none of its writes", async () => {
    const s = await storage();
    await inTx(s, (tx) => tx.create(sampleModel, sample(1)));
    const holding = deferred();
    const release = deferred();
    const writer = inTx(s, async (tx) => {
      await tx.lock("slot:A");
      await tx.updateById(sampleModel, "s001", { name: "renamed" });
      await tx.create(sampleModel, sample(2));
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const seen = await inReadOnlyTx(s, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
    expect(seen.map((r) => [r.id, r.name])).toEqual([["s001", sample(1).name]]);
    release.resolve();
    await writer;
    expect(await stored(s.schema)).toEqual([
      { id: "s001", name: "renamed" },
      { id: "s002", name: sample(2).name },
    ]);
  });
});

describe("readPool: read-only transactions on a second pool", () => {
  /** The backends of this server with that application_name, and whether each is in a transaction. */
  const backends = (name: string) =>
    server.sql<{ state: string; query: string }>(
      `SELECT state, query FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid`,
      [name],
    );

  test("read-only transactions run on the read pool (READ ONLY at the server: a write sent through it is refused with 25006); writes, locks and setup stay on the primary", async () => {
    const schema = server.schemaName("replica");
    // The same server through a second connection string, told apart by its application_name.
    const replicaUrl = `${server.server.url}?application_name=linli_replica`;
    const s = postgresStorage({ connectionString: server.server.url, readPool: replicaUrl, schema });
    opened.push(s);
    await s.setup(testkitModels);
    expect(s.readPool).toBeDefined();
    await inTx(s, (tx) => tx.create(sampleModel, sample(1)));
    expect(s.readPool?.totalCount).toBe(0);

    const reading = deferred();
    const done = deferred();
    const reader = inReadOnlyTx(s, async (tx) => {
      const n = await tx.count(sampleModel);
      reading.resolve();
      await done.promise;
      return n;
    });
    await reading.promise;
    // The open read-only transaction is a backend of the read pool, idle in its transaction.
    expect(await backends("linli_replica")).toEqual([
      { state: "idle in transaction", query: expect.any(String) },
    ]);
    done.resolve();
    expect(await reader).toBe(1);
    expect(s.pool.totalCount).toBe(1);

    // A write sent through a read-pool transaction, past the adapter's own refusal, is refused
    // by the server itself: the transaction is READ ONLY there.
    const refused = await s
      .transaction(
        async (tx) => {
          const client = (tx as unknown as { client: pg.ClientBase }).client;
          return client.query(`INSERT INTO "${schema}".testkit_sample (community_id, id) VALUES ('x', 'x')`);
        },
        { readOnly: true },
      )
      .catch((e: unknown) => e);
    expect((refused as { code?: string }).code).toBe("25006");
    expect(await stored(schema)).toEqual([{ id: "s001", name: sample(1).name }]);
    // Through the adapter, the same write is refused before it is sent.
    const code = await inReadOnlyTx(s, (tx) => tx.create(sampleModel, sample(2))).catch((e: unknown) =>
      isLinliError(e) ? e.code : String(e),
    );
    expect(code).toBe("READ_ONLY_TRANSACTION");
    // Writes still go to the primary.
    await inTx(s, (tx) => tx.create(sampleModel, sample(3)));
    expect((await stored(schema)).map((r) => r.id)).toEqual(["s001", "s003"]);
  });

  test("a readPool you own is used and left open by close(); a bad readPool is refused with POSTGRES_OPTIONS_INVALID", async () => {
    const replica = new pg.Pool({ connectionString: server.server.url, max: 2 });
    pools.push(replica);
    const s = postgresStorage({
      connectionString: server.server.url,
      readPool: replica,
      schema: server.schemaName("replica"),
    });
    opened.push(s);
    await s.setup(testkitModels);
    await inTx(s, (tx) => tx.create(sampleModel, sample(1)));
    expect(await inReadOnlyTx(s, (tx) => tx.count(sampleModel))).toBe(1);
    expect(replica.totalCount).toBeGreaterThan(0);
    await s.close();
    expect((await replica.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    expect(() => postgresStorage({ connectionString: server.server.url, readPool: "mysql://x" })).toThrow(
      expect.objectContaining({ code: "POSTGRES_OPTIONS_INVALID" }),
    );
  });
});
