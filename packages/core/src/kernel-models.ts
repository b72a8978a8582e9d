import * as z from "zod";
import { auditModel, memberModel } from "./member-model";
import { defineModel } from "./model";

/** A resident of the community. */
export const residentModel = defineModel(
  "core_resident",
  {
    name: z.string().min(1),
    householdId: z.string().nullable().default(null),
    /** The resident's home place (a courtyard, building or unit). */
    placeId: z.string().nullable().default(null),
    phone: z.string().nullable().default(null),
    birthYear: z.number().int().nullable().default(null),
    createdAt: z.date(),
  },
  { indexes: [{ fields: ["householdId"] }] },
);

/** A household: residents living together. */
export const householdModel = defineModel("core_household", {
  name: z.string().min(1),
  placeId: z.string().nullable().default(null),
  createdAt: z.date(),
});

/** A resident lets another resident (a neighbour, a relative, a volunteer) act for them. */
export const delegationModel = defineModel(
  "core_delegation",
  {
    residentId: z.string(),
    delegateId: z.string(),
    grantedAt: z.date(),
    revokedAt: z.date().nullable().default(null),
  },
  { indexes: [{ fields: ["delegateId", "residentId"] }] },
);

/** Membership of a resident in an eligibility group, verified by staff, valid for a period. */
export const eligibilityGrantModel = defineModel(
  "core_eligibility_grant",
  {
    residentId: z.string(),
    groupId: z.string(),
    /** The staff member (or the resident, for self-declared groups) who verified it. */
    verifiedBy: z.string(),
    verifiedAt: z.date(),
    /** A reference to the evidence (certificate number, file id); never the document itself. */
    evidenceRef: z.string().nullable().default(null),
    validFrom: z.date(),
    validUntil: z.date().nullable().default(null),
    revokedAt: z.date().nullable().default(null),
    revokedBy: z.string().nullable().default(null),
  },
  { indexes: [{ fields: ["residentId", "groupId"] }] },
);

/** The outbox: every domain event, written in the same transaction as its change. */
export const eventModel = defineModel(
  "core_event",
  {
    type: z.string(),
    /** Order of events: an increasing sequence per community. */
    seq: z.number().int(),
    payload: z.record(z.string(), z.unknown()),
    occurredAt: z.date(),
    actorKind: z.string().nullable().default(null),
    actorId: z.string().nullable().default(null),
    ackedAt: z.date().nullable().default(null),
  },
  {
    // `seq` is unique per community (it is assigned under the `core:event-seq` lock): the
    // unique index says so to the adapters, which then sort by `seq` alone, so the next
    // sequence (`ORDER BY seq DESC LIMIT 1`) is one entry read off this index, never a sort.
    // Events not acknowledged yet (what `listEvents({ pendingOnly })` reads) are the only ones
    // in the second index: an acknowledged event leaves it, and writes pay for it only while
    // events wait.
    indexes: [
      { fields: ["seq"], unique: true },
      { fields: ["seq"], where: { field: "ackedAt", is: "null" } },
    ],
  },
);

/** Results of commands run with an idempotency key; the row id is the key. */
export const idempotencyModel = defineModel("core_idempotency", {
  command: z.string(),
  result: z.unknown(),
  createdAt: z.date(),
});

/**
 * The longest interval stored for each interval a model declares, per community (id
 * `<model>:<start field>:<end field>`): the bound of overlap reads (`Tx.overlapWhere`), kept
 * by the kernel on every write. See `IntervalSpans`.
 */
export const intervalSpanModel = defineModel("core_interval_span", {
  /** The longest interval (ms) of the model's rows since the kernel kept it; it only grows. */
  longestMs: z.number().int().min(0),
});

/** The kernel's models, set up in every storage. */
export const kernelModels = [
  residentModel,
  householdModel,
  delegationModel,
  eligibilityGrantModel,
  eventModel,
  idempotencyModel,
  memberModel,
  auditModel,
  intervalSpanModel,
];
