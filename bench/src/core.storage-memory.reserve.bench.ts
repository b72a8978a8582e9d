import { createTx, sequentialIds, ValueCodec } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import { compare } from "./report";

const BATCH = 500;
const CAPACITY = 3;
const HOUR = 3_600_000;
const start = Date.UTC(2026, 5, 1, 0);

/** The k-th reservation: hourly slots, `CAPACITY + 1` callers per slot so some are refused. */
function request(k: number) {
  const slot = Math.floor(k / (CAPACITY + 1));
  return {
    slotId: `slot-${slot}`,
    holder: `h${k}`,
    start: new Date(start + slot * HOUR),
    end: new Date(start + (slot + 1) * HOUR),
    quantity: 1,
  };
}

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
