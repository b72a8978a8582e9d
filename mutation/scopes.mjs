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
  "booking-rules": {
    mutate: [
      "packages/booking/src/rules/*.ts",
      "!packages/booking/src/rules/*.test.ts",
      "packages/booking/src/availability.ts",
    ],
    tests: ["packages/booking/src/rules/*.test.ts", "packages/booking/src/*.test.ts"],
  },
  "pricing-proration": {
    mutate: ["packages/pricing/src/proration.ts"],
    tests: ["packages/pricing/src/proration.test.ts"],
  },
  "pricing-quote": {
    mutate: [
      "packages/pricing/src/quote.ts",
      "packages/pricing/src/eligibility-tier.ts",
      "packages/pricing/src/proration.ts",
    ],
    tests: ["packages/pricing/src/*.test.ts"],
  },
};

/** The scopes chosen by `LINLI_MUTATE_SCOPE`, or all of them. */
export function chosenScopes(env = process.env.LINLI_MUTATE_SCOPE) {
  const names = env ? env.split(",").map((s) => s.trim()) : Object.keys(scopes);
  for (const name of names)
    if (!(name in scopes))
      throw new Error(`unknown mutation scope "${name}": one of ${Object.keys(scopes).join(", ")}`);
  return names.map((name) => scopes[name]);
}
