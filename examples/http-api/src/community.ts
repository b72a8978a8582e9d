// Opens the service's community on an SQLite file and, on a new file, stocks the tool room.
import { type Clock, createCommunity, isLinliError } from "@linli/core";
import { sqliteStorage } from "@linli/storage-sqlite";
import { plugins, serviceConfig } from "./config";

/** The desk account that stocks the tool room at first start. */
const desk = { kind: "staff", id: "desk-1" } as const;

/** Opens the community on `filename` (`:memory:` for a throwaway one). */
export async function openCommunity(filename: string, options: { clock?: Clock } = {}) {
  const community = await createCommunity({
    config: serviceConfig,
    storage: sqliteStorage({ filename }),
    plugins: plugins(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await stockToolRoom(community);
  return community;
}

/** The community the service serves. */
export type ServiceCommunity = Awaited<ReturnType<typeof openCommunity>>;

/** Two cordless drills and three trowels, added once (a second start finds them). */
async function stockToolRoom(community: ServiceCommunity): Promise<void> {
  const catalog = community.as(desk).lending.catalog;
  const types = [
    {
      id: "cordless-drill",
      category: "power-tools",
      nameZh: "充电钻",
      nameEn: "Cordless drill",
      codes: ["D-1", "D-2"],
    },
    { id: "trowel", category: "garden", nameZh: "小铲子", nameEn: "Trowel", codes: ["T-1", "T-2", "T-3"] },
  ];
  for (const { codes, ...type } of types) {
    try {
      await catalog.addType(type);
    } catch (error) {
      if (isLinliError(error, "DUPLICATE")) continue; // stocked at an earlier start
      throw error;
    }
    await catalog.addUnits({
      itemTypeId: type.id,
      units: codes.map((code) => ({ code, location: "gatehouse" })),
    });
  }
}
