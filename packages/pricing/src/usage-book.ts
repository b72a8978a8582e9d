import { type CommandContext, LinliError, localMonthStart, type RowOf, type Tx } from "@linli/core";
import { appendEntry } from "./ledger-book";
import { membershipRequired } from "./members-only";
import { coveragesOf } from "./membership-book";
import { hasValidMembership } from "./membership-period";
import type { PriceBook } from "./price-book";
import { pricingErrors } from "./pricing-errors";
import { ledgerEntryModel, usageModel } from "./pricing-models";
import { quote } from "./quote";
import type { Quote, VoucherUse, Waiver } from "./quote-types";

/** A stored priced use. */
export type Usage = RowOf<typeof usageModel>;

/** A use to price and record. */
export interface UsageRequest {
  /** Who uses it. */
  readonly residentId: string;
  /** What is used. */
  readonly resourceId: string;
  /** When the use starts (prices, eligibility and memberships are read at this instant). */
  readonly start: Date;
  /** When it ends; null for uses without a duration. */
  readonly end: Date | null;
  /** Units used at once. */
  readonly quantity: number;
  /** The booking priced, if any (one quote per booking). */
  readonly bookingId?: string | null;
  /** A voucher code presented. */
  readonly voucherId?: string;
  /** A staff waiver, with its reason. */
  readonly waiver?: Waiver;
}

/**
 * Reads everything a quote needs for a use and prices it, without writing anything. A use of
 * a members-only resource (no price plan, covered by membership plans) by a resident holding
 * no membership covering it at `start` is `MEMBERSHIP_REQUIRED`.
 * `excludeUsageId` leaves one recorded use out of the history (caps, voucher limits,
 * membership uses), to re-price that use itself.
 */
export async function quoteUsage(
  cx: CommandContext,
  book: PriceBook,
  request: UsageRequest,
  excludeUsageId?: string,
): Promise<Quote> {
  if (!book.hasResource(request.resourceId)) {
    throw LinliError.from(pricingErrors, "UNKNOWN_RESOURCE", { resourceId: request.resourceId });
  }
  const plan = book.planFor(request.resourceId);
  const groups = await cx.groupsOf(request.residentId, request.start);
  // Only the memberships valid at the start can cover the use (`coveringMembership`).
  const memberships = await coveragesOf(cx.tx, book, request.residentId, excludeUsageId, request.start);
  // A resource without a price plan that memberships cover is for members only: quoting it
  // as free to a non-member would lie.
  if (
    plan === null &&
    book.membershipPlansFor(request.resourceId).length > 0 &&
    !hasValidMembership(memberships, request.resourceId, request.start)
  ) {
    throw membershipRequired(cx.config, book, request.resourceId);
  }
  let chargedThisPeriod = 0;
  if (plan?.cap) {
    const earlier = await cx.tx.findMany(usageModel, {
      where: [
        { field: "residentId", value: request.residentId },
        { field: "planId", value: plan.id },
        { field: "period", value: periodOf(book, request.start) },
        { field: "reversedAt", value: null },
      ],
      // Only the charges: a use's row also holds its whole stored quote.
      select: ["id", "charged"],
    });
    for (const u of earlier) if (u.id !== excludeUsageId) chargedThisPeriod += u.charged;
  }
  let voucher: VoucherUse | undefined;
  if (request.voucherId !== undefined) {
    const v = book.voucher(request.voucherId);
    if (!v) throw LinliError.from(pricingErrors, "UNKNOWN_VOUCHER", { voucherId: request.voucherId });
    const usedBefore = await cx.tx.count(usageModel, [
      { field: "residentId", value: request.residentId },
      { field: "voucherId", value: v.id },
      { field: "reversedAt", value: null },
      ...(excludeUsageId ? [{ field: "id", op: "ne", value: excludeUsageId } as const] : []),
    ]);
    voucher = { voucher: v, usedBefore };
  }
  const q = quote({
    resourceId: request.resourceId,
    plan,
    groups,
    usage: { start: request.start, end: request.end, quantity: request.quantity },
    memberships,
    chargedThisPeriod,
    ...(voucher ? { voucher } : {}),
    ...(request.waiver ? { waiver: request.waiver } : {}),
    context: book.context,
  });
  if (q.voucherRefusal) {
    const r = q.voucherRefusal;
    throw new LinliError(
      "VOUCHER_NOT_APPLICABLE",
      {
        "zh-CN": `优惠券 ${r.voucherId} 不可用：${r.message["zh-CN"]}`,
        en: `Voucher ${r.voucherId} cannot be used: ${r.message.en}`,
      },
      { details: { voucherId: r.voucherId, reason: r.code } },
    );
  }
  return q;
}

function periodOf(book: PriceBook, at: Date): string {
  return localMonthStart(at, book.timeZone).slice(0, 7);
}

/**
 * Prices a use and records it: the usage row with its quote, a ledger charge (a zero charge
 * with its reason when nothing is due) and, when the plan has one, the deposit held. All in
 * the caller's transaction. Takes the resident's usage lock so caps and voucher limits hold
 * under concurrency.
 */
export async function recordUsage(
  cx: CommandContext,
  book: PriceBook,
  request: UsageRequest,
): Promise<{ usage: Usage; quote: Quote }> {
  await cx.tx.lock(`pricing:usage:${request.residentId}`);
  if (request.bookingId) {
    const existing = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: request.bookingId }]);
    if (existing)
      throw LinliError.from(pricingErrors, "USAGE_ALREADY_PRICED", { bookingId: request.bookingId });
  }
  const q = await quoteUsage(cx, book, request);
  const usage = await cx.tx.create(usageModel, {
    residentId: request.residentId,
    resourceId: request.resourceId,
    planId: q.planId,
    bookingId: request.bookingId ?? null,
    start: request.start,
    end: request.end,
    quantity: request.quantity,
    period: periodOf(book, request.start),
    charged: q.charge.amount,
    deposit: q.deposit.amount,
    currency: q.total.currency,
    membershipId: q.membershipId,
    voucherId: q.voucherId,
    decidedByGroup: q.decidedBy?.group ?? null,
    quote: q,
    createdAt: cx.now,
  });
  const charges = q.lines.filter((l) => l.kind !== "deposit");
  const deciding = charges[charges.length - 1]!;
  await appendEntry(cx, {
    residentId: request.residentId,
    kind: "charge",
    amount: q.charge.amount,
    code: deciding.code,
    text: {
      "zh-CN": charges.map((l) => l.publicText["zh-CN"]).join("；"),
      en: charges.map((l) => l.publicText.en).join("; "),
    },
    reason: request.waiver?.reason ?? null,
    usageId: usage.id,
    bookingId: usage.bookingId,
    membershipId: q.membershipId,
  });
  if (q.deposit.amount > 0) {
    await appendEntry(cx, {
      residentId: request.residentId,
      kind: "deposit-held",
      amount: q.deposit.amount,
      code: "DEPOSIT",
      usageId: usage.id,
      bookingId: usage.bookingId,
    });
  }
  return { usage, quote: q };
}

/** The deposit of a use still held: held minus returned, from the ledger. */
export async function depositHeldFor(tx: Tx, usage: Usage): Promise<number> {
  const entries = await tx.findMany(ledgerEntryModel, {
    where: [
      { field: "residentId", value: usage.residentId },
      { field: "usageId", value: usage.id },
      { field: "kind", op: "in", value: ["deposit-held", "deposit-returned"] },
    ],
  });
  return entries.reduce((acc, e) => acc + e.amount, 0);
}

/** Returns (part of) a use's deposit with a new `deposit-returned` entry. */
export async function returnDeposit(cx: CommandContext, usage: Usage, amount?: number): Promise<number> {
  const held = await depositHeldFor(cx.tx, usage);
  const back = amount ?? held;
  if (back > held || back <= 0) {
    throw LinliError.from(pricingErrors, "DEPOSIT_NOT_HELD", { held, requested: back });
  }
  await appendEntry(cx, {
    residentId: usage.residentId,
    kind: "deposit-returned",
    amount: -back,
    code: "DEPOSIT_RETURNED",
    usageId: usage.id,
    bookingId: usage.bookingId,
  });
  return back;
}

/**
 * Gives a use back (a booking cancelled in time): a `reversal` entry for its charge, its
 * deposit returned, and the usage marked reversed so it no longer counts towards caps,
 * voucher limits or membership uses. Does nothing for a use already reversed.
 */
export async function reverseUsage(cx: CommandContext, usage: Usage, code: string): Promise<void> {
  if (usage.reversedAt !== null) return;
  await cx.tx.lock(`pricing:usage:${usage.residentId}`);
  const charge = await cx.tx.findOne(ledgerEntryModel, [
    { field: "residentId", value: usage.residentId },
    { field: "usageId", value: usage.id },
    { field: "kind", value: "charge" },
  ]);
  await appendEntry(cx, {
    residentId: usage.residentId,
    kind: "reversal",
    amount: -usage.charged,
    code,
    text: { "zh-CN": "取消预约，冲销收费", en: "Booking cancelled in time: charge reversed" },
    relatesTo: charge?.id ?? null,
    usageId: usage.id,
    bookingId: usage.bookingId,
  });
  if ((await depositHeldFor(cx.tx, usage)) > 0) await returnDeposit(cx, usage);
  await cx.tx.updateById(usageModel, usage.id, { reversedAt: cx.now });
}

/** Why a use is priced again: the correction's code and the start of its text. */
export interface RepriceReason {
  /** The correction entry's code. */
  readonly code: string;
  /** The text's start in Chinese. */
  readonly zh: string;
  /** The text's start in English. */
  readonly en: string;
}

/** A booking moved to another slot. */
const RESCHEDULED: RepriceReason = {
  code: "RESCHEDULE_REPRICED",
  zh: "改期后重新计价",
  en: "Re-priced after rescheduling",
};

/**
 * Prices a recorded use again against the current history (itself left out) and, when its
 * charge changed, records the difference as a `correction` entry (code and text by `why`,
 * a rescheduling by default) and stores the new quote.
 * Used when a booking is rescheduled: booking confirms the new slot before it gives back the
 * old one, so the new slot was priced while the old one still counted towards caps and
 * membership uses; and when a priced loan is renewed to a later due date. Returns the
 * difference (0 when nothing changed).
 */
export async function repriceUsage(
  cx: CommandContext,
  book: PriceBook,
  usage: Usage,
  why: RepriceReason = RESCHEDULED,
): Promise<number> {
  if (usage.reversedAt !== null) return 0;
  await cx.tx.lock(`pricing:usage:${usage.residentId}`);
  const request: UsageRequest = {
    residentId: usage.residentId,
    resourceId: usage.resourceId,
    start: usage.start,
    end: usage.end,
    quantity: usage.quantity,
    bookingId: usage.bookingId,
    ...(usage.voucherId ? { voucherId: usage.voucherId } : {}),
  };
  const q = await quoteUsage(cx, book, request, usage.id);
  const diff = q.charge.amount - usage.charged;
  if (diff === 0 && q.membershipId === usage.membershipId) return 0;
  if (diff !== 0) {
    const charge = await cx.tx.findOne(ledgerEntryModel, [
      { field: "residentId", value: usage.residentId },
      { field: "usageId", value: usage.id },
      { field: "kind", value: "charge" },
    ]);
    await appendEntry(cx, {
      residentId: usage.residentId,
      kind: "correction",
      amount: diff,
      code: why.code,
      text: {
        "zh-CN": `${why.zh}：${q.lines.map((l) => l.publicText["zh-CN"]).join("；")}`,
        en: `${why.en}: ${q.lines.map((l) => l.publicText.en).join("; ")}`,
      },
      relatesTo: charge?.id ?? null,
      usageId: usage.id,
      bookingId: usage.bookingId,
    });
  }
  await cx.tx.updateById(usageModel, usage.id, {
    charged: q.charge.amount,
    membershipId: q.membershipId,
    voucherId: q.voucherId,
    decidedByGroup: q.decidedBy?.group ?? null,
    quote: q,
  });
  return diff;
}
