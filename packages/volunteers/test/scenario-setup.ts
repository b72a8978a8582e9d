import type { StorageAdapter } from "@linli/core";
import { allWeek, type StorageKind, volunteersCommunity } from "./fixture";

/**
 * Wang (84, living alone, building 3 of courtyard 1) and three volunteers: Li, an electrician
 * of her courtyard; Zhao, an electrician of courtyard 3; Chen, a tailor of courtyard 1.
 */
export async function setUp(kind: StorageKind | StorageAdapter) {
  const { community, clock, staff } = await volunteersCommunity(kind);
  // Wang, 84, lives alone in building 3 of courtyard 1; she calls the desk.
  await staff.residents.register({
    id: "wang",
    name: "王奶奶",
    placeId: "building-1-3",
    phone: "13800000001",
    birthYear: 1942,
  });
  await staff.for("wang").eligibility.grant({ groupId: "elderly-living-alone" });
  for (const [id, placeId, birthYear] of [
    ["li", "courtyard-1", 1968],
    ["zhao", "courtyard-3", 1958],
    ["chen", "courtyard-1", 1960],
  ] as const)
    await staff.residents.register({ id, name: id, placeId, birthYear });
  await staff.volunteers.register({
    residentId: "li",
    name: "李师傅",
    placeId: "courtyard-1",
    skills: { electrician: 4 },
    certifications: ["electrician"],
    weekly: allWeek,
    ageBand: "younger-elderly",
  });
  await staff.volunteers.register({
    residentId: "zhao",
    name: "赵师傅",
    placeId: "courtyard-3",
    skills: { electrician: 5 },
    weekly: allWeek,
    ageBand: "younger-elderly",
  });
  await staff.volunteers.register({
    residentId: "chen",
    name: "陈阿姨",
    placeId: "courtyard-1",
    skills: { tailoring: 5 },
    weekly: allWeek,
    ageBand: "younger-elderly",
  });
  return { community, clock, staff };
}
