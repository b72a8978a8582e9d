import type { CommunityConfigInput } from "@linli/core";
import { moneyText } from "./money-text";
import { type SimulateExtras, type SimulationResult, simulate } from "./run-simulation";
import type { SimulationOptionsInput } from "./simulation-options";
import type { SimulationPlugins } from "./simulation-world";
import { groupLabel, residentGroupLabel, table } from "./summary-text";

/** The same synthetic demand under the current and the changed rules. */
export interface WhatifResult {
  /** Under the current rules. */
  readonly before: SimulationResult;
  /** Under the changed rules. */
  readonly after: SimulationResult;
}

/**
 * Runs the same seeded demand twice, under `before` and `after` (each on its own temporary
 * SQLite file): residents, their habits and every request are the same, since demand never
 * depends on outcomes; only the rules' answers differ. `db` is not allowed (two runs).
 */
export async function whatif(
  before: CommunityConfigInput<SimulationPlugins>,
  after: CommunityConfigInput<SimulationPlugins>,
  options: Omit<SimulationOptionsInput, "db"> = {},
  extras: SimulateExtras = {},
): Promise<WhatifResult> {
  const { db: _ignored, ...shared } = options as SimulationOptionsInput;
  const days = shared.days ?? 30;
  const first = await simulate(before, shared, {
    ...extras,
    onDay: (d) => extras.onDay?.(d, days * 2),
  });
  const second = await simulate(after, shared, {
    ...extras,
    onDay: (d) => extras.onDay?.(days + d, days * 2),
  });
  return { before: first, after: second };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const signedMoney = (n: number, currency: string) =>
  n > 0 ? `+${moneyText(n, currency)}` : moneyText(n, currency);

/** Rows of a before/after comparison over the union of keys, with the difference. */
function compare(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
  format: (n: number) => string = String,
  diff: (n: number) => string = signed,
): string[][] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .map((k) => [k, before[k] ?? 0, after[k] ?? 0] as const)
    .filter(([, b, a]) => b !== 0 || a !== 0)
    .map(([k, b, a]) => [k, format(b), format(a), diff(a - b)]);
}

/** Totals of a money table by group. */
function moneyBy(result: SimulationResult, field: "paid" | "waived"): Record<string, number> {
  return Object.fromEntries(result.tally.money.map((m) => [groupLabel(result, m.group), m[field]]));
}

/** Refused requests per resource (by name). */
function refusedByResource(result: SimulationResult): Record<string, number> {
  return Object.fromEntries(
    result.tally.resources.map((u) => [result.resourceNames[u.resourceId] ?? u.resourceId, u.refused]),
  );
}

/**
 * The side-by-side text of `linli whatif`: who is refused (by reason, by resource, by
 * resident group), what is paid and what is waived (by the group whose tier priced the use),
 * current rules against changed rules, with the difference.
 */
export function whatifText({ before, after }: WhatifResult): string {
  const c = before.currency;
  const money = (n: number) => moneyText(n, c);
  const head = ["", "current", "changed", "difference"];
  const total = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((s, n) => s + n, 0);
  const refusedTotal = (r: SimulationResult) => r.tally.resources.reduce((s, u) => s + u.refused, 0);
  const paid = (r: SimulationResult) => total(moneyBy(r, "paid"));
  const waived = (r: SimulationResult) => total(moneyBy(r, "waived"));
  const lines = [
    `linli whatif: ${before.community.name.en ?? before.community.id}, the same ${before.days} days of demand ` +
      `(seed ${before.seed}, from ${before.start}) under the current and the changed rules`,
    "",
    table(head, [
      [
        "refused requests",
        String(refusedTotal(before)),
        String(refusedTotal(after)),
        signed(refusedTotal(after) - refusedTotal(before)),
      ],
      ["paid", money(paid(before)), money(paid(after)), signedMoney(paid(after) - paid(before), c)],
      ["waived", money(waived(before)), money(waived(after)), signedMoney(waived(after) - waived(before), c)],
    ]),
    "",
    "## Who is refused: by reason",
    table(head, compare(before.tally.refusals, after.tally.refusals)),
    "",
    "## Who is refused: by resource",
    table(head, compare(refusedByResource(before), refusedByResource(after))),
    "",
    "## Who is refused: by resident group",
    table(
      head,
      compare(
        Object.fromEntries(
          Object.entries(before.tally.refusedByGroup).map(([g, n]) => [residentGroupLabel(before, g), n]),
        ),
        Object.fromEntries(
          Object.entries(after.tally.refusedByGroup).map(([g, n]) => [residentGroupLabel(after, g), n]),
        ),
      ),
    ),
    "",
    "## What is paid, by group",
    table(
      head,
      compare(moneyBy(before, "paid"), moneyBy(after, "paid"), money, (n) => signedMoney(n, c)),
    ),
    "",
    "## What is waived, by group",
    table(
      head,
      compare(moneyBy(before, "waived"), moneyBy(after, "waived"), money, (n) => signedMoney(n, c)),
    ),
  ];
  return lines.join("\n");
}
