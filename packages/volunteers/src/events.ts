/**
 * The volunteers plugin's domain events, as a light entry point (`@linli/volunteers/events`).
 * Payloads are plain JSON (instants as ISO-8601 UTC strings) and carry no private data: no
 * address, phone or eligibility group, and explanations are counts.
 *
 * @packageDocumentation
 */
import { defineEvents } from "@linli/core";
import * as z from "zod";

const instant = z.iso.datetime();

/** Why candidates were excluded, as counts by constraint (`skill`, `availability`, `language`…). */
const excludedCounts = z.record(z.string(), z.number().int().min(0));

/** Every event the volunteers plugin emits, by name. */
export const volunteersEvents = defineEvents("volunteers", {
  /** A help request was made (by the resident, a delegate or staff on their behalf). */
  HelpRequestOpened: z.object({
    requestId: z.string(),
    kind: z.string(),
    requesterId: z.string(),
    areaId: z.string().nullable(),
    start: instant,
    end: instant,
    urgency: z.string(),
  }),
  /** A request was matched to a volunteer (offered or assigned), with the explanation. */
  HelpRequestMatched: z.object({
    requestId: z.string(),
    volunteerId: z.string(),
    status: z.enum(["offered", "accepted"]),
    cost: z.number(),
    terms: z.record(z.string(), z.number()),
    continuity: z.string(),
    excluded: excludedCounts,
    /** The explanation for staff, in zh-CN and en (counts and cost terms only). */
    explanation: z.object({ "zh-CN": z.string(), en: z.string() }),
  }),
  /** A batch match found no volunteer for a request: which constraints excluded how many. */
  HelpRequestUnmatched: z.object({
    requestId: z.string(),
    reason: z.string(),
    excluded: excludedCounts,
    /** The explanation for staff, in zh-CN and en (counts only). */
    explanation: z.object({ "zh-CN": z.string(), en: z.string() }),
  }),
  /** A request changed state (accepted, declined, started, done, cancelled, expired). */
  HelpRequestStatusChanged: z.object({
    requestId: z.string(),
    from: z.string(),
    to: z.string(),
    volunteerId: z.string().nullable(),
  }),
  /** A pair's visit was not recorded by its due time (plus the grace): staff should call. */
  PairVisitOverdue: z.object({
    pairId: z.string(),
    volunteerId: z.string(),
    backupVolunteerId: z.string().nullable(),
    residentId: z.string(),
    dueAt: instant,
  }),
  /** A volunteer was put on a shift. */
  ShiftAssigned: z.object({
    shiftId: z.string(),
    team: z.string(),
    volunteerId: z.string(),
    start: instant,
    end: instant,
  }),
  /** A shift lacks volunteers after planning, a swap or an absence. */
  ShiftUncovered: z.object({
    shiftId: z.string(),
    team: z.string(),
    start: instant,
    missing: z.number().int().positive(),
  }),
  /** A volunteer's hours served passed a recognition milestone. */
  MilestoneReached: z.object({ volunteerId: z.string(), hours: z.number().int().positive() }),
});

/** The volunteers plugin's events, by name (the type of {@link volunteersEvents}). */
export type VolunteersEvents = typeof volunteersEvents;
