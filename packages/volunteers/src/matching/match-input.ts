import type { MatchRequest, MatchSettings, MatchVolunteer } from "./match-types";

/** Most requests or volunteers one call of the engine accepts. */
export const MATCH_LIMIT = 100_000;

function fail(message: string): never {
  throw new RangeError(`matching: ${message}`);
}

function checkIds(name: string, items: readonly { id: string }[]): void {
  if (items.length > MATCH_LIMIT) fail(`too many ${name} (${items.length} > ${MATCH_LIMIT})`);
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item.id !== "string" || item.id.length === 0 || item.id.length > 200) fail(`bad ${name} id`);
    if (seen.has(item.id)) fail(`duplicate ${name} id "${item.id}"`);
    seen.add(item.id);
  }
}

function checkWindow(what: string, start: Date, end: Date): void {
  const s = start.getTime();
  const e = end.getTime();
  if (!Number.isFinite(s) || !Number.isFinite(e)) fail(`${what} has an invalid date`);
  if (e < s) fail(`${what} ends before it starts`);
}

/**
 * Checks the engine's input (the plugin validates user input with zod before it gets here; this
 * guards direct callers of the pure engine). Throws a RangeError naming the first problem.
 */
export function checkMatchInput(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): void {
  checkIds("request", requests);
  checkIds("volunteer", volunteers);
  for (const [name, value] of Object.entries(settings.weights)) {
    if (!Number.isFinite(value)) fail(`weight "${name}" must be a finite number`);
  }
  if (settings.maxWalkingMinutes !== undefined && !(settings.maxWalkingMinutes >= 0)) {
    fail("maxWalkingMinutes must be ≥ 0");
  }
  for (const r of requests) {
    checkWindow(`request "${r.id}"`, r.start, r.end);
    if (!(r.waitingMinutes >= 0) || !Number.isFinite(r.waitingMinutes)) {
      fail(`request "${r.id}" waitingMinutes must be a finite number ≥ 0`);
    }
  }
  for (const v of volunteers) {
    if (!Number.isSafeInteger(v.capacity) || v.capacity < 0) {
      fail(`volunteer "${v.id}" capacity must be an integer ≥ 0`);
    }
    if (!Number.isFinite(v.recentLoad) || v.recentLoad < 0) {
      fail(`volunteer "${v.id}" recentLoad must be a finite number ≥ 0`);
    }
    for (const w of v.windows) checkWindow(`a window of volunteer "${v.id}"`, w.start, w.end);
  }
}
