import type { HelpRequest, RequestStatus, StoredPrice } from "./volunteers-models";

/** A request as staff see it: everything, the price with the deciding group and its reason. */
export type StaffRequestView = HelpRequest & { readonly view: "staff" };

/** The price a requester sees: the total and the public receipt lines (never a group). */
export interface PublicPrice {
  /** Total, integer minor units. */
  readonly total: StoredPrice["total"];
  /** Lines with their public text only. */
  readonly lines: readonly {
    code: string;
    amount: StoredPrice["total"];
    text: { "zh-CN": string; en: string };
  }[];
}

/** A request as its requester (or a delegate) sees it: no eligibility group, public price. */
export type RequesterRequestView = Omit<HelpRequest, "price" | "matchCost" | "matchTerms"> & {
  readonly view: "requester";
  readonly price: PublicPrice | null;
};

/**
 * A request as a volunteer sees it: the kind, the area, the time and what the task needs.
 * Never the requester's identity, address, phone, price or eligibility; those reach the
 * assigned volunteer only through `requests.contact`, logged.
 */
export interface VolunteerRequestView {
  /** Which view this is. */
  readonly view: "volunteer";
  /** The request id. */
  readonly id: string;
  /** The kind of help. */
  readonly kind: string;
  /** The courtyard (or top-level place): all a candidate sees of where. */
  readonly areaId: string | null;
  /** The window in which the help is wanted. */
  readonly start: Date;
  /** End of the window. */
  readonly end: Date;
  /** How long the help takes. */
  readonly durationMinutes: number;
  /** How urgent it is. */
  readonly urgency: HelpRequest["urgency"];
  /** Skills needed. */
  readonly requiredSkills: HelpRequest["requiredSkills"];
  /** Certifications needed. */
  readonly requiredCertifications: readonly string[];
  /** Language wanted. */
  readonly language: string | null;
  /** The state. */
  readonly status: RequestStatus;
  /** Whether this volunteer is the one offered or assigned. */
  readonly yours: boolean;
  /** The requester's description of the task, for the volunteer offered or assigned only. */
  readonly description: string | null;
}

/** The staff view of a request. */
export function staffView(request: HelpRequest): StaffRequestView {
  return { ...request, view: "staff" };
}

/** The requester's view of a request. */
export function requesterView(request: HelpRequest): RequesterRequestView {
  const { price, matchCost: _cost, matchTerms: _terms, ...rest } = request;
  return {
    ...rest,
    view: "requester",
    price: price
      ? {
          total: price.total,
          lines: price.lines.map((l) => ({
            code: publicCode(l.code, l.group),
            amount: l.amount,
            text: l.publicText,
          })),
        }
      : null,
  };
}

/** A line code that names a group stays generic on the public receipt. */
function publicCode(code: string, group: string | undefined): string {
  return group === undefined ? code : "ELIGIBILITY_CONCESSION";
}

/** The volunteer view of a request. */
export function volunteerView(request: HelpRequest, volunteerId: string): VolunteerRequestView {
  const yours = request.volunteerId === volunteerId;
  return {
    view: "volunteer",
    id: request.id,
    kind: request.kind,
    areaId: request.areaId,
    start: request.start,
    end: request.end,
    durationMinutes: request.durationMinutes,
    urgency: request.urgency,
    requiredSkills: request.requiredSkills,
    requiredCertifications: request.requiredCertifications,
    language: request.language,
    status: request.status,
    yours,
    description: yours ? request.description : null,
  };
}

/** Any view of a request. */
export type RequestView = StaffRequestView | RequesterRequestView | VolunteerRequestView;
