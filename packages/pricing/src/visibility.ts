import { type Actor, isStaffLike } from "@linli/core";
import type { Membership } from "./membership-book";
import type { Quote } from "./quote-types";
import { toPublicQuote } from "./receipt";

/** The quote a caller may see: everything for staff, the public receipt for anyone else. */
export function visibleQuote(actor: Actor, q: Quote): Quote {
  return isStaffLike(actor) ? q : toPublicQuote(q);
}

/** A membership as the caller may see it: the deciding group is for staff only. */
export function visibleMembership(actor: Actor, m: Membership): Membership {
  return isStaffLike(actor) ? m : { ...m, decidedByGroup: null };
}
