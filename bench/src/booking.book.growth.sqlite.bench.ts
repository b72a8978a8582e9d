import { sqliteStorage } from "@linli/storage-sqlite";
import { sqliteWithHistory } from "./booking.book.sqlite.bench";
import { bookGrowth } from "./lib/growth";

// Time per `community.booking.book` on a SQLite file with 100k past bookings against 1k (lib/growth.ts).
export default async () =>
  bookGrowth(
    "sqlite",
    sqliteStorage({ filename: await sqliteWithHistory(1_000) }),
    sqliteStorage({ filename: await sqliteWithHistory(100_000) }),
  );
