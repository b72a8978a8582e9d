import type { CommunityConfig } from "@linli/core";

/** Where things are: areas (courtyards) and walking minutes, built once from the config. */
export interface PlaceMap {
  /** Whether the place is configured. */
  has(placeId: string): boolean;
  /** The courtyard holding the place (or its top-level place): all a candidate sees of where. */
  areaOf(placeId: string | null | undefined): string | null;
  /**
   * Walking minutes between two places: 0 within the same place, the configured figure between
   * them or their areas, 0 within one area otherwise, and the default elsewhere. Undefined when
   * either is unknown (no penalty, no exclusion).
   */
  walkingMinutes(from?: string | null, to?: string | null): number | undefined;
}

/** Builds the {@link PlaceMap} of a community config. */
export function placeMap(config: CommunityConfig, defaultMinutes: number): PlaceMap {
  const parent = new Map(config.places.map((p) => [p.id, p.parent ?? null] as const));
  const kind = new Map(config.places.map((p) => [p.id, p.kind] as const));
  const walking = new Map<string, number>();
  for (const w of config.walking) {
    walking.set(`${w.from}|${w.to}`, w.minutes);
    walking.set(`${w.to}|${w.from}`, w.minutes);
  }
  const areas = new Map<string, string>();
  const areaOf = (placeId: string | null | undefined): string | null => {
    if (!placeId || !parent.has(placeId)) return null;
    const known = areas.get(placeId);
    if (known) return known;
    let at = placeId;
    // Up to the courtyard, or the top; bounded by the number of places (no cycles loop forever).
    for (let i = 0; i < parent.size && kind.get(at) !== "courtyard"; i++) {
      const up = parent.get(at);
      if (!up) break;
      at = up;
    }
    areas.set(placeId, at);
    return at;
  };
  return {
    has: (placeId) => parent.has(placeId),
    areaOf,
    walkingMinutes(from, to) {
      if (!from || !to || !parent.has(from) || !parent.has(to)) return undefined;
      if (from === to) return 0;
      const direct = walking.get(`${from}|${to}`);
      if (direct !== undefined) return direct;
      const a = areaOf(from);
      const b = areaOf(to);
      if (a === b) return 0;
      return walking.get(`${a}|${b}`) ?? defaultMinutes;
    },
  };
}
