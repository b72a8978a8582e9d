import { memoryStorage } from "@linli/storage-memory";
import { bookGrowth, seeded } from "./lib/growth";

// Time per `community.booking.book` on the memory adapter with 100k past bookings against 1k (lib/growth.ts).
export default async () =>
  bookGrowth("memory", await seeded(memoryStorage(), 1_000), await seeded(memoryStorage(), 100_000));
