import { bookingPlugin } from "@linli/booking";
import { createCommunity, defineCommunityConfig } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { expectTypeOf, test } from "vitest";
import { asJson, wangjialongConfig } from "../test/fixtures";
import type { LedgerEntry } from "./ledger-book";
import type { Membership } from "./membership-book";
import { pricingPlugin } from "./pricing-plugin";
import type { Quote } from "./quote-types";

test("the pricing API is typed on the community", async () => {
  const community = await createCommunity({
    config: wangjialongConfig(),
    storage: memoryStorage(),
    plugins: [pricingPlugin()],
  });
  const actor = { kind: "staff", id: "desk" } as const;
  expectTypeOf(community.pricing.quote).returns.resolves.toEqualTypeOf<Quote>();
  expectTypeOf(community.pricing.memberships.purchase).returns.resolves.toEqualTypeOf<Membership>();
  expectTypeOf(community.pricing.ledger.recordPayment).returns.resolves.toEqualTypeOf<LedgerEntry>();
  expectTypeOf(community.pricing.ledger.balance)
    .returns.resolves.toHaveProperty("balance")
    .toEqualTypeOf<number>();
  // @ts-expect-error amounts are money objects in integer minor units, not strings
  void community.pricing.ledger.recordPayment({ actor, amount: "1.00", method: "cash" });
  const iou = { actor, amount: { amount: 100, currency: "CNY" }, method: "iou" } as const;
  // @ts-expect-error the payment method is one of the known methods
  void community.pricing.ledger.recordPayment(iou);

  // A JSON config (`any`): typed by wangjialongConfig(), the config alone would make
  // createCommunity infer the pricing plugin (its plugins type is inferred from the config too).
  // @ts-expect-error a membership names its resident: memberships.cancel takes no forResident
  void community.pricing.memberships.cancel({ actor, forResident: "wang", membershipId: "m1" });
  // @ts-expect-error the resident is forResident, never a residentId input
  void community.pricing.ledger.balance({ actor, residentId: "wang" });

  // Bound once: no actor, no forResident.
  const wang = community.as(actor).for("wang").pricing;
  expectTypeOf(wang.ledger.balance).returns.resolves.toHaveProperty("balance").toEqualTypeOf<number>();
  expectTypeOf(wang.quote).returns.resolves.toEqualTypeOf<Quote>();
  void wang.quote({ resourceId: "gym", start: "2026-06-02T01:00:00Z" });
  // Commands that concern no resident (subject "none") are not on a resident binding...
  expectTypeOf(wang.memberships).not.toHaveProperty("cancel");
  // ...but on the actor's.
  void community.as(actor).pricing.memberships.cancel({ membershipId: "m1" });

  const bare = await createCommunity({ config: asJson(wangjialongConfig()), storage: memoryStorage() });
  // @ts-expect-error no pricing plugin, no pricing API
  bare.pricing;
});

test("requires-membership, contributed by pricing, is a typed booking rule kind", () => {
  const community = {
    id: "wangjialong",
    name: { "zh-CN": "王家垅社区", en: "Wangjialong" },
    timeZone: "Asia/Shanghai",
    currency: "CNY",
  };
  defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
    community,
    booking: { rules: [{ id: "gym-members", kind: "requires-membership", plans: ["gym-monthly"] }] },
  });
  defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
    community,
    // @ts-expect-error plans is a list of membership plan ids
    booking: { rules: [{ id: "gym-members", kind: "requires-membership", plans: "gym-monthly" }] },
  });
});
