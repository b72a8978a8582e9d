import { type CommandContext, isStaffLike, LinliError } from "@linli/core";
import { volunteersEvents } from "./events";
import {
  type RequesterRequestView,
  type RequestView,
  requesterView,
  type StaffRequestView,
  staffView,
  volunteerView,
} from "./request-views";
import { volunteerOfActor } from "./volunteer-identity";
import { volunteersErrors } from "./volunteers-errors";
import { type HelpRequest, helpRequestModel, type RequestStatus } from "./volunteers-models";

/** A help request by id; throws `REQUEST_NOT_FOUND`. */
export async function getRequest(cx: CommandContext, requestId: string): Promise<HelpRequest> {
  const request = await cx.tx.findById(helpRequestModel, requestId);
  if (!request) throw LinliError.from(volunteersErrors, "REQUEST_NOT_FOUND", { requestId });
  return request;
}

/** Throws `INVALID_TRANSITION` unless the request is in one of `allowed`. */
export function requireStatus(request: HelpRequest, allowed: readonly RequestStatus[], action: string): void {
  if (!allowed.includes(request.status))
    throw LinliError.from(volunteersErrors, "INVALID_TRANSITION", {
      requestId: request.id,
      status: request.status,
      action,
    });
}

/**
 * The patch that takes a request back to `open`: no volunteer, no offer, no acceptance or start,
 * no match record. Every path that reopens a request (decline, no-show, expired offer, erasure)
 * uses it, so none leaves a stale field behind.
 */
export const REOPENED: Readonly<Partial<HelpRequest>> = Object.freeze({
  volunteerId: null,
  offeredAt: null,
  offerExpiresAt: null,
  acceptedAt: null,
  startedAt: null,
  continuity: null,
  matchCost: null,
  matchTerms: null,
});

/** The request's decliners with `volunteerId` added (once; nothing added for null). */
export function declinedWith(request: HelpRequest, volunteerId: string | null): string[] {
  return volunteerId === null || request.declinedBy.includes(volunteerId)
    ? [...request.declinedBy]
    : [...request.declinedBy, volunteerId];
}

/** Moves a request to `to` with the patch and emits `HelpRequestStatusChanged`. */
export async function transition(
  cx: CommandContext,
  request: HelpRequest,
  to: RequestStatus,
  patch: Partial<HelpRequest> = {},
): Promise<HelpRequest> {
  const { id: _id, communityId: _c, ...fields } = patch;
  const updated = await cx.tx.updateById(helpRequestModel, request.id, { ...fields, status: to });
  await cx.emit(volunteersEvents.HelpRequestStatusChanged, {
    requestId: request.id,
    from: request.status,
    to,
    volunteerId: updated.volunteerId,
  });
  return updated;
}

/** Staff, or the volunteer the request is offered or assigned to (returns their id, null for staff). */
export async function requireAssignedOrStaff(
  cx: CommandContext,
  request: HelpRequest,
): Promise<string | null> {
  if (isStaffLike(cx.actor)) return null;
  const volunteer = await volunteerOfActor(cx);
  if (!volunteer || request.volunteerId !== volunteer.id)
    throw LinliError.from(volunteersErrors, "NOT_ASSIGNED", {
      requestId: request.id,
      volunteerId: volunteer?.id ?? cx.actor.id,
    });
  return volunteer.id;
}

/**
 * The view of a request the actor may have: staff see everything; the requester and their
 * delegates see it without eligibility data; a volunteer sees an open request, or one offered
 * or assigned to them, as area and kind only. Anyone else: `ACCESS_DENIED`.
 */
export async function viewFor(
  cx: CommandContext,
  request: HelpRequest,
  action: string,
): Promise<RequestView> {
  if (isStaffLike(cx.actor)) return staffView(request);
  if (cx.actor.id === request.requesterId) return requesterView(request);
  const volunteer = await volunteerOfActor(cx);
  if (volunteer && (request.volunteerId === volunteer.id || request.status === "open"))
    return volunteerView(request, volunteer.id);
  await cx.requireActFor(request.requesterId, action);
  return requesterView(request);
}

/** The requester's own view (for the commands the requester or staff call), by actor. */
export function requesterOrStaffView(
  cx: CommandContext,
  request: HelpRequest,
): StaffRequestView | RequesterRequestView {
  return isStaffLike(cx.actor) ? staffView(request) : requesterView(request);
}
