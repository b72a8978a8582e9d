import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type PgTestServer, type PgTestServerOptions, startPgServer } from "./pg-server";

/** The server of one test file, and helpers for fresh schemas in it. */
export interface SharedPgServer {
  /** The running server (only inside tests and hooks). */
  readonly server: PgTestServer;
  /** A new, unused schema name (not created: the adapter's setup creates it). */
  schemaName(prefix?: string): string;
  /** Runs SQL on the server outside any adapter (checks of what really landed, cleanup). */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  /** Drops a schema and everything in it. */
  dropSchema(schema: string): Promise<void>;
}

/**
 * Starts one throwaway PostgreSQL cluster for the calling test file (in `beforeAll`) and
 * stops and deletes it in `afterAll`. Tests isolate themselves with a schema each.
 */
export function usePgServer(options: PgTestServerOptions = {}): SharedPgServer {
  let server: PgTestServer | undefined;
  let admin: pg.Pool | undefined;
  let n = 0;
  beforeAll(async () => {
    server = await startPgServer(options);
    admin = new pg.Pool({ connectionString: server.url, max: 2 });
    admin.on("error", () => undefined);
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await server?.stop();
  }, 60_000);
  const shared: SharedPgServer = {
    get server() {
      if (!server) throw new Error("the PostgreSQL test server is not started yet (use it inside tests)");
      return server;
    },
    schemaName: (prefix = "t") => `${prefix}_${++n}_${randomBytes(3).toString("hex")}`,
    async sql(text, values) {
      if (!admin) throw new Error("the PostgreSQL test server is not started yet");
      return (await admin.query(text, values)).rows;
    },
    async dropSchema(schema) {
      await shared.sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
  return shared;
}
