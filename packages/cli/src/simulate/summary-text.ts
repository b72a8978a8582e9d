import { moneyText, percentText } from "./money-text";
import type { SimulationResult } from "./run-simulation";

/** Lays rows out as aligned columns (first column left, the others right). */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  return [line(all[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join(
    "\n",
  );
}

/** Occupancy of a resource: booked unit-minutes over capacity × days × 24 h. */
export function occupancy(minutes: number, capacity: number, days: number): number {
  return capacity * days * 1440 === 0 ? 0 : minutes / (capacity * days * 1440);
}

/**
 * The printed summary of a simulation: use per resource, refusals by reason, revenue and
 * waived value by eligibility group, memberships, and each domain's own section. Only what
 * was simulated is shown: no placeholder sections. Deterministic for a result (no timings).
 */
export function summaryText(result: SimulationResult): string {
  const { tally, currency } = result;
  const out: string[] = [];
  out.push(
    `linli simulation: ${result.community.name.en ?? result.community.id} (${result.community.name["zh-CN"] ?? ""}), ` +
      `${result.days} days from ${result.start}, seed ${result.seed}, ${result.timeZone}`,
  );
  for (const section of tally.sections) {
    out.push(
      "",
      `## ${section.title}`,
      table(
        ["", "count"],
        section.rows.map(([k, v]) => [k, v]),
      ),
    );
  }

  out.push("", "## Use per resource");
  out.push(
    table(
      ["resource", "requests", "confirmed", "refused", "booked hours", "occupancy"],
      tally.resources
        .filter((u) => u.requests > 0)
        .map((u) => [
          result.resourceNames[u.resourceId] ?? u.resourceId,
          u.requests,
          u.confirmed,
          u.refused,
          Math.round(u.minutes / 60),
          percentText(occupancy(u.minutes, u.capacity, result.days), 1),
        ]),
    ),
  );

  const reasons = Object.entries(tally.refusals).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  out.push("", "## Refusals by reason");
  if (reasons.length === 0) out.push("none");
  else {
    const total = reasons.reduce((s, [, n]) => s + n, 0);
    out.push(
      table(
        ["reason", "refusals", "share"],
        reasons.map(([code, n]) => [code, n, percentText(n, total)]),
      ),
    );
  }
  const groups = Object.entries(tally.refusedByGroup).sort(([, x], [, y]) => y - x);
  if (groups.length > 0) {
    out.push("", "## Refused requests by resident group");
    out.push(
      table(
        ["group", "refused"],
        groups.map(([g, n]) => [residentGroupLabel(result, g), n]),
      ),
    );
  }

  out.push("", "## Revenue and waived value by eligibility group (the group whose tier priced the use)");
  const paid = tally.money.reduce((s, m) => s + m.paid, 0);
  const waived = tally.money.reduce((s, m) => s + m.waived, 0);
  out.push(
    table(
      ["group", "priced uses", "paid", "waived"],
      [
        ...tally.money.map((m) => [
          groupLabel(result, m.group),
          m.uses,
          moneyText(m.paid, currency),
          moneyText(m.waived, currency),
        ]),
        [
          "total",
          tally.money.reduce((s, m) => s + m.uses, 0),
          moneyText(paid, currency),
          moneyText(waived, currency),
        ],
      ],
    ),
  );
  if (tally.memberships.sold > 0) {
    out.push(
      "",
      `Memberships: ${tally.memberships.sold} sold, ${moneyText(tally.memberships.paid, currency)} paid, ` +
        `${moneyText(tally.memberships.waived, currency)} waived (included above).`,
    );
  }
  return out.join("\n");
}

/** A group's display: `Student (student)`; `none` is the standard price. */
export function groupLabel(result: Pick<SimulationResult, "groupNames">, group: string): string {
  if (group === "none") return "standard price / no group";
  if (group === "(membership)") return "covered by a membership";
  const name = result.groupNames[group];
  return name ? `${name} (${group})` : group;
}

/** A resident's summary group for refusals: `none` is a resident in no eligibility group. */
export function residentGroupLabel(result: Pick<SimulationResult, "groupNames">, group: string): string {
  return group === "none" ? "no eligibility group" : groupLabel(result, group);
}
