import { defineModel, type RowOf } from "@linli/core";
import * as z from "zod";

/** Every state of a unit (one physical item). A unit is in exactly one at any time. */
export const ITEM_STATUSES = ["available", "on-loan", "on-hold-shelf", "in-maintenance", "retired"] as const;
/** One of {@link ITEM_STATUSES}. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The condition a unit is recorded in (at intake, check-out and check-in). */
export const CONDITIONS = ["new", "good", "fair", "worn", "broken"] as const;
/** One of {@link CONDITIONS}. */
export type Condition = (typeof CONDITIONS)[number];

/**
 * How the units of a type are told apart: `stock` units are interchangeable (ten trowels:
 * a loan takes any free one), `numbered` units are lent by their code (the one ladder).
 */
export const TRACKING = ["stock", "numbered"] as const;

/** A kind of item in the catalog (a cordless drill, a trowel, a ladder). */
export const itemTypeModel = defineModel(
  "lending_item_type",
  {
    tracking: z.enum(TRACKING),
    /** A category of the `lending.categories` config. */
    category: z.string(),
    nameZh: z.string().min(1).max(200),
    nameEn: z.string().min(1).max(200),
    /** Tags, stored as `|a|b|` so that one tag is found with `contains`. */
    tags: z.string().max(1000).default("||"),
    /** References to photos (file ids or URLs), never the images. */
    photos: z.array(z.string().max(500)).max(20).default([]),
    instructions: z.string().max(4000).nullable().default(null),
    safetyNotes: z.string().max(4000).nullable().default(null),
    /** The eligibility group that records the training this type needs; null for none. */
    trainingGroup: z.string().nullable().default(null),
    createdAt: z.date(),
  },
  { indexes: [{ fields: ["category"] }] },
);

/** One unit: a physical item with a code, a condition, a place and a status. */
export const itemModel = defineModel(
  "lending_item",
  {
    itemTypeId: z.string(),
    /** Copied from the type, so that "what is free in this category" reads units alone. */
    category: z.string(),
    code: z.string().min(1).max(100),
    status: z.enum(ITEM_STATUSES),
    condition: z.enum(CONDITIONS),
    conditionNote: z.string().max(1000).nullable().default(null),
    /** A place of the kernel config (the gatehouse, a shelf), or null. */
    location: z.string().nullable().default(null),
    acquisition: z.enum(["bought", "donated"]),
    /** The donor, kept for the record; shown only when `donorCredited`. */
    donorId: z.string().nullable().default(null),
    donorCredited: z.boolean().default(false),
    /** `YYYY-MM-DD` of purchase or donation. */
    acquiredOn: z.string().nullable().default(null),
    /** Loans since the last service, for maintenance plans every N loans. */
    loansSinceService: z.number().int().min(0).default(0),
    lastServiceAt: z.date().nullable().default(null),
    createdAt: z.date(),
  },
  {
    indexes: [
      { fields: ["itemTypeId", "status"] },
      { fields: ["category", "status"] },
      { fields: ["status"] },
      { fields: ["code"], unique: true },
    ],
  },
);

/** One unit lent to one resident; a check-out of several units makes one loan each, sharing a batch. */
export const loanModel = defineModel(
  "lending_loan",
  {
    itemId: z.string(),
    itemTypeId: z.string(),
    category: z.string(),
    residentId: z.string(),
    /** The check-out this loan was part of (partial returns close loans one by one). */
    batchId: z.string(),
    checkedOutAt: z.date(),
    dueAt: z.date(),
    returnedAt: z.date().nullable().default(null),
    renewals: z.number().int().min(0).default(0),
    conditionOut: z.enum(CONDITIONS),
    conditionIn: z.enum(CONDITIONS).nullable().default(null),
    returnNote: z.string().max(1000).nullable().default(null),
    checkedOutBy: z.string(),
    checkedInBy: z.string().nullable().default(null),
    /** Staff who approved a restricted item for a resident without the training. */
    approvedBy: z.string().nullable().default(null),
    /** When `LoanDueSoon` / `LoanOverdue` went out (each once per due date). */
    dueSoonSentFor: z.date().nullable().default(null),
    overdueSentFor: z.date().nullable().default(null),
    /** A fine charged on return (minor units); 0 unless fines are enabled. */
    fineMinor: z.number().int().min(0).default(0),
  },
  {
    indexes: [
      { fields: ["residentId", "returnedAt"] },
      { fields: ["itemId", "checkedOutAt"] },
      { fields: ["returnedAt", "dueAt"] },
      { fields: ["batchId"] },
    ],
  },
);

/** The states of a claim on a unit's time. Only `active` claims compete for the unit. */
export const CLAIM_STATUSES = ["active", "released", "picked-up", "cancelled", "expired"] as const;

/**
 * The longest a claim can span, in ms: a loan's claim runs from its start (the check-out, or
 * the old due date for a renewal) to a due date at most 365 loan days later, moved at most
 * 401 days on to the next opening (`dueDate` looks no further); a reservation spans at most 91
 * days. 800 days bound both, so the kernel's `overlapWhere` reads the claims around a window
 * as a range bounded on both sides of the `(status, end, start)` index.
 */
export const MAX_CLAIM_SPAN_MS = 800 * 86_400_000;

/**
 * A claim on a unit over a time range: a loan (from check-out to its due date) or a
 * reservation for a future pickup. Claims are inserted with `tx.reserve` at capacity 1 per
 * unit, so a reservation and a walk-in loan can never take the same unit at the same time.
 * A reservation's id is its claim's id.
 */
export const claimModel = defineModel(
  "lending_claim",
  {
    itemId: z.string(),
    itemTypeId: z.string(),
    kind: z.enum(["loan", "reservation"]),
    residentId: z.string(),
    /** The loan holding the claim (a loan claim, or a reservation once picked up). */
    loanId: z.string().nullable().default(null),
    start: z.date(),
    end: z.date(),
    status: z.enum(CLAIM_STATUSES),
    createdAt: z.date(),
    createdBy: z.string(),
  },
  {
    indexes: [
      { fields: ["itemId", "status"] },
      { fields: ["status", "start"] },
      // Overlap reads (`overlapWhere`): `end` bounded on both sides, `start` checked in the index.
      { fields: ["status", "end", "start"] },
      { fields: ["residentId", "status"] },
      { fields: ["loanId"] },
    ],
    intervals: [{ start: "start", end: "end", maxSpanMs: MAX_CLAIM_SPAN_MS }],
  },
);

/** Every state of a hold. `waiting` and `ready` holds are open. */
export const HOLD_STATUSES = ["waiting", "ready", "fulfilled", "expired", "cancelled"] as const;
/** One of {@link HOLD_STATUSES}. */
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** A resident's place in the queue for an item type. */
export const holdModel = defineModel(
  "lending_hold",
  {
    itemTypeId: z.string(),
    residentId: z.string(),
    status: z.enum(HOLD_STATUSES),
    /** Place in the queue: the instant the hold was placed (ms), ties broken by id. */
    rank: z.number().int(),
    /** Pushed back by the resident: passed over until then, keeping its place. */
    notBefore: z.date().nullable().default(null),
    itemId: z.string().nullable().default(null),
    readyAt: z.date().nullable().default(null),
    pickupBy: z.date().nullable().default(null),
    createdAt: z.date(),
    endedAt: z.date().nullable().default(null),
  },
  {
    indexes: [
      { fields: ["itemTypeId", "status", "rank"] },
      { fields: ["residentId", "status"] },
      { fields: ["status", "pickupBy"] },
    ],
  },
);

/** The states of a repair ticket; `done` and `retired` close it. */
export const TICKET_STATUSES = [
  "reported",
  "assessing",
  "waiting-for-parts",
  "repairing",
  "done",
  "retired",
] as const;
/** One of {@link TICKET_STATUSES}. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A repair ticket: takes its unit out of circulation until done (or retires it). */
export const ticketModel = defineModel(
  "lending_ticket",
  {
    itemId: z.string(),
    itemTypeId: z.string(),
    status: z.enum(TICKET_STATUSES),
    problem: z.string().min(1).max(1000),
    /** Where it came from: a report, a return in bad condition, or a maintenance plan. */
    source: z.enum(["report", "return", "plan"]),
    planId: z.string().nullable().default(null),
    reportedBy: z.string(),
    reportedAt: z.date(),
    updatedAt: z.date(),
    note: z.string().max(1000).nullable().default(null),
    closedAt: z.date().nullable().default(null),
  },
  { indexes: [{ fields: ["itemId", "status"] }, { fields: ["status"] }] },
);

/** A donation offered by a resident, accepted or declined by staff. */
export const donationModel = defineModel(
  "lending_donation",
  {
    donorId: z.string(),
    /** An existing type, or null when the donation is a new kind (then `newType`). */
    itemTypeId: z.string().nullable().default(null),
    newType: z
      .object({
        id: z.string(),
        category: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        tracking: z.enum(TRACKING),
      })
      .nullable()
      .default(null),
    description: z.string().min(1).max(1000),
    quantity: z.number().int().min(1).max(100),
    condition: z.enum(CONDITIONS),
    /** Whether the donor agreed to be named as donor. */
    creditDonor: z.boolean(),
    status: z.enum(["offered", "accepted", "declined"]),
    offeredAt: z.date(),
    reviewedBy: z.string().nullable().default(null),
    reviewedAt: z.date().nullable().default(null),
    declineReason: z.string().max(500).nullable().default(null),
    itemIds: z.array(z.string()).default([]),
  },
  { indexes: [{ fields: ["status", "offeredAt"] }, { fields: ["donorId"] }] },
);

/** A resident's acceptance of one version of the borrower agreement. */
export const agreementModel = defineModel(
  "lending_agreement",
  { residentId: z.string(), version: z.string(), acceptedAt: z.date() },
  { indexes: [{ fields: ["residentId", "version"] }] },
);

/**
 * A pickup appointment: a confirmed booking of the `pickups` resource, as lending saw it (its
 * id is the booking's id). Kept so that cancelling one appointment gives a held unit back the
 * deadline it would have had without it, while the resident's other appointments still count.
 */
export const pickupModel = defineModel(
  "lending_pickup",
  {
    residentId: z.string(),
    start: z.date(),
    end: z.date(),
    status: z.enum(["booked", "cancelled"]),
    /** When the appointment was booked: it moved the deadlines of the holds ready by then. */
    bookedAt: z.date(),
  },
  { indexes: [{ fields: ["residentId", "status"] }] },
);

/** An item type row. */
export type ItemType = RowOf<typeof itemTypeModel>;
/** A unit row. */
export type Item = RowOf<typeof itemModel>;
/** A loan row. */
export type Loan = RowOf<typeof loanModel>;
/** A claim row (a loan's or a reservation's hold on a unit's time). */
export type Claim = RowOf<typeof claimModel>;
/** A hold row. */
export type Hold = RowOf<typeof holdModel>;
/** A repair ticket row. */
export type Ticket = RowOf<typeof ticketModel>;
/** A donation row. */
export type Donation = RowOf<typeof donationModel>;
/** A pickup appointment row. */
export type Pickup = RowOf<typeof pickupModel>;

/** The lending plugin's models. */
export const lendingModels = [
  itemTypeModel,
  itemModel,
  loanModel,
  claimModel,
  holdModel,
  ticketModel,
  donationModel,
  agreementModel,
  pickupModel,
];
