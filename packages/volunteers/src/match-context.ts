import { type CommandContext, localWeekStart, startOfLocalDay } from "@linli/core";
import { ageRuleAllows } from "./age-bands";
import { expandAvailability, type Interval, withoutBusy } from "./availability";
import { recentLoads } from "./hours-ledger";
import type { MatchCriterion, MatchRequest, MatchSettings, MatchVolunteer } from "./matching/match-types";
import { placeMap } from "./places";
import { seatsOfVolunteers } from "./roster-context";
import { volunteersByIds } from "./volunteer-profile";
import type { VolunteersOptions } from "./volunteers-config";
import {
  capabilityModel,
  type HelpRequest,
  helpRequestModel,
  pairModel,
  type Volunteer,
  volunteerModel,
} from "./volunteers-models";

/** What the engine gets for a set of requests, read through indexes only. */
export interface MatchInputs {
  /** The requests, as the engine sees them. */
  readonly requests: MatchRequest[];
  /** The candidates read (by skill, by place, the pairs and past helpers), active only. */
  readonly volunteers: MatchVolunteer[];
  /** Weights, walking, the age rule and criteria from the config. */
  readonly settings: MatchSettings;
  /** Per request: active volunteers never read because they lack a required skill or live too far. */
  readonly notRead: ReadonlyMap<string, number>;
  /** Volunteer profiles read, by id (for names in answers). */
  readonly profiles: ReadonlyMap<string, Volunteer>;
}

const WEEK_MS = 7 * 86_400_000;
const TAKEN = ["offered", "accepted", "in-progress", "done"] as const;

/** The task interval the engine plans: the window's start and the request's duration. */
export function taskInterval(request: HelpRequest): { start: Date; end: Date } {
  return { start: request.start, end: new Date(request.start.getTime() + request.durationMinutes * 60_000) };
}

/**
 * Reads the candidates of `requests` through the indexes (capabilities by skill, volunteers by
 * status and place, pairs by resident, past helpers by requester), never the whole volunteer
 * table, and builds the engine's inputs: availability expanded over the requests' horizon,
 * capacity left in the week of the first request, and load over the fairness window.
 */
export async function loadMatchInputs(
  cx: CommandContext<VolunteersOptions>,
  requests: readonly HelpRequest[],
): Promise<MatchInputs> {
  const options = cx.options;
  const timeZone = cx.config.community.timeZone;
  const places = placeMap(cx.config, options.defaultWalkingMinutes);
  const reach = options.maxWalkingMinutes ?? options.defaultWalkingMinutes;

  // Volunteers holding each required skill (one indexed read for all skills of the batch).
  const skillNames = [...new Set(requests.flatMap((r) => r.requiredSkills.map((s) => s.skill)))];
  const holders = new Map<string, Set<string>>();
  for (let i = 0; i < skillNames.length; i += 200) {
    const rows = await cx.tx.findMany(capabilityModel, {
      where: [
        { field: "kind", value: "skill" },
        { field: "name", op: "in", value: skillNames.slice(i, i + 200) },
        { field: "active", value: true },
      ],
    });
    for (const row of rows) {
      const set = holders.get(row.name) ?? new Set<string>();
      set.add(row.volunteerId);
      holders.set(row.name, set);
    }
  }
  // Volunteers living within reach of each place (for requests needing no skill).
  const nearby = new Map<string, string[]>();
  const near = async (placeId: string | null): Promise<string[]> => {
    const key = placeId ?? "";
    const known = nearby.get(key);
    if (known) return known;
    const within = placeId
      ? cx.config.places
          .map((p) => p.id)
          .filter((p) => (places.walkingMinutes(placeId, p) ?? Infinity) <= reach)
      : null;
    const rows = await cx.tx.findMany(volunteerModel, {
      where: [
        { field: "status", value: "active" },
        ...(within ? [{ field: "placeId" as const, op: "in" as const, value: within }] : []),
      ],
    });
    const ids = rows.map((v) => v.id);
    nearby.set(key, ids);
    return ids;
  };
  // Long-term pairs and past helpers of the requesters.
  const requesterIds = [...new Set(requests.map((r) => r.requesterId))];
  const pairs = new Map<
    string,
    { volunteerId: string; backupVolunteerId: string | null; kinds: string[] }[]
  >();
  const past = new Map<string, Set<string>>();
  for (let i = 0; i < requesterIds.length; i += 500) {
    const ids = requesterIds.slice(i, i + 500);
    for (const pair of await cx.tx.findMany(pairModel, {
      where: [
        { field: "residentId", op: "in", value: ids },
        { field: "status", value: "active" },
      ],
    }))
      pairs.set(pair.residentId, [...(pairs.get(pair.residentId) ?? []), pair]);
    for (const done of await cx.tx.findMany(helpRequestModel, {
      where: [
        { field: "requesterId", op: "in", value: ids },
        { field: "status", value: "done" },
      ],
      orderBy: [{ field: "start", direction: "desc" }],
      limit: 50 * ids.length,
    })) {
      if (!done.volunteerId) continue;
      const set = past.get(done.requesterId) ?? new Set<string>();
      set.add(done.volunteerId);
      past.set(done.requesterId, set);
    }
  }

  const candidateIds = new Map<string, string[]>();
  for (const r of requests) {
    let ids: string[];
    if (r.requiredSkills.length > 0) {
      const [first, ...rest] = r.requiredSkills.map((s) => holders.get(s.skill) ?? new Set<string>());
      ids = [...(first ?? [])].filter((id) => rest.every((set) => set.has(id)));
    } else ids = await near(r.placeId);
    const paired = pairedFor(pairs.get(r.requesterId) ?? [], r.kind);
    candidateIds.set(r.id, [...new Set([...ids, ...paired, ...(past.get(r.requesterId) ?? [])])]);
  }
  const profiles = new Map<string, Volunteer>();
  for (const v of await volunteersByIds(cx, [...new Set([...candidateIds.values()].flat())]))
    if (v.status === "active") profiles.set(v.id, v);

  const active = await cx.tx.count(volunteerModel, [{ field: "status", value: "active" }]);
  const notRead = new Map<string, number>();
  for (const r of requests) {
    const read = (candidateIds.get(r.id) ?? []).filter((id) => profiles.has(id)).length;
    notRead.set(r.id, Math.max(0, active - read));
  }

  const horizonStart = new Date(Math.min(...requests.map((r) => r.start.getTime())));
  const horizonEnd = new Date(Math.max(...requests.map((r) => taskInterval(r).end.getTime())));
  const ids = [...profiles.keys()];
  const weekStart = startOfLocalDay(localWeekStart(horizonStart, timeZone), timeZone);
  const taken = new Map<string, number>();
  const takenMinutes = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await cx.tx.findMany(helpRequestModel, {
      where: [
        { field: "volunteerId", op: "in", value: ids.slice(i, i + 500) },
        { field: "status", op: "in", value: [...TAKEN] },
        { field: "start", op: "gte", value: weekStart },
        { field: "start", op: "lt", value: new Date(weekStart.getTime() + WEEK_MS) },
      ],
    }))
      if (row.volunteerId) {
        taken.set(row.volunteerId, (taken.get(row.volunteerId) ?? 0) + 1);
        takenMinutes.set(row.volunteerId, (takenMinutes.get(row.volunteerId) ?? 0) + row.durationMinutes);
      }
  }
  // What they already do in the horizon: seats on duty shifts and tasks taken outside this batch.
  const busy = new Map<string, Interval[]>();
  const addBusy = (id: string, interval: Interval) => busy.set(id, [...(busy.get(id) ?? []), interval]);
  for (const seat of await seatsOfVolunteers(cx, ids, {
    start: new Date(horizonStart.getTime() - 86_400_000),
    end: horizonEnd,
  }))
    addBusy(seat.volunteerId, seat);
  const batch = new Set(requests.map((r) => r.id));
  for (let i = 0; i < ids.length; i += 500)
    for (const row of await cx.tx.findMany(helpRequestModel, {
      where: [
        { field: "volunteerId", op: "in", value: ids.slice(i, i + 500) },
        { field: "status", op: "in", value: ["offered", "accepted", "in-progress"] },
        { field: "start", op: "gte", value: new Date(horizonStart.getTime() - 86_400_000) },
        { field: "start", op: "lt", value: horizonEnd },
      ],
    }))
      if (row.volunteerId && !batch.has(row.id)) addBusy(row.volunteerId, taskInterval(row));
  const loads = await recentLoads(cx, ids, new Date(cx.now.getTime() - options.fairnessWeeks * WEEK_MS));

  const longest = Math.max(...requests.map((r) => r.durationMinutes));
  const volunteers: MatchVolunteer[] = [...profiles.values()].map((v) => ({
    id: v.id,
    ...(v.residentId ? { residentId: v.residentId } : {}),
    skills: v.skills,
    certifications: v.certifications,
    languages: v.languages,
    ...(v.placeId ? { place: v.placeId } : {}),
    windows: withoutBusy(
      expandAvailability(v.weekly, v.exceptions, horizonStart, horizonEnd, timeZone),
      busy.get(v.id) ?? [],
    ),
    capacity: capacityOf(v, taken.get(v.id) ?? 0, takenMinutes.get(v.id) ?? 0, longest),
    recentLoad: loads.get(v.id) ?? 0,
    ...(v.ageBand ? { ageBand: v.ageBand } : {}),
    preferredKinds: v.preferredKinds,
    preferredPlaces: v.preferredPlaces,
  }));

  const matchRequests: MatchRequest[] = requests.map((r) => ({
    id: r.id,
    kind: r.kind,
    requesterId: r.requesterId,
    ...(r.requesterAgeBand ? { requesterAgeBand: r.requesterAgeBand } : {}),
    ...(r.placeId ? { place: r.placeId } : {}),
    ...taskInterval(r),
    urgency: r.urgency,
    waitingMinutes: Math.max(0, Math.floor((cx.now.getTime() - r.createdAt.getTime()) / 60_000)),
    requiredSkills: r.requiredSkills,
    requiredCertifications: r.requiredCertifications,
    ...(r.language ? { language: r.language } : {}),
    pairedVolunteerIds: pairedFor(pairs.get(r.requesterId) ?? [], r.kind),
    pastHelperIds: [...(past.get(r.requesterId) ?? [])],
  }));

  return { requests: matchRequests, volunteers, settings: matchSettings(cx, requests), notRead, profiles };
}

/**
 * Tasks a volunteer may still take in the batch: `maxTasksPerWeek` less the tasks taken that
 * week and, with `maxHoursPerWeek`, no more than the hours left allow at the batch's longest
 * duration (conservative: the cap is never exceeded).
 */
export function capacityOf(
  volunteer: Volunteer,
  tasksTaken: number,
  minutesTaken: number,
  longest: number,
): number {
  const byTasks = Math.max(0, volunteer.maxTasksPerWeek - tasksTaken);
  if (volunteer.maxHoursPerWeek === null) return byTasks;
  const minutesLeft = Math.max(0, volunteer.maxHoursPerWeek * 60 - minutesTaken);
  return Math.min(byTasks, Math.floor(minutesLeft / Math.max(1, longest)));
}

/** The pair volunteer first, then the backup, of the pairs covering `kind` (all kinds when a pair lists none). */
function pairedFor(
  pairs: readonly { volunteerId: string; backupVolunteerId: string | null; kinds: readonly string[] }[],
  kind: string,
): string[] {
  const covering = pairs.filter((p) => p.kinds.length === 0 || p.kinds.includes(kind));
  const ids = [
    ...covering.map((p) => p.volunteerId),
    ...covering.flatMap((p) => (p.backupVolunteerId ? [p.backupVolunteerId] : [])),
  ];
  return [...new Set(ids)];
}

/** The engine's settings from the config: weights, walking, the age rule, and the declined-offers criterion. */
export function matchSettings(
  cx: CommandContext<VolunteersOptions>,
  requests: readonly HelpRequest[],
): MatchSettings {
  const options = cx.options;
  const places = placeMap(cx.config, options.defaultWalkingMinutes);
  const declined = new Map(requests.map((r) => [r.id, new Set(r.declinedBy)] as const));
  const criteria: MatchCriterion[] = [
    { name: "declined", exclude: (r, v) => declined.get(r.id)?.has(v.id) ?? false },
  ];
  const rule = options.ageRule;
  if (rule && rule.kinds.length > 0)
    criteria.push({
      name: "age-band",
      exclude: (r, v) => !ageRuleAllows(options, r.kind, v.ageBand ?? null, r.requesterAgeBand ?? null),
    });
  return {
    weights: options.weights,
    ...(options.maxWalkingMinutes !== undefined ? { maxWalkingMinutes: options.maxWalkingMinutes } : {}),
    walkingMinutes: (from, to) => places.walkingMinutes(from, to),
    ...(rule && rule.kinds.length === 0
      ? { ageRule: { volunteerBands: rule.volunteerBands, requesterBands: rule.requesterBands } }
      : {}),
    criteria,
  };
}
