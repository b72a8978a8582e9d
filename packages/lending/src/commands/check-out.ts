import { COUNTER_ACTORS } from "../counter-actors";
import { coreErrors, defineCommand, isLinliError, LinliError, type Violation } from "@linli/core";
import { residentModel } from "@linli/core/adapter";
import * as z from "zod";
import { loadBorrowerFacts } from "../borrower-facts";
import { dueDate } from "../due-date";
import { lendingEvents } from "../events";
import { loanPriceFields } from "../loan-charges";
import { borrowerFactsNeeded, loanEligibility } from "../loan-eligibility";
import { calendarOf, type LendingCx, lockTypes, STATUS_TEXT, termsOf } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { idInput } from "../lending-inputs";
import {
  type Entry,
  entryInput,
  resolveEntries,
  type TypeFacts,
  type Unit,
  UNIT_FIELDS,
  unitsById,
} from "./check-out-entries";
import { claimModel, holdModel, itemModel, type Loan, loanModel } from "../lending-models";
import { lendingPolicyKinds } from "../policy-kind";

/** The outcome of `lending.checkOut`: the loans made, or every reason the loan is refused. */
export type CheckOutOutcome =
  | {
      readonly ok: true;
      readonly violations: readonly [];
      readonly batchId: string;
      readonly loans: readonly Loan[];
    }
  | { readonly ok: false; readonly violations: readonly [Violation, ...Violation[]] };

/** Refuses a named unit that cannot go out to this resident (bad input: nothing is written). */
async function requireLendable(cx: LendingCx, item: Unit, residentId: string): Promise<void> {
  if (item.status === "retired") throw LinliError.from(lendingErrors, "ITEM_RETIRED", { code: item.code });
  if (item.status === "on-hold-shelf") {
    const mine = await cx.tx.findOne(holdModel, [
      { field: "itemId", value: item.id },
      { field: "status", value: "ready" },
      { field: "residentId", value: residentId },
    ]);
    if (!mine) throw LinliError.from(lendingErrors, "ON_HOLD_FOR_ANOTHER", { code: item.code });
    return;
  }
  if (item.status !== "available")
    throw LinliError.from(lendingErrors, "ITEM_NOT_AVAILABLE", {
      code: item.code,
      status: STATUS_TEXT[item.status],
    });
}

/** Claims a unit from now to the due date; false when a reservation holds it in that range. */
async function claim(cx: LendingCx, item: Unit, residentId: string, loanId: string, dueAt: Date) {
  try {
    await cx.tx.reserve(claimModel, {
      key: `lending:unit:${item.id}`,
      capacity: 1,
      scope: [
        { field: "itemId", value: item.id },
        { field: "status", value: "active" },
      ],
      interval: { startField: "start", endField: "end", start: cx.now, end: dueAt },
      data: {
        itemId: item.id,
        itemTypeId: item.itemTypeId,
        kind: "loan",
        residentId,
        loanId,
        start: cx.now,
        end: dueAt,
        status: "active",
        createdAt: cx.now,
        createdBy: cx.actor.id,
      },
    });
    return true;
  } catch (error) {
    if (isLinliError(error, "CAPACITY_EXCEEDED")) return false;
    throw error;
  }
}

/**
 * The units a type-only entry may take: the resident's own on the hold shelf first, then free
 * ones by code. One read of the type's units that are free or on the shelf; the resident's ready
 * holds are read only when a unit of the type is on the shelf (a ready hold always names a unit
 * on the shelf: `shelveFor` sets both, and every path taking a unit off the shelf ends its hold).
 */
async function candidates(
  cx: LendingCx,
  type: TypeFacts,
  residentId: string,
  taken: Set<string>,
): Promise<Unit[]> {
  const units = await cx.tx.findMany(itemModel, {
    where: [
      { field: "itemTypeId", value: type.id },
      { field: "status", op: "in", value: ["available", "on-hold-shelf"] },
    ],
    orderBy: [{ field: "code" }],
    limit: 1000,
    select: UNIT_FIELDS,
  });
  const free = units.filter((u) => u.status === "available" && !taken.has(u.id));
  if (!units.some((u) => u.status === "on-hold-shelf")) return free;
  const ready = await cx.tx.findMany(holdModel, {
    where: [
      { field: "itemTypeId", value: type.id },
      { field: "residentId", value: residentId },
      { field: "status", value: "ready" },
    ],
    select: ["itemId"],
  });
  const shelved: Unit[] = [];
  for (const hold of ready) {
    const unit = units.find((u) => u.id === hold.itemId && u.status === "on-hold-shelf");
    if (unit && !taken.has(unit.id)) shelved.push(unit);
  }
  return [...shelved, ...free];
}

/**
 * `lending.checkOut`: lends units to a resident (`residentId`), by staff or a volunteer on duty
 * (volunteers do not act for the borrower, they lend to them: the kernel's subject, which a
 * volunteer may only be for themself and their delegators, does not fit). Each entry
 * names a unit (`itemId`, a numbered item), a type (`itemTypeId`: any free unit, the one on the
 * hold shelf for this resident first), or a reservation to pick up. Every loan policy is
 * checked first: a refusal comes back as a value with every reason in zh-CN and en, nothing
 * written. Due dates follow the type's terms, moved to the next opening of the tool room. No
 * unit is ever lent twice: each loan claims its unit through `tx.reserve` under the type's lock.
 * Emits `LoanStarted` per unit.
 */
export const checkOut = defineCommand({
  allow: COUNTER_ACTORS,
  subject: "none",
  input: z.object({
    /** The borrower. A volunteer on duty lends to any resident, so this is input, not the command's subject. */
    residentId: idInput,
    items: z.array(entryInput).min(1).max(20),
    /** Staff approve restricted items for a resident without the training. @default false */
    staffApproval: z.boolean().default(false),
  }),
  run: async (cx: LendingCx, input): Promise<CheckOutOutcome> => {
    const residentId = input.residentId;
    if ((await cx.tx.count(residentModel, [{ field: "id", value: residentId }])) === 0)
      throw LinliError.from(coreErrors, "UNKNOWN_RESIDENT", { residentId });
    const entries = await resolveEntries(cx, input.items, residentId);
    await lockTypes(
      cx,
      entries.map((e) => e.type.id),
    );
    // Re-read named units under the lock (one read): another desk may have lent them meanwhile.
    const current = await unitsById(
      cx,
      entries.flatMap((e) => (e.item ? [e.item.id] : [])),
    );
    const fresh: Entry[] = [];
    for (const e of entries) {
      if (!e.item) {
        fresh.push(e);
        continue;
      }
      const item = current.get(e.item.id);
      if (!item) throw LinliError.from(lendingErrors, "UNKNOWN_ITEM", { itemId: e.item.id });
      if (e.reservation === undefined) await requireLendable(cx, item, residentId);
      fresh.push({ ...e, item });
    }
    const kinds = cx.registries.get(lendingPolicyKinds);
    const request = {
      residentId,
      items: fresh.map((e) => ({
        itemTypeId: e.type.id,
        category: e.type.category,
        trainingGroup: e.type.trainingGroup,
      })),
      actorKind: cx.actor.kind,
      staffApproval: input.staffApproval,
    };
    const needed = borrowerFactsNeeded(cx.options.policies, kinds, request);
    const decision = loanEligibility({
      policies: cx.options.policies,
      kinds,
      request,
      borrower: await loadBorrowerFacts(cx, residentId, needed),
      now: cx.now,
      timeZone: cx.config.community.timeZone,
    });
    if (!decision.ok) return decision;
    const batchId = cx.ids.next("lending_batch");
    const calendar = calendarOf(cx.options, cx.config.community.timeZone);
    const taken = new Set<string>();
    const loans: Loan[] = [];
    for (const entry of fresh) {
      const due = dueDate({ from: cx.now, loanDays: termsOf(cx.options, entry.type).loanDays, calendar });
      if (!due.ok) throw LinliError.from(lendingErrors, "NO_OPENING", due.violations[0].params);
      const loanId = cx.ids.next(loanModel.name);
      let unit: Unit | undefined;
      if (entry.item) {
        if (taken.has(entry.item.id))
          throw LinliError.from(lendingErrors, "ITEM_NOT_AVAILABLE", {
            code: entry.item.code,
            status: "已借出",
          });
        if (entry.reservation) {
          if (entry.item.status !== "available")
            throw LinliError.from(lendingErrors, "ITEM_NOT_AVAILABLE", {
              code: entry.item.code,
              status: STATUS_TEXT[entry.item.status],
            });
          await cx.tx.updateById(claimModel, entry.reservation.id, { status: "picked-up", loanId });
        }
        if (!(await claim(cx, entry.item, residentId, loanId, due.dueAt)))
          throw LinliError.from(lendingErrors, "UNIT_RESERVED", {
            itemTypeId: entry.type.id,
            from: cx.now.toISOString(),
            to: due.dueAt.toISOString(),
          });
        unit = entry.item;
      } else {
        for (const c of await candidates(cx, entry.type, residentId, taken)) {
          if (await claim(cx, c, residentId, loanId, due.dueAt)) {
            unit = c;
            break;
          }
        }
        if (!unit) throw LinliError.from(lendingErrors, "NO_UNIT_AVAILABLE", { itemTypeId: entry.type.id });
      }
      taken.add(unit.id);
      const moved = await cx.tx.update(
        itemModel,
        [
          { field: "id", value: unit.id },
          { field: "status", op: "in", value: ["available", "on-hold-shelf"] },
        ],
        { status: "on-loan" },
      );
      if (moved !== 1)
        throw LinliError.from(lendingErrors, "NO_UNIT_AVAILABLE", { itemTypeId: entry.type.id });
      // Only a unit on the hold shelf has a ready hold (see `candidates`).
      if (unit.status === "on-hold-shelf")
        await cx.tx.update(
          holdModel,
          [
            { field: "itemId", value: unit.id },
            { field: "residentId", value: residentId },
            { field: "status", value: "ready" },
          ],
          { status: "fulfilled", endedAt: cx.now },
        );
      const loan = await cx.tx.create(loanModel, {
        id: loanId,
        itemId: unit.id,
        itemTypeId: unit.itemTypeId,
        category: unit.category,
        residentId,
        batchId,
        checkedOutAt: cx.now,
        dueAt: due.dueAt,
        conditionOut: unit.condition,
        checkedOutBy: cx.actor.id,
        approvedBy: input.staffApproval && entry.type.trainingGroup !== null ? cx.actor.id : null,
      });
      loans.push(loan);
      await cx.emit(lendingEvents.LoanStarted, {
        loanId,
        batchId,
        itemId: unit.id,
        itemTypeId: unit.itemTypeId,
        residentId,
        dueAt: due.dueAt.toISOString(),
        ...loanPriceFields(cx.options.charges, { id: unit.itemTypeId, category: unit.category }),
      });
    }
    return { ok: true, violations: [], batchId, loans };
  },
});
