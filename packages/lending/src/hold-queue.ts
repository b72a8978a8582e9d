import { type Decision, decide, violation } from "@linli/core";

/** A hold as the queue functions see it. */
export interface QueuedHold {
  readonly id: string;
  readonly residentId: string;
  readonly status: "waiting" | "ready" | "fulfilled" | "expired" | "cancelled";
  /** Place in the queue (lower first); ties broken by id. */
  readonly rank: number;
  /** Pushed back by the resident until this instant: passed over until then, place kept. */
  readonly notBefore: Date | null;
  /** For a ready hold: when its pickup window ends. */
  readonly pickupBy: Date | null;
}

/** What happens to a queue when a unit comes free (see {@link advanceHoldQueue}). */
export interface HoldQueueAdvance {
  /** The ready holds whose pickup window has passed: they expire and pass on. */
  readonly expired: readonly string[];
  /** The hold that gets the unit on the hold shelf, or null (the unit becomes available). */
  readonly next: string | null;
  /** Waiting holds passed over because their resident pushed them back (they keep their place). */
  readonly passedOver: readonly string[];
}

const byPlace = (a: QueuedHold, b: QueuedHold) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Advances a hold queue at `now` when a unit of its type comes free (returned, repaired, or
 * passed on by an expired hold): ready holds past their pickup window expire, then the first
 * waiting hold in queue order that is not pushed back past `now` gets the unit. A resident who
 * pushed their hold back keeps their place for the next unit. Pure.
 */
export function advanceHoldQueue(holds: readonly QueuedHold[], now: Date): HoldQueueAdvance {
  const t = now.getTime();
  const expired = holds
    .filter((h) => h.status === "ready" && h.pickupBy !== null && h.pickupBy.getTime() <= t)
    .map((h) => h.id);
  const passedOver: string[] = [];
  let next: string | null = null;
  for (const hold of holds.filter((h) => h.status === "waiting").sort(byPlace)) {
    if (hold.notBefore !== null && hold.notBefore.getTime() > t) {
      passedOver.push(hold.id);
      continue;
    }
    next = hold.id;
    break;
  }
  return { expired, next, passedOver };
}

/** What {@link holdEligibility} decides on. */
export interface HoldRequest {
  readonly residentId: string;
  readonly itemTypeId: string;
  /** Open holds (waiting or ready) of the resident, any type. */
  readonly openHolds: readonly { readonly itemTypeId: string }[];
  /** Item types the resident has on loan now. */
  readonly loanedTypes: readonly string[];
  /** Open holds allowed per resident. */
  readonly maxPerResident: number;
}

/**
 * Whether a resident may join the queue for an item type: not for what they already have on
 * loan or already hold, and not beyond the holds allowed per resident. Each refusal with
 * zh-CN/en reasons. Pure.
 */
export function holdEligibility(request: HoldRequest): Decision {
  const out = [];
  if (request.loanedTypes.includes(request.itemTypeId))
    out.push(
      violation(
        "ALREADY_ON_LOAN",
        "holds",
        { "zh-CN": "您已借有 {itemTypeId}，不能再预留", en: "You already have {itemTypeId} on loan" },
        { itemTypeId: request.itemTypeId },
      ),
    );
  if (request.openHolds.some((h) => h.itemTypeId === request.itemTypeId))
    out.push(
      violation(
        "ALREADY_HELD",
        "holds",
        { "zh-CN": "您已预留 {itemTypeId}", en: "You already hold {itemTypeId}" },
        { itemTypeId: request.itemTypeId },
      ),
    );
  if (request.openHolds.length >= request.maxPerResident)
    out.push(
      violation(
        "HOLD_LIMIT",
        "holds",
        { "zh-CN": "每人最多预留 {max} 种物品", en: "At most {max} holds per resident" },
        { max: request.maxPerResident },
      ),
    );
  return decide(out);
}
