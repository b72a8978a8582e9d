// The scopes of `npm run mutate` (issue 16): the code whose bugs would break a promise in
// docs/guarantees.md, each with the test files that prove it. `LINLI_MUTATE_SCOPE=<name>`
// (a comma-separated list) runs only those scopes; without it every scope runs (hours on a
// small machine: run it alone). Tests are chosen per scope, not found through imports: a
// kernel file is imported by nearly every test of the monorepo.

/** Every scope: the files to mutate and the tests that must kill the mutants. */
export const scopes = {
  "core-capacity": {
    mutate: ["packages/core/src/capacity.ts"],
    tests: ["packages/core/src/capacity.test.ts"],
  },
  "booking-capacity": {
    mutate: ["packages/booking/src/rules/capacity.ts"],
    tests: ["packages/booking/src/rules/capacity.test.ts", "packages/booking/src/capacity.property.test.ts"],
  },
  "core-interval-spans": {
    mutate: ["packages/core/src/interval-spans.ts", "packages/core/src/interval-where.ts"],
    tests: [
      "packages/core/test/interval-spans.property.test.ts",
      "packages/core/test/interval.test.ts",
      "packages/storage-memory/src/memory-storage.test.ts",
    ],
  },
  "core-access": {
    mutate: ["packages/core/src/access.ts", "packages/core/src/eligibility.ts"],
    tests: [
      "packages/core/test/access.test.ts",
      "packages/core/test/eligibility.test.ts",
      "packages/core/test/members.test.ts",
      "packages/core/test/privacy.test.ts",
    ],
  },
  "core-idempotency-events": {
    mutate: ["packages/core/src/runtime.ts", "packages/core/src/events.ts", "packages/core/src/event-def.ts"],
    tests: [
      "packages/core/test/events.test.ts",
      "packages/core/test/idempotency.test.ts",
      "packages/core/test/command-context.test.ts",
      "packages/core/test/plugin-install.test.ts",
      "packages/core/test/hooks.test.ts",
      "packages/core/test/plugin.test.ts",
      "packages/core/test/members.test.ts",
      "packages/booking/src/idempotency-scope.test.ts",
    ],
  },
  // Booking's rule kinds and availability, split so that each run stays under ~20 minutes on a
  // small machine (the initial dry run executes every listed test). `capacity.ts` is the
  // `booking-capacity` scope; `built-in-rule-kinds.ts` is a list of kinds, no logic.
  "booking-rules-time": {
    mutate: [
      "packages/booking/src/rules/opening-hours.ts",
      "packages/booking/src/rules/closures.ts",
      "packages/booking/src/rules/seasonal.ts",
      "packages/booking/src/rules/slot-grid.ts",
      "packages/booking/src/rules/booking-window.ts",
      "packages/booking/src/rules/duration.ts",
      "packages/booking/src/rules/buffers.ts",
    ],
    tests: [
      "packages/booking/src/rules/opening-hours.test.ts",
      "packages/booking/src/rules/closures.test.ts",
      "packages/booking/src/rules/seasonal.test.ts",
      "packages/booking/src/rules/slot-grid.test.ts",
      "packages/booking/src/rules/booking-window.test.ts",
      "packages/booking/src/rules/duration.test.ts",
      "packages/booking/src/rules/buffers.test.ts",
      "packages/booking/src/rules/capacity.test.ts",
      "packages/booking/src/rules/rule-checks.test.ts",
    ],
  },
  "booking-rules-people": {
    mutate: [
      "packages/booking/src/rules/who-may-book.ts",
      "packages/booking/src/rules/quota.ts",
      "packages/booking/src/rules/future-bookings-cap.ts",
      "packages/booking/src/rules/approval.ts",
      "packages/booking/src/rules/cancellation-deadline.ts",
      "packages/booking/src/rules/check-in.ts",
      "packages/booking/src/rules/no-show-policy.ts",
    ],
    tests: [
      "packages/booking/src/rules/who-may-book.test.ts",
      "packages/booking/src/rules/quota.test.ts",
      "packages/booking/src/rules/no-show-policy.test.ts",
    ],
  },
  "booking-availability": {
    // Availability validates (availability.ts), then sweeps (availability-sweep.ts) over the
    // occupancy steps (occupancy-steps.ts) and the slot grid's starts (slot-grid-points.ts).
    // Pure tests only: dst-slot-grid.test.ts builds a community (seconds per mutant) and
    // proves through the booking API what slot-grid.property.test.ts proves purely.
    mutate: [
      "packages/booking/src/availability.ts",
      "packages/booking/src/availability-sweep.ts",
      "packages/booking/src/occupancy-steps.ts",
      "packages/booking/src/slot-grid-points.ts",
    ],
    tests: [
      "packages/booking/src/availability.test.ts",
      "packages/booking/src/availability-sweep.test.ts",
      "packages/booking/src/availability-reference.property.test.ts",
      "packages/booking/src/occupancy-steps.property.test.ts",
      "packages/booking/src/occupancy-steps.test.ts",
      "packages/booking/src/slot-grid.property.test.ts",
      "packages/booking/src/slot-grid-points.test.ts",
    ],
  },
  "booking-availability-input": {
    // The hand check of a sound `availableSlots` input (availability-input-check.ts), which
    // must give zod's verdict on every input: its property test compares the two.
    mutate: ["packages/booking/src/availability-input-check.ts"],
    tests: [
      "packages/booking/src/availability-input-check.property.test.ts",
      "packages/booking/src/pure-input.test.ts",
      "packages/booking/src/availability.test.ts",
    ],
  },
  "pricing-proration": {
    mutate: ["packages/pricing/src/proration.ts"],
    tests: ["packages/pricing/src/proration.test.ts"],
  },
  "pricing-quote": {
    // The quote path: the quote's steps (membership, tiers, cap, voucher, waiver, deposit),
    // the best tier, vouchers and the public receipt, with the pure tests that prove them (the
    // community tests add little and cost seconds per mutant). Proration has its own scope
    // above. Left out: built-in-components.ts (its zod schemas and their descriptions are
    // static mutants, each rerunning every test file) and membership-period.ts (mostly
    // membership purchase and cancellation, proven by the community tests of membership.test.ts).
    mutate: [
      "packages/pricing/src/quote.ts",
      "packages/pricing/src/eligibility-tier.ts",
      "packages/pricing/src/voucher.ts",
      "packages/pricing/src/receipt.ts",
    ],
    tests: [
      "packages/pricing/src/quote.test.ts",
      "packages/pricing/src/quote.property.test.ts",
      "packages/pricing/src/eligibility-tier.test.ts",
      "packages/pricing/src/receipt.test.ts",
    ],
  },
};

/** Names that stand for several scopes: `booking-rules` is every booking rule and availability. */
export const groups = {
  "booking-rules": [
    "booking-rules-time",
    "booking-rules-people",
    "booking-availability",
    "booking-availability-input",
  ],
};

/** The scopes chosen by `LINLI_MUTATE_SCOPE` (scope or group names), or all of them. */
export function chosenScopes(env = process.env.LINLI_MUTATE_SCOPE) {
  const asked = env ? env.split(",").map((s) => s.trim()) : Object.keys(scopes);
  const names = [...new Set(asked.flatMap((name) => groups[name] ?? [name]))];
  for (const name of names)
    if (!(name in scopes))
      throw new Error(
        `unknown mutation scope "${name}": one of ${[...Object.keys(scopes), ...Object.keys(groups)].join(", ")}`,
      );
  return names.map((name) => scopes[name]);
}
