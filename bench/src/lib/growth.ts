import type { StorageAdapter } from "@linli/core";
import { benchCommunity } from "./community";
import { DAY, history, NOW, nthRequest, RESIDENTS, RESOURCES, residentId, YEAR } from "./fixture";
import { seed } from "./seed";
import { compare } from "../report";

/** The history of the growth benches: `count` bookings of the past year over the 50 rooms. */
export const pastYear = (count: number) =>
  history({ count, resources: [...Array(RESOURCES).keys()], from: NOW - YEAR, days: 365, seed: 11 });

/** A storage set up for the bench community and holding `count` past bookings (and their events). */
export async function seeded(storage: StorageAdapter, count: number): Promise<StorageAdapter> {
  const { community } = await benchCommunity(storage);
  await seed(storage, { residents: RESIDENTS, bookings: pastYear(count) });
  void community;
  return storage;
}

/**
 * `booking.book.growth.<adapter>`: `community.booking.book` (a resident, an auto-confirmed
 * room) with 100,000 past bookings against the same with 1,000, on two storages of the same
 * adapter in the same run. `ratio` = time at 1k / time at 100k (1.0: flat; target >= 0.67).
 */
export async function bookGrowth(
  adapter: string,
  small: StorageAdapter,
  large: StorageAdapter,
  extra: Record<string, unknown> = {},
) {
  const side = async (storage: StorageAdapter) => {
    const { community } = await benchCommunity(storage);
    let k = 0;
    return {
      community,
      run: async () => {
        const n = k++;
        const out = await community.booking.book({
          actor: { kind: "resident", id: residentId(n % RESIDENTS) },
          ...nthRequest(n),
        });
        return out.ok ? out.booking.status : "refused";
      },
    };
  };
  const at1k = await side(small);
  const at100k = await side(large);
  await compare({
    id: `booking.book.growth.${adapter}`,
    unit: "ms",
    params: {
      adapter,
      history: [1_000, 100_000],
      residents: RESIDENTS,
      resources: RESOURCES,
      historyDays: YEAR / DAY,
    },
    ours: { name: "book-at-100k-history", run: at100k.run },
    baseline: { name: "book-at-1k-history", run: at1k.run },
    extra: { targets: { ratio: 0.67 }, ...extra },
  });
  await at1k.community.close();
  await at100k.community.close();
}
