import { divideRounded, LinliError } from "@linli/core";
import * as z from "zod";
import { pricingErrors } from "./pricing-errors";
import type { PriceUsage } from "./price-component";

/**
 * How a duration becomes a whole number of billing units:
 * - `started`: every started unit counts (31 minutes at 30-minute units = 2 units)
 * - `completed`: only complete units count (59 minutes = 1 unit)
 * - `nearest`: to the nearest unit, halves up (45 minutes = 2 units, 44 = 1)
 */
export const UNIT_ROUNDINGS = ["started", "completed", "nearest"] as const;

/** One of {@link UNIT_ROUNDINGS}. */
export type UnitRounding = (typeof UNIT_ROUNDINGS)[number];

/** The zod schema of time units in a charge: unit length in minutes and the rounding rule. */
export const timeUnitShape = {
  /** Length of one billing unit in minutes (60 for per hour, 30 for per half hour). */
  unitMinutes: z
    .number()
    .int()
    .positive()
    .max(525_600)
    .describe("Length of one billing unit in minutes (60 for per hour, 30 for per half hour)."),
  /** How partial units count. @default "started" */
  unitRounding: z
    .enum(UNIT_ROUNDINGS)
    .default("started")
    .describe(
      "How partial units count: `started` (each started unit), `completed` (complete units only) or `nearest`.",
    ),
  /** At least this many units are charged for any use. @default 0 */
  minimumUnits: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("At least this many units are charged for any use."),
};

/** Time units of a charge, as parsed. */
export interface TimeUnits {
  /** Length of one billing unit in minutes. */
  readonly unitMinutes: number;
  /** How partial units count. */
  readonly unitRounding: UnitRounding;
  /** At least this many units are charged. */
  readonly minimumUnits: number;
}

const MINUTE_MS = 60_000n;

/**
 * The number of billing units of a usage's duration, by integer arithmetic only. Throws
 * `USAGE_END_REQUIRED` for a usage without an end and `USAGE_INVALID` when it ends before it
 * starts.
 */
export function countTimeUnits(units: TimeUnits, usage: PriceUsage, planId: string): number {
  if (usage.end === null) throw LinliError.from(pricingErrors, "USAGE_END_REQUIRED", { planId });
  const ms = usage.end.getTime() - usage.start.getTime();
  if (ms < 0) {
    throw LinliError.from(pricingErrors, "USAGE_INVALID", {
      start: usage.start.toISOString(),
      end: usage.end.toISOString(),
    });
  }
  const unitMs = BigInt(units.unitMinutes) * MINUTE_MS;
  const mode =
    units.unitRounding === "started" ? "ceil" : units.unitRounding === "completed" ? "floor" : "half-up";
  const counted = Number(divideRounded(BigInt(ms), unitMs, mode));
  return Math.max(counted, units.minimumUnits);
}
