import { LinliError } from "@linli/core";
import * as z from "zod";
import type { LendingCx } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { idInput } from "../lending-inputs";
import {
  type Claim,
  claimModel,
  type Item,
  type ItemType,
  itemModel,
  itemTypeModel,
} from "../lending-models";

/**
 * One entry of a check-out: any unit of a type, a numbered unit, or a reservation to pick up.
 * The walk-in case (a type) is tried first: each alternative that fails before the match
 * costs a zod issue on every check-out.
 */
export const entryInput = z.union([
  z.object({ itemTypeId: idInput }).strict(),
  z.object({ itemId: idInput }).strict(),
  z.object({ reservationId: idInput }).strict(),
]);

/** The fields of a unit a check-out reads: enough to claim it, lend it and write the loan. */
export type Unit = Pick<Item, "id" | "itemTypeId" | "category" | "code" | "status" | "condition">;

/** The projection that reads a {@link Unit}. */
export const UNIT_FIELDS = ["id", "itemTypeId", "category", "code", "status", "condition"] as const;

/** The fields of an item type a check-out needs: its policies' facts and its loan terms. */
export type TypeFacts = Pick<ItemType, "id" | "category" | "trainingGroup">;

/** The fields of a reservation a check-out checks and updates. */
type Reservation = Pick<Claim, "id" | "kind" | "status" | "residentId" | "itemId">;

/** A resolved entry: its type, the unit it names (if any) and the reservation it picks up (if any). */
export interface Entry {
  readonly type: TypeFacts;
  readonly item?: Unit;
  readonly reservation?: Reservation;
}

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The units with these ids, by id, in one read (a check-out has at most 20 entries). */
export async function unitsById(cx: LendingCx, ids: readonly string[]): Promise<Map<string, Unit>> {
  if (ids.length === 0) return new Map();
  const rows = await cx.tx.findMany(itemModel, {
    where: [{ field: "id", op: "in", value: unique(ids) }],
    select: UNIT_FIELDS,
  });
  return new Map(rows.map((u) => [u.id, u]));
}

async function typesById(cx: LendingCx, ids: readonly string[]): Promise<Map<string, TypeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await cx.tx.findMany(itemTypeModel, {
    where: [{ field: "id", op: "in", value: unique(ids) }],
    select: ["id", "category", "trainingGroup"],
  });
  return new Map(rows.map((t) => [t.id, t]));
}

/**
 * Resolves every entry with one read per kind of row (reservations, units, types) instead of
 * one per entry, then checks them in input order: the first bad entry gives the error, as
 * when each was read in turn (`RESERVATION_NOT_FOUND`, `UNKNOWN_ITEM`, `UNKNOWN_ITEM_TYPE`).
 */
export async function resolveEntries(
  cx: LendingCx,
  inputs: readonly z.output<typeof entryInput>[],
  residentId: string,
): Promise<Entry[]> {
  const reservationIds = inputs.flatMap((e) => ("reservationId" in e ? [e.reservationId] : []));
  const claims = new Map<string, Reservation>();
  if (reservationIds.length > 0)
    for (const c of await cx.tx.findMany(claimModel, {
      where: [{ field: "id", op: "in", value: unique(reservationIds) }],
      select: ["id", "kind", "status", "residentId", "itemId"],
    }))
      if (c.kind === "reservation" && c.status === "active" && c.residentId === residentId)
        claims.set(c.id, c);
  const units = await unitsById(cx, [
    ...inputs.flatMap((e) => ("itemId" in e ? [e.itemId] : [])),
    ...[...claims.values()].map((c) => c.itemId),
  ]);
  const types = await typesById(cx, [
    ...inputs.flatMap((e) => ("itemTypeId" in e ? [e.itemTypeId] : [])),
    ...[...units.values()].map((u) => u.itemTypeId),
  ]);
  const typeOf = (itemTypeId: string) => {
    const type = types.get(itemTypeId);
    if (!type) throw LinliError.from(lendingErrors, "UNKNOWN_ITEM_TYPE", { itemTypeId });
    return type;
  };
  const unitOf = (itemId: string) => {
    const unit = units.get(itemId);
    if (!unit) throw LinliError.from(lendingErrors, "UNKNOWN_ITEM", { itemId });
    return unit;
  };
  return inputs.map((e): Entry => {
    if ("itemTypeId" in e) return { type: typeOf(e.itemTypeId) };
    if ("itemId" in e) {
      const item = unitOf(e.itemId);
      return { type: typeOf(item.itemTypeId), item };
    }
    const reservation = claims.get(e.reservationId);
    if (!reservation)
      throw LinliError.from(lendingErrors, "RESERVATION_NOT_FOUND", { reservationId: e.reservationId });
    const item = unitOf(reservation.itemId);
    return { type: typeOf(item.itemTypeId), item, reservation };
  });
}
