import { type Community, createCommunity, manualClock, sequentialIds, zonedInstant } from "@linli/core";
import { sqliteStorage } from "@linli/storage-sqlite";
import { type CommunityPlugins, communityPlugins } from "../plugins";
import { withOperator } from "../community-db";

/** The desk clerk every explanation acts as. */
export const DESK = { kind: "staff", id: "desk" } as const;

/** The resident an explanation is about: eligibility groups and age. */
export interface ResidentProfile {
  /** Eligibility group ids the resident holds (granted by staff, without end). */
  readonly groups: readonly string[];
  /** Age in years at the time asked about, if it matters. */
  readonly age?: number;
  /** The resident's home place (a courtyard), if it matters. */
  readonly placeId?: string;
}

/** The id of the throwaway resident. */
export const PROFILE_RESIDENT = "resident";

/**
 * A throwaway community in memory (SQLite `:memory:`) from a checked configuration, with the
 * clock at `now` and one resident with the profile's groups. Close it after use. `config` is
 * parsed YAML or JSON (`any`): createCommunity validates it.
 */
export async function deskCommunity(
  config: any,
  profile: ResidentProfile,
  now: Date,
): Promise<Community<CommunityPlugins>> {
  const community = await createCommunity({
    // The desk, and the volunteers plugin's quoting account, act as declared members.
    config: withOperator(withOperator(config, DESK), { kind: "system", id: "volunteers" }),
    storage: sqliteStorage({ filename: ":memory:" }),
    plugins: communityPlugins(),
    clock: manualClock(now),
    ids: sequentialIds(),
  });
  const birthYear = profile.age === undefined ? null : now.getUTCFullYear() - profile.age;
  await community.residents.register({
    actor: DESK,
    id: PROFILE_RESIDENT,
    name: "resident",
    birthYear,
    ...(profile.placeId === undefined ? {} : { placeId: profile.placeId }),
  });
  for (const groupId of profile.groups) {
    await community.eligibility.grant({
      actor: DESK,
      forResident: PROFILE_RESIDENT,
      groupId,
      validFrom: new Date("2000-01-01T00:00:00Z"),
      validUntil: null,
    });
  }
  return community;
}

/**
 * An instant from the command line: ISO with an offset or `Z` as it is; a local date and time
 * (`2026-07-02T09:00`, `2026-07-02 09:00`) in the community's zone.
 */
export function instantOf(text: string, timeZone: string): Date {
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::00)?$/.exec(text.trim());
  const date = local ? zonedInstant(local[1]!, local[2]!, timeZone) : new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`not a date and time: "${text}" (write 2026-07-02T09:00, in the community's zone)`);
  }
  return date;
}
