import { defineCommunityConfig } from "@linli/core";
import { expectTypeOf, test } from "vitest";
import type { BookingOptions } from "./booking-config";
import { bookingPlugin } from "./booking-plugin";

const community = {
  id: "wangjialong",
  name: { "zh-CN": "王家垅社区", en: "Wangjialong" },
  timeZone: "Asia/Shanghai",
  currency: "CNY",
};

test("booking rules in a community config are typed by their kind", () => {
  defineCommunityConfig([bookingPlugin()], {
    community,
    booking: {
      rules: [
        { id: "quota", kind: "quota", period: "day", max: 2 },
        { id: "grid", kind: "slot-grid", granularityMinutes: 30 },
      ],
    },
  });
  defineCommunityConfig([bookingPlugin()], {
    community,
    // @ts-expect-error "teleport" is no rule kind
    booking: { rules: [{ id: "x", kind: "teleport" }] },
  });
  defineCommunityConfig([bookingPlugin()], {
    community,
    // @ts-expect-error a quota's period is day, week or month (and max is a number)
    booking: { rules: [{ id: "q", kind: "quota", period: "fortnight", max: "2" }] },
  });
  // The section may be left out: every field has a default.
  defineCommunityConfig([bookingPlugin()], { community });
});

test("the booking plugin's options are its parsed section", () => {
  const plugin = bookingPlugin();
  expectTypeOf(plugin.id).toEqualTypeOf<"booking">();
  expectTypeOf<Parameters<typeof plugin.api>[0]["options"]>().toEqualTypeOf<BookingOptions>();
});
