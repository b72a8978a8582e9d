import { postgresStorage } from "@linli/storage-postgres";
import { startPgServer } from "../../packages/storage-postgres/test/pg-server";
import { emitGrowth } from "./lib/emit-growth";

// An event-emitting no-op command with 100k events and idempotency keys stored against none,
// two schemas of one throwaway PostgreSQL (lib/emit-growth.ts).
export default async () => {
  const server = await startPgServer();
  try {
    const open = (schema: string) => postgresStorage({ connectionString: server.url, schema, max: 4 });
    await emitGrowth("postgres", open("emit0"), open("emit100k"));
  } finally {
    await server.stop();
  }
};
