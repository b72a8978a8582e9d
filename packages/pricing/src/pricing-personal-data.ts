import type { PersonalDataHooks } from "@linli/core";
import { ledgerEntryModel, membershipModel, usageModel } from "./pricing-models";

/**
 * Pricing's part of a resident's data requests: their usage, memberships and ledger in full.
 * Erasure keeps every amount (the ledger is the community's accounts and revenue statistics
 * are read from it) and clears the free text staff wrote about the resident: the reasons of
 * waivers and corrections, and payment references.
 */
export const pricingPersonalData: PersonalDataHooks = {
  export: async (cx, residentId) => {
    const where = [{ field: "residentId" as const, value: residentId }];
    return {
      usage: await cx.tx.findMany(usageModel, { where, orderBy: [{ field: "start" }] }),
      memberships: await cx.tx.findMany(membershipModel, { where, orderBy: [{ field: "validFrom" }] }),
      ledger: await cx.tx.findMany(ledgerEntryModel, { where, orderBy: [{ field: "seq" }] }),
    };
  },
  erase: async (cx, residentId) => {
    const entries = await cx.tx.findMany(ledgerEntryModel, {
      where: [{ field: "residentId", value: residentId }],
    });
    for (const entry of entries) {
      if (entry.reason === null && entry.reference === null) continue;
      await cx.tx.updateById(ledgerEntryModel, entry.id, {
        reason: null,
        reference: null,
        // The text repeats the reason: keep only its code's neutral wording.
        text: { "zh-CN": entry.code, en: entry.code },
      });
    }
  },
};
