import { postgresStorage } from "@linli/storage-postgres";
import { startPgServer } from "../../packages/storage-postgres/test/pg-server";
import { bookGrowth, seeded } from "./lib/growth";

// Time per `community.booking.book` on PostgreSQL with 100k past bookings against 1k, two
// schemas of one throwaway server (lib/growth.ts). The history is written at each run.
export default async () => {
  const server = await startPgServer();
  try {
    const open = (schema: string) => postgresStorage({ connectionString: server.url, schema, max: 4 });
    await bookGrowth("postgres", await seeded(open("at1k"), 1_000), await seeded(open("at100k"), 100_000));
  } finally {
    await server.stop();
  }
};
