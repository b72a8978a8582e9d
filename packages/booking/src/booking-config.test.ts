import {
  communityConfigJsonSchema,
  contribute,
  createCommunity,
  definePlugin,
  manualClock,
  violation,
} from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { cst, desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";
import { bookingPlugin } from "./booking-plugin";
import { bookingRuleKinds, defineRuleKind } from "./rule-kind";

/** A courtyard council's own rule kind: no more than N seats per booking. */
const maxSeatsKind = defineRuleKind({
  kind: "max-seats-per-booking",
  description: { "zh-CN": "每次预约的座位上限", en: "Seats per booking" },
  params: z.object({ max: z.number().int().positive() }),
  evaluate: (params, cx) =>
    (cx.request.quantity ?? 1) <= params.max
      ? []
      : [
          violation(
            "TOO_MANY_SEATS",
            cx.rule.id,
            { "zh-CN": "每次最多预约 {max} 个座位", en: "At most {max} seats per booking" },
            { max: params.max },
          ),
        ],
});
const councilPlugin = () =>
  definePlugin({
    id: "courtyard-council",
    requires: ["booking"],
    contributes: [contribute(bookingRuleKinds, [maxSeatsKind])],
    api: () => ({}),
  });

/** A kind with a contradiction its schema cannot express: at least `min` and at most `max` seats. */
const seatsBetweenKind = defineRuleKind({
  kind: "seats-between",
  description: { "zh-CN": "每次预约的座位数范围", en: "Seats per booking, between two numbers" },
  params: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
  check(params, report) {
    if (params.min > params.max)
      report(["min"], "SEATS_MIN_ABOVE_MAX", {
        "zh-CN": `最少座位数 ${params.min} 大于最多座位数 ${params.max}`,
        en: `At least ${params.min} seats is more than at most ${params.max}`,
      });
  },
  evaluate: () => [],
});
const seatsPlugin = () =>
  definePlugin({
    id: "seats",
    requires: ["booking"],
    contributes: [contribute(bookingRuleKinds, [seatsBetweenKind])],
    api: () => ({}),
  });

describe("booking configuration", () => {
  test("every problem is listed at load time, with its path", async () => {
    const config = wangjialongConfig({
      booking: {
        rules: [
          { id: "a", kind: "opening-hours", weekly: { mon: [{ from: "09:00", to: "25:00" }] } },
          { id: "b", kind: "quota", appliesTo: { resources: ["sauna"] }, period: "day", max: 1 },
          { id: "b", kind: "who-may-book", appliesTo: { resourceGroups: ["laundry"] }, groups: ["veterans"] },
          // @ts-expect-error "teleport" is no rule kind: a compile error here, a run-time problem in JSON
          { id: "c", kind: "teleport" },
        ],
      },
    });
    const error = await createCommunity({
      config,
      storage: memoryStorage(),
      plugins: [bookingPlugin()],
    }).catch((e) => e);
    expect(error.code).toBe("CONFIG_INVALID");
    // Structural problems (the bad time, the unknown kind) and cross references, in one pass.
    expect((error.details.problems as { code: string; path: string }[]).map((p) => [p.path, p.code])).toEqual(
      [
        ["booking.rules[0].weekly.mon[0].to", "INVALID_TIME"],
        ["booking.rules[3].kind", "INVALID_UNION"],
        ["booking.rules[1].appliesTo.resources[0]", "UNKNOWN_RESOURCE"],
        ["booking.rules[2].id", "DUPLICATE_ID"],
        ["booking.rules[2].appliesTo.resourceGroups[0]", "UNKNOWN_RESOURCE_GROUP"],
        ["booking.rules[2].groups[0]", "UNKNOWN_GROUP"],
      ],
    );
  });

  test("a contributed rule kind's own check runs at load like a built-in one's", async () => {
    const config = wangjialongConfig();
    (config.booking as { rules: unknown[] }).rules.push(
      { id: "seats-a", kind: "seats-between", appliesTo: { resources: ["library"] }, min: 4, max: 2 },
      { id: "seats-b", kind: "seats-between", appliesTo: { resources: ["library"] }, min: 1, max: 2 },
    );
    const error = await createCommunity({
      config,
      storage: memoryStorage(),
      plugins: [bookingPlugin(), seatsPlugin()],
    }).catch((e) => e);
    expect(error.code).toBe("CONFIG_INVALID");
    const problems = error.details.problems as {
      code: string;
      path: string;
      message: Record<string, string>;
    }[];
    const index = (config.booking as { rules: unknown[] }).rules.length - 2;
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [`booking.rules[${index}].min`, "SEATS_MIN_ABOVE_MAX"],
    ]);
    expect(problems[0]!.message["zh-CN"]).toBe("最少座位数 4 大于最多座位数 2");
  });

  test("a community plugin adds a rule kind without touching the engine: config, booking and availability use it", async () => {
    const config = wangjialongConfig();
    (config.booking as { rules: unknown[] }).rules.push({
      id: "council-seats",
      kind: "max-seats-per-booking",
      appliesTo: { resources: ["library"] },
      max: 2,
    });
    const { community } = await wangjialong({ config, plugins: [councilPlugin()] });
    const refused = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "library",
      quantity: 3,
      start: cst("2026-07-06T19:00"),
      end: cst("2026-07-06T21:00"),
    });
    expect(!refused.ok && refused.violations.map((v) => [v.code, v.rule, v.message.en])).toEqual([
      ["TOO_MANY_SEATS", "council-seats", "At most 2 seats per booking"],
    ]);
    const [library] = await community.booking.availability({
      actor: resident("wang"),
      resourceId: "library",
      start: cst("2026-07-06T19:00"),
      end: cst("2026-07-06T20:00"),
      quantity: 3,
    });
    expect(library!.slots).toEqual([]);
    // Without the plugin, the kind is unknown and the config is refused.
    await expect(
      createCommunity({
        config,
        storage: memoryStorage(),
        plugins: [bookingPlugin()],
        clock: manualClock("2026-07-01"),
      }),
    ).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
  });

  test("the JSON Schema for editors names every registered rule kind", () => {
    const plugins = [bookingPlugin(), councilPlugin()];
    const schema = JSON.stringify(communityConfigJsonSchema(plugins));
    for (const kind of ["opening-hours", "quota", "seasonal", "no-show-policy", "max-seats-per-booking"])
      expect(schema).toContain(`"${kind}"`);
  });
});
