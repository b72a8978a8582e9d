import {
  type CommandContext,
  coreErrors,
  LinliError,
  type LocalizedText,
  type Page,
  readPage,
  type RowOf,
  type Tx,
} from "@linli/core";
import { pricingEvents } from "./events";
import {
  balanceOf,
  ENTRY_SIGN,
  ENTRY_TEXT,
  type LedgerBalance,
  type LedgerEntryKind,
  type PaymentMethod,
} from "./ledger-entry";
import { pricingErrors } from "./pricing-errors";
import { ledgerEntryModel } from "./pricing-models";

/** A stored ledger entry. */
export type LedgerEntry = RowOf<typeof ledgerEntryModel>;

/** What a caller gives to append an entry; the book adds seq, currency, actor and time. */
export interface NewLedgerEntry {
  /** Whose ledger. */
  readonly residentId: string;
  /** The entry's kind (fixes the amount's sign). */
  readonly kind: LedgerEntryKind;
  /** Signed integer minor units; must match the kind's sign. */
  readonly amount: number;
  /** Stable reason code. */
  readonly code: string;
  /** The explanation; the kind's default text when absent. */
  readonly text?: LocalizedText;
  /** A free-text reason (waivers, corrections). */
  readonly reason?: string | null;
  /** How money moved (payments, payouts). */
  readonly method?: PaymentMethod | null;
  /** The app's external reference (a WeChat Pay transaction id). */
  readonly reference?: string | null;
  /** The entry this one reverses, waives or corrects. */
  readonly relatesTo?: string | null;
  /** The priced use it belongs to. */
  readonly usageId?: string | null;
  /** The booking it belongs to. */
  readonly bookingId?: string | null;
  /** The membership it belongs to. */
  readonly membershipId?: string | null;
}

/** The per-resident lock that serializes the ledger's sequence numbers. */
export const ledgerLockKey = (residentId: string) => `pricing:ledger:${residentId}`;

/**
 * Appends one entry to a resident's ledger inside the command's transaction: takes the
 * resident's ledger lock, numbers the entry after the last one, and emits
 * `LedgerEntryAppended`. Entries are never updated or deleted by linli.
 */
export async function appendEntry(cx: CommandContext, entry: NewLedgerEntry): Promise<LedgerEntry> {
  const sign = ENTRY_SIGN[entry.kind];
  if (
    !Number.isSafeInteger(entry.amount) ||
    (sign === 1 && entry.amount < 0) ||
    (sign === -1 && entry.amount > 0)
  ) {
    throw LinliError.from(coreErrors, "INVALID_AMOUNT", { amount: entry.amount });
  }
  await cx.tx.lock(ledgerLockKey(entry.residentId));
  const [last] = await cx.tx.findMany(ledgerEntryModel, {
    where: [{ field: "residentId", value: entry.residentId }],
    orderBy: [{ field: "seq", direction: "desc" }],
    limit: 1,
  });
  const before = last ? await runningBalance(cx.tx, last) : { balance: 0, depositsHeld: 0, entries: 0 };
  const held = entry.kind === "deposit-held" || entry.kind === "deposit-returned" ? entry.amount : 0;
  const after = { balance: before.balance + entry.amount, depositsHeld: before.depositsHeld + held };
  if (!Number.isSafeInteger(after.balance) || !Number.isSafeInteger(after.depositsHeld)) {
    // A balance past 2^53 minor units cannot be kept exactly: refused like a bad amount.
    throw LinliError.from(coreErrors, "INVALID_AMOUNT", { amount: entry.amount });
  }
  const row = await cx.tx.create(ledgerEntryModel, {
    residentId: entry.residentId,
    seq: (last?.seq ?? 0) + 1,
    kind: entry.kind,
    amount: entry.amount === 0 ? 0 : entry.amount,
    currency: cx.config.community.currency,
    code: entry.code,
    text: entry.text ?? ENTRY_TEXT[entry.kind],
    reason: entry.reason ?? null,
    method: entry.method ?? null,
    reference: entry.reference ?? null,
    relatesTo: entry.relatesTo ?? null,
    usageId: entry.usageId ?? null,
    bookingId: entry.bookingId ?? null,
    membershipId: entry.membershipId ?? null,
    actorKind: cx.actor.kind,
    actorId: cx.actor.id,
    createdAt: cx.now,
    balanceAfter: after.balance,
    depositsHeldAfter: after.depositsHeld,
  });
  await cx.emit(pricingEvents.LedgerEntryAppended, {
    entryId: row.id,
    residentId: row.residentId,
    kind: row.kind,
    amount: row.amount,
    currency: row.currency,
  });
  return row;
}

/** Every entry of a resident's ledger in order (unbounded: for the legacy balance only). */
function allEntriesOf(tx: Tx, residentId: string): Promise<LedgerEntry[]> {
  return tx.findMany(ledgerEntryModel, {
    where: [{ field: "residentId", value: residentId }],
    orderBy: [{ field: "seq" }],
  });
}

/** A page of a resident's entries, in order (`seq`). */
export function entriesOf(
  tx: Tx,
  residentId: string,
  page: { limit: number; after?: string | undefined },
): Promise<Page<LedgerEntry>> {
  return readPage(tx, ledgerEntryModel, {
    where: [{ field: "residentId", value: residentId }],
    order: { field: "seq" },
    limit: page.limit,
    after: page.after,
  });
}

/** One entry of a resident's ledger, or `LEDGER_ENTRY_NOT_FOUND` (an entry of someone else's ledger is not found either). */
export async function ledgerEntryOf(tx: Tx, residentId: string, entryId: string): Promise<LedgerEntry> {
  const entry = await tx.findOne(ledgerEntryModel, [
    { field: "id", value: entryId },
    { field: "residentId", value: residentId },
  ]);
  if (!entry) throw LinliError.from(pricingErrors, "LEDGER_ENTRY_NOT_FOUND", { residentId, entryId });
  return entry;
}

/**
 * The balance as of `last`, a resident's latest entry: its running balance (one row read);
 * entries written before running balances existed are summed once.
 */
async function runningBalance(tx: Tx, last: LedgerEntry): Promise<LedgerBalance> {
  if (last.balanceAfter !== null && last.depositsHeldAfter !== null) {
    return { balance: last.balanceAfter, depositsHeld: last.depositsHeldAfter, entries: last.seq };
  }
  return balanceOf(await allEntriesOf(tx, last.residentId));
}

/** A resident's balance, read inside a transaction from the latest entry's running balance. */
export async function balanceAt(tx: Tx, residentId: string): Promise<LedgerBalance> {
  const [last] = await tx.findMany(ledgerEntryModel, {
    where: [{ field: "residentId", value: residentId }],
    orderBy: [{ field: "seq", direction: "desc" }],
    limit: 1,
  });
  return last ? runningBalance(tx, last) : { balance: 0, depositsHeld: 0, entries: 0 };
}
