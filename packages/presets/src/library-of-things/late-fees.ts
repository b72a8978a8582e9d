import { type PresetPart, text } from "../preset-part";

/** £1 per started day late, in pence. */
export const LATE_FEE_PER_DAY = 100;

/**
 * Late returns, as pricing expresses them: a `late-return` charge the counter records from the
 * due time to the return (`pricing.charge` with `start` and `end`), £1 per started day, at most
 * £10 a calendar month per member; free for volunteers, half for people on Universal Credit.
 * Lending will later raise it by itself when a loan is overdue (see the package README).
 */
export const lateFees: PresetPart = {
  resources: [
    {
      id: "late-return",
      kind: "service",
      name: text("逾期归还", "Late return"),
      place: "hub",
      tags: ["fee"],
    },
  ],
  rules: [
    // Staff record late returns; a member cannot book one.
    {
      id: "late-return-staff",
      kind: "who-may-book",
      appliesTo: { resources: ["late-return"] },
      staffOnly: true,
    },
  ],
  plans: [
    {
      id: "late-fee",
      name: text("逾期费", "Late fee"),
      appliesTo: { resources: ["late-return"] },
      charge: { kind: "per-time", amount: LATE_FEE_PER_DAY, unitMinutes: 1440, unitRounding: "started" },
      tiers: [
        { group: "universal-credit", price: { kind: "percentage", discountBasisPoints: 5000 } },
        { group: "volunteer", price: { kind: "free" } },
      ],
      cap: { period: "calendar-month", amount: 1000 },
    },
  ],
};
