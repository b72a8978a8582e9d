import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { createItemType, createUnit } from "../catalog-units";
import { lendingEvents } from "../events";
import { getItemType, type LendingCx, lockType, requireCategory } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { conditionInput, idInput, localDateInput } from "../lending-inputs";
import { type Donation, donationModel, type Item, itemTypeModel, TRACKING } from "../lending-models";

/**
 * `lending.donations.offer`: a resident offers items (of a type in the catalog, or a new
 * kind). `creditDonor` says whether they agree to be named as donor. Emits `DonationOffered`.
 */
export const offer = defineCommand({
  subject: "required",
  input: z.object({
    itemTypeId: idInput.optional(),
    newType: z
      .object({
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*$/)
          .max(100),
        category: idInput,
        nameZh: z.string().min(1).max(200),
        nameEn: z.string().min(1).max(200),
        tracking: z.enum(TRACKING).default("stock"),
      })
      .optional(),
    description: z.string().min(1).max(1000),
    quantity: z.number().int().min(1).max(100).default(1),
    condition: conditionInput.default("good"),
    creditDonor: z.boolean().default(false),
  }),
  run: async (cx: LendingCx & { subject: string }, input): Promise<Donation> => {
    if ((input.itemTypeId === undefined) === (input.newType === undefined))
      throw LinliError.from(lendingErrors, "INVALID_RANGE", {
        reason: "请指定已有物品种类或新种类之一",
        reasonEn: "give exactly one of itemTypeId and newType",
      });
    if (input.itemTypeId !== undefined) await getItemType(cx, input.itemTypeId);
    if (input.newType) requireCategory(cx.options, input.newType.category);
    const donation = await cx.tx.create(donationModel, {
      donorId: cx.subject,
      itemTypeId: input.itemTypeId ?? null,
      newType: input.newType ?? null,
      description: input.description,
      quantity: input.quantity,
      condition: input.condition,
      creditDonor: input.creditDonor,
      status: "offered",
      offeredAt: cx.now,
    });
    await cx.emit(lendingEvents.DonationOffered, { donationId: donation.id, donorId: cx.subject });
    return donation;
  },
});

async function offered(cx: LendingCx, donationId: string): Promise<Donation> {
  const donation = await cx.tx.findById(donationModel, donationId);
  if (!donation) throw LinliError.from(lendingErrors, "DONATION_NOT_FOUND", { donationId });
  if (donation.status !== "offered")
    throw LinliError.from(lendingErrors, "DONATION_ALREADY_REVIEWED", {
      donationId,
      status: donation.status,
    });
  return donation;
}

/** `lending.donations.decline`: staff decline a donation with a reason. Emits `DonationDeclined`. */
export const decline = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ donationId: idInput, reason: z.string().min(1).max(500) }),
  run: async (cx: LendingCx, input): Promise<Donation> => {
    const donation = await offered(cx, input.donationId);
    const declined = await cx.tx.updateById(donationModel, donation.id, {
      status: "declined",
      reviewedBy: cx.actor.id,
      reviewedAt: cx.now,
      declineReason: input.reason,
    });
    await cx.emit(lendingEvents.DonationDeclined, { donationId: donation.id });
    return declined;
  },
});

/**
 * `lending.donations.accept`: staff accept a donation: its units enter the catalog with the
 * codes given (one per unit), the donor recorded and credited only if they agreed; a new kind
 * becomes an item type. Emits `DonationAccepted` (donor named only if credited).
 */
export const accept = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({
    donationId: idInput,
    /** One code per unit donated. */
    codes: z.array(z.string().min(1).max(100)).min(1).max(100),
    location: idInput.optional(),
    acquiredOn: localDateInput.optional(),
  }),
  run: async (cx: LendingCx, input): Promise<{ donation: Donation; items: Item[] }> => {
    const donation = await offered(cx, input.donationId);
    if (input.codes.length !== donation.quantity)
      throw LinliError.from(lendingErrors, "INVALID_RANGE", {
        reason: `捐赠 ${donation.quantity} 件，需要 ${donation.quantity} 个编号`,
        reasonEn: `${donation.quantity} units donated: give ${donation.quantity} codes`,
      });
    let type = donation.itemTypeId ? await getItemType(cx, donation.itemTypeId) : null;
    if (!type && donation.newType) {
      const existing = await cx.tx.findById(itemTypeModel, donation.newType.id);
      type = existing ?? (await createItemType(cx, { ...donation.newType, tags: [], photos: [] }));
    }
    if (!type) throw LinliError.from(lendingErrors, "UNKNOWN_ITEM_TYPE", { itemTypeId: "" });
    await lockType(cx, type.id);
    const items: Item[] = [];
    for (const code of input.codes)
      items.push(
        await createUnit(cx, type, {
          code,
          condition: donation.condition,
          location: input.location ?? null,
          acquisition: "donated",
          donorId: donation.donorId,
          donorCredited: donation.creditDonor,
          acquiredOn: input.acquiredOn ?? null,
        }),
      );
    const accepted = await cx.tx.updateById(donationModel, donation.id, {
      status: "accepted",
      reviewedBy: cx.actor.id,
      reviewedAt: cx.now,
      itemTypeId: type.id,
      itemIds: items.map((i) => i.id),
    });
    await cx.emit(lendingEvents.DonationAccepted, {
      donationId: donation.id,
      itemIds: items.map((i) => i.id),
      donorId: donation.creditDonor ? donation.donorId : null,
    });
    return { donation: accepted, items };
  },
});
