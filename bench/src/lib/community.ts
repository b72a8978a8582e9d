import { bookingPlugin } from "@linli/booking";
import { createCommunity, manualClock, type StorageAdapter } from "@linli/core";
import { benchConfig, NOW } from "./fixture";

/** The bench community on `storage`, its clock at {@link NOW} (the booking plugin). */
export async function benchCommunity(storage: StorageAdapter, capacity = 1) {
  const clock = manualClock(new Date(NOW).toISOString());
  const community = await createCommunity({
    config: benchConfig(capacity),
    storage,
    plugins: [bookingPlugin()] as const,
    clock,
  });
  return { community, clock };
}
