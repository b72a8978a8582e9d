import { defineModel, type RowOf } from "@linli/core";
import * as z from "zod";

/** A weekly availability window: ISO weekday (1 = Monday) and local `HH:mm` times in the community zone. */
export const weeklyWindowSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  to: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
});

/** An exception to the weekly windows: away (`unavailable`) or extra time (`available`), as UTC instants. */
export const availabilityExceptionSchema = z.object({
  start: z.coerce.date(),
  end: z.coerce.date(),
  kind: z.enum(["unavailable", "available"]),
});

/** A weekly window. */
export type WeeklyWindow = z.output<typeof weeklyWindowSchema>;
/** An availability exception. */
export type AvailabilityException = z.output<typeof availabilityExceptionSchema>;

/**
 * A volunteer profile: a resident of the community or not (`residentId` null). Skills,
 * certifications and languages are also kept as {@link capabilityModel} rows, indexed, so
 * that matching reads candidates by skill and place instead of the whole table.
 */
export const volunteerModel = defineModel(
  "volunteers_volunteer",
  {
    name: z.string().min(1).max(200),
    residentId: z.string().nullable().default(null),
    placeId: z.string().nullable().default(null),
    status: z.enum(["active", "paused"]).default("active"),
    skills: z.record(z.string(), z.number().int().min(1).max(5)),
    certifications: z.array(z.string()),
    languages: z.array(z.string()),
    teams: z.array(z.string()),
    weekly: z.array(weeklyWindowSchema),
    exceptions: z.array(availabilityExceptionSchema),
    maxTasksPerWeek: z.number().int().min(0).max(100),
    maxHoursPerWeek: z.number().int().min(0).max(168).nullable().default(null),
    maxShiftsPerMonth: z.number().int().min(0).max(200),
    preferredKinds: z.array(z.string()),
    preferredPlaces: z.array(z.string()),
    ageBand: z.string().nullable().default(null),
    createdAt: z.date(),
  },
  { indexes: [{ fields: ["status", "placeId"] }, { fields: ["residentId"] }] },
);

/** A stored volunteer profile. */
export type Volunteer = RowOf<typeof volunteerModel>;

/** One skill, certification, language or team of a volunteer: the index candidates are read by. */
export const capabilityModel = defineModel(
  "volunteers_capability",
  {
    volunteerId: z.string(),
    kind: z.enum(["skill", "certification", "language", "team"]),
    name: z.string(),
    level: z.number().int().min(0).max(5).default(0),
    placeId: z.string().nullable().default(null),
    active: z.boolean(),
  },
  { indexes: [{ fields: ["kind", "name", "active"] }, { fields: ["volunteerId"] }] },
);

/** Every state of a help request. */
export const REQUEST_STATUSES = [
  "open",
  "offered",
  "accepted",
  "in-progress",
  "done",
  "cancelled",
  "expired",
] as const;

/** One of {@link REQUEST_STATUSES}. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A price line as stored with a request (from the pricing plugin's quote). */
export const priceLineSchema = z.object({
  code: z.string(),
  amount: z.object({ amount: z.number().int(), currency: z.string() }),
  text: z.object({ "zh-CN": z.string(), en: z.string() }),
  publicText: z.object({ "zh-CN": z.string(), en: z.string() }),
  group: z.string().optional(),
});

/** A request's price, as the pricing plugin quoted it at creation (staff see it all). */
export const storedPriceSchema = z.object({
  resourceId: z.string(),
  planId: z.string().nullable(),
  total: z.object({ amount: z.number().int(), currency: z.string() }),
  lines: z.array(priceLineSchema),
});

/** A stored price. */
export type StoredPrice = z.output<typeof storedPriceSchema>;

/**
 * A help request of a resident (made by them, a delegate or staff on their behalf): what,
 * where, when, how urgent, and its lifecycle. Contact details for the assigned volunteer are
 * kept here only as the resident or staff gave them; they are shown through `contact`, logged.
 */
export const helpRequestModel = defineModel(
  "volunteers_request",
  {
    kind: z.string(),
    requesterId: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    channel: z.string().nullable().default(null),
    placeId: z.string().nullable().default(null),
    /** The courtyard (or top-level place) holding `placeId`: all a candidate sees of where. */
    areaId: z.string().nullable().default(null),
    start: z.date(),
    end: z.date(),
    durationMinutes: z.number().int().positive(),
    urgency: z.enum(["low", "normal", "high", "urgent"]),
    requiredSkills: z.array(z.object({ skill: z.string(), minLevel: z.number().int().optional() })),
    requiredCertifications: z.array(z.string()),
    language: z.string().nullable().default(null),
    description: z.string().nullable().default(null),
    address: z.string().nullable().default(null),
    phone: z.string().nullable().default(null),
    requesterAgeBand: z.string().nullable().default(null),
    status: z.enum(REQUEST_STATUSES),
    volunteerId: z.string().nullable().default(null),
    continuity: z.string().nullable().default(null),
    matchCost: z.number().nullable().default(null),
    matchTerms: z.record(z.string(), z.number()).nullable().default(null),
    price: storedPriceSchema.nullable().default(null),
    createdAt: z.date(),
    offeredAt: z.date().nullable().default(null),
    offerExpiresAt: z.date().nullable().default(null),
    acceptedAt: z.date().nullable().default(null),
    startedAt: z.date().nullable().default(null),
    completedAt: z.date().nullable().default(null),
    cancelledAt: z.date().nullable().default(null),
    cancelReason: z.string().nullable().default(null),
    declinedBy: z.array(z.string()),
    rating: z.number().int().min(1).max(5).nullable().default(null),
    ratingNote: z.string().nullable().default(null),
    volunteerNote: z.string().nullable().default(null),
  },
  {
    indexes: [
      { fields: ["status", "start"] },
      { fields: ["requesterId", "status"] },
      { fields: ["volunteerId", "status"] },
    ],
  },
);

/** A stored help request. */
export type HelpRequest = RowOf<typeof helpRequestModel>;

/**
 * A long-term pair (targeted pairing): a volunteer accompanies a resident for the kinds of help
 * covered, with a visit rhythm and a backup volunteer.
 */
export const pairModel = defineModel(
  "volunteers_pair",
  {
    volunteerId: z.string(),
    backupVolunteerId: z.string().nullable().default(null),
    residentId: z.string(),
    kinds: z.array(z.string()),
    visitsPerWeek: z.number().int().min(0).max(14),
    status: z.enum(["active", "paused", "ended"]),
    createdAt: z.date(),
    lastVisitAt: z.date().nullable().default(null),
    /** When the next visit is due (null for a pair without a rhythm, or paused / ended). */
    nextVisitDueAt: z.date().nullable().default(null),
    /** The due time already escalated to staff (once per due time). */
    escalatedDueAt: z.date().nullable().default(null),
    endedAt: z.date().nullable().default(null),
  },
  {
    indexes: [
      { fields: ["residentId", "status"] },
      { fields: ["volunteerId", "status"] },
      { fields: ["status", "nextVisitDueAt"] },
    ],
  },
);

/** A stored pair. */
export type Pair = RowOf<typeof pairModel>;

/** A visit of a pair, recorded by the volunteer or staff (attended or missed). */
export const visitModel = defineModel(
  "volunteers_visit",
  {
    pairId: z.string(),
    volunteerId: z.string(),
    residentId: z.string(),
    at: z.date(),
    minutes: z.number().int().min(0).max(1440),
    attended: z.boolean(),
    note: z.string().nullable().default(null),
    recordedBy: z.string(),
  },
  { indexes: [{ fields: ["pairId", "at"] }] },
);

/** Append-only log: every time a requester's contact details were shown to a volunteer. */
export const disclosureModel = defineModel(
  "volunteers_disclosure",
  {
    requestId: z.string(),
    volunteerId: z.string(),
    requesterId: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    fields: z.array(z.string()),
    at: z.date(),
  },
  { indexes: [{ fields: ["requestId", "at"] }] },
);

/** A shift of a duty team. */
export const shiftModel = defineModel(
  "volunteers_shift",
  {
    team: z.string(),
    start: z.date(),
    end: z.date(),
    size: z.number().int().min(1).max(100),
    note: z.string().nullable().default(null),
    createdAt: z.date(),
  },
  { indexes: [{ fields: ["team", "start"] }, { fields: ["start"] }] },
);

/** A stored shift. */
export type Shift = RowOf<typeof shiftModel>;

/** A volunteer on a shift, and what happened. */
export const shiftAssignmentModel = defineModel(
  "volunteers_shift_assignment",
  {
    shiftId: z.string(),
    volunteerId: z.string(),
    team: z.string(),
    start: z.date(),
    end: z.date(),
    status: z.enum(["assigned", "absent", "served", "no-show"]),
    assignedAt: z.date(),
  },
  { indexes: [{ fields: ["shiftId"] }, { fields: ["volunteerId", "start"] }, { fields: ["start"] }] },
);

/** A stored shift assignment. */
export type ShiftAssignment = RowOf<typeof shiftAssignmentModel>;

/** The hours ledger: time served (or a no-show) per volunteer, from tasks, shifts and visits. */
export const hoursModel = defineModel(
  "volunteers_hours",
  {
    volunteerId: z.string(),
    source: z.enum(["task", "shift", "visit"]),
    sourceId: z.string(),
    at: z.date(),
    /** Local month `YYYY-MM` in the community zone. */
    month: z.string(),
    minutes: z.number().int().min(0),
    noShow: z.boolean(),
  },
  { indexes: [{ fields: ["volunteerId", "at"] }, { fields: ["month"] }] },
);

/** A stored hours entry. */
export type HoursEntry = RowOf<typeof hoursModel>;

/** The models of the volunteers plugin. */
export const volunteersModels = [
  volunteerModel,
  capabilityModel,
  helpRequestModel,
  pairModel,
  visitModel,
  disclosureModel,
  shiftModel,
  shiftAssignmentModel,
  hoursModel,
];
