import { bookingPlugin } from "@linli/booking";
import { type CommunityConfigInput, createCommunity, manualClock, type StorageAdapter } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { benchConfig, NOW } from "./fixture";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** The plugins of a city community: booking and pricing. */
export const cityPlugins = () => [bookingPlugin(), pricingPlugin()] as const;

/** The id of the city's `i`-th community. */
export const communityId = (i: number) => `c${String(i).padStart(3, "0")}`;

/**
 * The config of the city's `i`-th community: the bench community (50 rooms open 07:00–22:00 on
 * a 15-minute grid, bookings up to four hours) with its own id and a per-use price on the rooms.
 */
export function cityConfig(i: number): CommunityConfigInput<ReturnType<typeof cityPlugins>> {
  const base = benchConfig(1);
  return {
    ...base,
    community: { ...base.community, id: communityId(i), name: text(`社区 ${i}`, `Community ${i}`) },
    pricing: {
      plans: [
        {
          id: "room-use",
          name: text("活动室按次", "Room per use"),
          appliesTo: { resourceGroups: ["rooms"] },
          charge: { kind: "per-use" as const, amount: 500 },
        },
      ],
    },
  };
}

/**
 * The plugin instances every community of the city shares, as an app running many communities
 * would: the same instances let them share the resolved plugin set and its compiled config schemas.
 */
const shared = cityPlugins();

/** The city's `i`-th community on `storage`, its clock at the bench's NOW. */
export async function cityCommunity(
  storage: StorageAdapter,
  i: number,
  clock = manualClock(new Date(NOW).toISOString()),
) {
  return createCommunity({ config: cityConfig(i), storage, plugins: shared, clock });
}
