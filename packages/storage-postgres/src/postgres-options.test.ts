import { createServer, type Server, type Socket } from "node:net";
import { isLinliError } from "@linli/core";
import { inTx, slotModel, testkitModels } from "@linli/storage-testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

const server = usePgServer();

/** A TCP server that accepts connections and never answers, like a firewall black hole. */
let silent: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "created";
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("options", () => {
  test.each([
    ["no connection at all", {}],
    [
      "both a connection string and a pool",
      { connectionString: "postgres://x@127.0.0.1/db", pool: new pg.Pool() },
    ],
    ["a connection string that is not a postgres URL", { connectionString: "mysql://127.0.0.1/db" }],
    ["an upper-case schema name", { connectionString: "postgres://127.0.0.1/db", schema: "Linli" }],
    ["a schema name with a quote", { connectionString: "postgres://127.0.0.1/db", schema: 'a"; DROP' }],
    ["a reserved pg_ schema", { connectionString: "postgres://127.0.0.1/db", schema: "pg_linli" }],
    [
      "a schema name over 63 characters",
      { connectionString: "postgres://127.0.0.1/db", schema: "s".repeat(64) },
    ],
    ["max 0", { connectionString: "postgres://127.0.0.1/db", max: 0 }],
    ["a negative lock timeout", { connectionString: "postgres://127.0.0.1/db", lockTimeoutMs: -1 }],
    ["an unknown option", { connectionString: "postgres://127.0.0.1/db", poolSize: 3 }],
  ])("%s is refused with POSTGRES_OPTIONS_INVALID", (_name, options) => {
    expect(codeOf(() => postgresStorage(options as never))).toBe("POSTGRES_OPTIONS_INVALID");
  });

  test("the message lists every problem in zh-CN and en", () => {
    try {
      postgresStorage({ connectionString: "nope", schema: "Bad", max: 0 });
      expect.unreachable();
    } catch (error) {
      expect(isLinliError(error, "POSTGRES_OPTIONS_INVALID")).toBe(true);
      const e = error as { message: string; messages: Record<string, string> };
      for (const field of ["connectionString", "schema", "max"]) expect(e.message).toContain(field);
      expect(e.messages["zh-CN"]).toContain("选项无效");
    }
  });
});

describe("unreachable or wrong servers fail quickly with a clear LinliError", () => {
  test("nothing listening on the port: POSTGRES_CONNECTION_FAILED naming the server, not the password", async () => {
    const port = await closedPort();
    const s = postgresStorage({ connectionString: `postgres://linli:s3cret-pw@127.0.0.1:${port}/linli` });
    const error = await s.setup(testkitModels).catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_CONNECTION_FAILED")).toBe(true);
    const e = error as Error & { messages: Record<string, string> };
    expect(e.message).toContain(`127.0.0.1:${port}/linli`);
    expect(e.message).toContain("ECONNREFUSED");
    expect(JSON.stringify(e.messages)).not.toContain("s3cret-pw");
    // The server's address is for the logs: a client gets the code and a neutral text.
    expect((e as unknown as { internal: Record<string, unknown> }).internal.target).toBe(
      `127.0.0.1:${port}/linli`,
    );
    const sent = JSON.stringify(e);
    expect(sent).not.toContain("127.0.0.1");
    expect(sent).not.toContain("ECONNREFUSED");
    expect(sent).not.toContain("linli_"); // no schema name
    expect(JSON.parse(sent)).toMatchObject({
      code: "POSTGRES_CONNECTION_FAILED",
      details: { sqlState: null },
    });
    await s.close();
  });

  test("a server that accepts but never answers: POSTGRES_CONNECTION_FAILED after connectionTimeoutMs", async () => {
    const { port } = silent.address() as { port: number };
    const s = postgresStorage({
      connectionString: `postgres://linli@127.0.0.1:${port}/linli`,
      connectionTimeoutMs: 200,
    });
    const error = await s.transaction(async () => "never").catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_CONNECTION_FAILED")).toBe(true);
    expect((error as Error).message).toMatch(/timeout/i);
    await s.close();
  });

  test("a database that does not exist: POSTGRES_CONNECTION_FAILED", async () => {
    const s = postgresStorage({ connectionString: server.server.urlOf("no_such_db") });
    const error = await s.setup(testkitModels).catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_CONNECTION_FAILED")).toBe(true);
    expect((error as Error).message).toContain("no_such_db");
    await s.close();
  });
});

describe("permissions", () => {
  test("a database user who may not create the schema: POSTGRES_PERMISSION_DENIED, nothing created", async () => {
    await server.sql(`CREATE ROLE linli_reader LOGIN`);
    const schema = server.schemaName("denied");
    const s = postgresStorage({
      connectionString: server.server.url.replace("postgres@", "linli_reader@"),
      schema,
    });
    const error = await s.setup(testkitModels).catch((e: unknown) => e);
    await s.close();
    expect(isLinliError(error, "POSTGRES_PERMISSION_DENIED")).toBe(true);
    expect((error as { details: { sqlState: string } }).details.sqlState).toBe("42501");
    expect(await server.sql(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).toEqual([]);
  });
});

describe("lifecycle", () => {
  test("after close, setup and transaction fail with POSTGRES_CLOSED; close twice is fine", async () => {
    const s = postgresStorage({ connectionString: server.server.url, schema: server.schemaName("closed") });
    await s.setup(testkitModels);
    await s.close();
    await s.close();
    expect(await s.transaction(async () => 1).catch((e: { code: string }) => e.code)).toBe("POSTGRES_CLOSED");
    expect(await s.setup(testkitModels).catch((e: { code: string }) => e.code)).toBe("POSTGRES_CLOSED");
    await server.dropSchema(s.schema);
  });

  test("a transaction object kept after its end refuses to run: TRANSACTION_FINISHED", async () => {
    const s = postgresStorage({ connectionString: server.server.url, schema: server.schemaName("ended") });
    await s.setup(testkitModels);
    const kept = await s.transaction(async (tx) => tx);
    expect(await kept.count("testkit_slot", []).catch((e: { code: string }) => e.code)).toBe(
      "TRANSACTION_FINISHED",
    );
    expect(await kept.lock("k").catch((e: { code: string }) => e.code)).toBe("TRANSACTION_FINISHED");
    await s.close();
    await server.dropSchema(s.schema);
  });

  test("a pool given by the app is used and left open by close()", async () => {
    const pool = new pg.Pool({ connectionString: server.server.url, max: 3 });
    const s = postgresStorage({ pool, schema: server.schemaName("shared") });
    await s.setup(testkitModels);
    await inTx(s, (tx) =>
      tx.create(slotModel, {
        id: "x",
        slotId: "S",
        holder: "h",
        start: new Date(0),
        end: new Date(1),
        quantity: 2,
      }),
    );
    await s.close();
    const { rows } = await pool.query(`SELECT quantity FROM "${s.schema}".testkit_slot`);
    // Read through the app's own pool: its default int8 parser is untouched (a string).
    expect(rows).toEqual([{ quantity: "2" }]);
    await pool.end();
    await server.dropSchema(s.schema);
  });
});
