import type { CommunityConfig } from "@linli/core";

/** Local opening ranges of one weekday, in minutes after midnight: [from, to). */
export type DayWindows = readonly (readonly [number, number])[];

/** The parts of a configured opening-hours rule read here. */
interface OpeningRuleView {
  readonly kind: string;
  readonly appliesTo?: {
    readonly resources?: readonly string[];
    readonly resourceGroups?: readonly string[];
  };
  readonly alwaysOpen?: boolean;
  readonly weekly?: Readonly<Record<string, readonly { readonly from: string; readonly to: string }[]>>;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The weekly opening windows of each resource, read from the booking section's
 * `opening-hours` rules (the first rule that names the resource, directly or by group):
 * residents mostly ask for times the desk says are open. Resources open always, or with no
 * such rule, are absent (their profile's hours apply).
 */
export function openingWindows(config: CommunityConfig): Map<string, readonly DayWindows[]> {
  const rules = (config.booking as { rules?: readonly OpeningRuleView[] } | undefined)?.rules ?? [];
  const out = new Map<string, readonly DayWindows[]>();
  const seen = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== "opening-hours") continue;
    const ids = new Set(rule.appliesTo?.resources ?? []);
    for (const g of rule.appliesTo?.resourceGroups ?? [])
      for (const id of config.resourceGroups.find((x) => x.id === g)?.resources ?? []) ids.add(id);
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (rule.alwaysOpen || !rule.weekly) continue;
      const weekly = rule.weekly;
      out.set(
        id,
        WEEKDAYS.map((d) =>
          (weekly[d] ?? []).map((r) => [minutes(r.from), r.to === "24:00" ? 1440 : minutes(r.to)] as const),
        ),
      );
    }
  }
  return out;
}

/**
 * A start minute inside one of the day's windows that leaves room for `length` minutes, on
 * the hour (or the window's own start), or null when the day has no window long enough.
 * `pick` chooses among the candidates (a seeded random index).
 */
export function startInWindows(
  windows: DayWindows,
  length: number,
  pick: (n: number) => number,
): number | null {
  const candidates: number[] = [];
  for (const [from, to] of windows) {
    if (to - from < length) continue;
    candidates.push(from);
    for (let m = Math.ceil((from + 1) / 60) * 60; m + length <= to; m += 60) candidates.push(m);
  }
  if (candidates.length === 0) return null;
  return candidates[pick(candidates.length)] ?? null;
}
