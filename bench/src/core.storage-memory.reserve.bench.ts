import { sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { memoryStorage } from "@linli/storage-memory";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import { compare } from "./report";
import { reservationRequest } from "./reservation-request";

const BATCH = 500;
const CAPACITY = 3;

/** The k-th reservation (see reservation-request.ts). */
const request = (k: number) => reservationRequest(k, CAPACITY + 1);

/** Reservations through the full kernel (validation, ids, conversions, lock, peak load) on the memory adapter. */
async function kernelRun(): Promise<number> {
  const adapter = memoryStorage();
  await adapter.setup(testkitModels);
  const codec = new ValueCodec(adapter.capabilities);
  const ids = sequentialIds();
  let won = 0;
  for (let k = 0; k < BATCH; k++) {
    const r = request(k);
    try {
      await adapter.transaction((inner) =>
        createTx(inner, { communityId: "bench", ids, codec }).reserve(slotModel, {
          key: r.slotId,
          capacity: CAPACITY,
          scope: [{ field: "slotId", value: r.slotId }],
          interval: { startField: "start", endField: "end", start: r.start, end: r.end },
          data: r,
        }),
      );
      won++;
    } catch {
      // CAPACITY_EXCEEDED: counted by the answer.
    }
  }
  return won;
}

/** The bare baseline: a Map of counters per slot, no validation, no transactions. */
function mapRun(): number {
  const used = new Map<string, number>();
  let won = 0;
  for (let k = 0; k < BATCH; k++) {
    const r = request(k);
    const n = used.get(r.slotId) ?? 0;
    if (n + 1 <= CAPACITY) {
      used.set(r.slotId, n + 1);
      won++;
    }
  }
  return won;
}

export default () =>
  compare({
    id: "core.storage-memory.reserve",
    unit: "ops/s",
    opsPerRun: BATCH,
    params: { reservationsPerRun: BATCH, capacity: CAPACITY, callersPerSlot: CAPACITY + 1 },
    ours: { name: "kernel+memory", run: kernelRun },
    baseline: { name: "bare-map", run: mapRun },
  });
