import type { LocalizedText, ReportProblem } from "@linli/core";
import * as z from "zod";
import { amountTexts } from "./money-text";
import type { BaseLine, PriceComponent } from "./price-component";
import { countTimeUnits, type TimeUnits, timeUnitShape } from "./time-units";

/** A non-negative integer amount of minor units, as written in configuration. */
export const amountSchema = z
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .describe("A non-negative integer amount of minor units, as written in configuration.");

/** Config of a `free` charge. */
export const freeSchema = z.object({ kind: z.literal("free") }).describe("Config of a `free` charge.");

/** `free`: costs nothing (gallery viewing, tool lending). One zero line, reason `FREE`. */
export const freeComponent: PriceComponent<z.output<typeof freeSchema>> = {
  kind: "free",
  schema: freeSchema,
  evaluate: () => [{ code: "FREE", amount: 0, text: { "zh-CN": "免费", en: "Free" } }],
};

/** Config of a `per-use` charge: `amount` per use and per unit of quantity. */
export const perUseSchema = z
  .object({ kind: z.literal("per-use"), amount: amountSchema })
  .describe("Config of a `per-use` charge: `amount` per use and per unit of quantity.");

/** `per-use`: a fixed amount per use and per unit of quantity (the drying room's 1 yuan). */
export const perUseComponent: PriceComponent<z.output<typeof perUseSchema>> = {
  kind: "per-use",
  schema: perUseSchema,
  evaluate: (charge, usage, cx) => {
    const each = amountTexts(charge.amount, cx.currency);
    return [
      {
        code: "PER_USE",
        amount: charge.amount * usage.quantity,
        text: {
          "zh-CN": `按次计费：${each["zh-CN"]} × ${usage.quantity}`,
          en: `Per use: ${each.en} × ${usage.quantity}`,
        },
      },
    ];
  },
};

/** Config of a `per-time` charge: `amount` per unit of `unitMinutes`, rounded by `unitRounding`. */
export const perTimeSchema = z
  .object({
    kind: z.literal("per-time"),
    amount: amountSchema,
    ...timeUnitShape,
  })
  .describe("Config of a `per-time` charge: `amount` per unit of `unitMinutes`, rounded by `unitRounding`.");

function unitText(units: TimeUnits): LocalizedText {
  const rule = {
    started: { "zh-CN": "不足一个计费单位按一个计", en: "each started unit counts" },
    completed: { "zh-CN": "只计满单位", en: "complete units only" },
    nearest: { "zh-CN": "四舍五入到整单位", en: "rounded to the nearest unit" },
  }[units.unitRounding];
  return {
    "zh-CN": `每 ${units.unitMinutes} 分钟，${rule["zh-CN"]}`,
    en: `per ${units.unitMinutes} min, ${rule.en}`,
  };
}

/** `per-time`: an amount per unit of time (per hour, per started 30 minutes) with a rounding rule. */
export const perTimeComponent: PriceComponent<z.output<typeof perTimeSchema>> = {
  kind: "per-time",
  schema: perTimeSchema,
  evaluate: (charge, usage, cx) => {
    const units = countTimeUnits(charge, usage, cx.planId);
    const each = amountTexts(charge.amount, cx.currency);
    const rule = unitText(charge);
    return [
      {
        code: "PER_TIME",
        amount: charge.amount * units * usage.quantity,
        text: {
          "zh-CN": `按时计费：${each["zh-CN"]} ${rule["zh-CN"]}，${units} 个单位 × ${usage.quantity}`,
          en: `By time: ${each.en} ${rule.en}, ${units} unit(s) × ${usage.quantity}`,
        },
      },
    ];
  },
};

/** One step of a graduated charge. */
export const stepSchema = z
  .object({
    /** Units up to and including this count are in the step; null for "and above". */
    upTo: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('Units up to and including this count are in the step; null for "and above".'),
    /** Price of each unit within the step. */
    unitAmount: amountSchema.describe("Price of each unit within the step."),
  })
  .describe("One step of a graduated charge.");

/** Config of a `graduated` charge: ascending steps, the last one open-ended. */
export const graduatedSchema = z
  .object({
    kind: z.literal("graduated"),
    /** Units are time units when given; otherwise each use (times quantity) is a unit. */
    unitMinutes: timeUnitShape.unitMinutes.optional(),
    unitRounding: timeUnitShape.unitRounding,
    minimumUnits: timeUnitShape.minimumUnits,
    /** Ascending strictly by `upTo`; only the last may be open (`null`). */
    steps: z
      .array(stepSchema)
      .min(1)
      .describe("Ascending strictly by `upTo`; only the last may be open (`null`)."),
  })
  .describe("Config of a `graduated` charge: ascending steps, the last one open-ended.");

/**
 * The steps' order (checked at config load): `upTo` ascends strictly and only the last step
 * is open-ended. Otherwise a step would price no unit, or the units after an open step none.
 */
function checkSteps(charge: z.output<typeof graduatedSchema>, report: ReportProblem): void {
  let previous = 0;
  charge.steps.forEach((step, i) => {
    const last = i === charge.steps.length - 1;
    if (step.upTo === null && !last) {
      report(["steps", i, "upTo"], "OPEN_STEP_NOT_LAST", {
        "zh-CN": `只有最后一级阶梯可以不设上限（第 ${i + 1} 级之后还有阶梯）`,
        en: `Only the last step may be open (upTo null); step ${i + 1} is followed by others`,
      });
    } else if (step.upTo !== null && step.upTo <= previous) {
      report(["steps", i, "upTo"], "STEPS_NOT_ASCENDING", {
        "zh-CN": `阶梯上限须严格递增：第 ${i + 1} 级上限 ${step.upTo} 不大于前一级的 ${previous}`,
        en: `Step limits ascend strictly: step ${i + 1} ends at ${step.upTo}, not above the previous ${previous}`,
      });
    }
    previous = step.upTo ?? previous;
  });
}

/**
 * `graduated`: tiered per unit, each unit priced by the step it falls in (first 2 hours at
 * 5 yuan, the rest at 3). One line per step used.
 */
export const graduatedComponent: PriceComponent<z.output<typeof graduatedSchema>> = {
  kind: "graduated",
  schema: graduatedSchema,
  check: checkSteps,
  evaluate: (charge, usage, cx) => {
    const units =
      charge.unitMinutes === undefined
        ? usage.quantity
        : countTimeUnits({ ...charge, unitMinutes: charge.unitMinutes }, usage, cx.planId);
    const perQuantity = charge.unitMinutes === undefined ? 1 : usage.quantity;
    const lines: BaseLine[] = [];
    let from = 0;
    for (const step of charge.steps) {
      if (from >= units) break;
      const to = step.upTo === null ? units : Math.min(step.upTo, units);
      const count = to - from;
      const each = amountTexts(step.unitAmount, cx.currency);
      lines.push({
        code: "GRADUATED_STEP",
        amount: step.unitAmount * count * perQuantity,
        text: {
          "zh-CN": `阶梯计费：第 ${from + 1}–${to} 单位，每单位 ${each["zh-CN"]} × ${perQuantity}`,
          en: `Graduated: units ${from + 1}–${to} at ${each.en} each × ${perQuantity}`,
        },
      });
      from = to;
    }
    if (lines.length === 0)
      lines.push({ code: "GRADUATED_STEP", amount: 0, text: { "zh-CN": "零单位", en: "No units" } });
    return lines;
  },
};

/** The components every community has; plugins add more through {@link priceComponents}. */
export const builtInComponents: readonly PriceComponent[] = [
  freeComponent,
  perUseComponent,
  perTimeComponent,
  graduatedComponent,
];
