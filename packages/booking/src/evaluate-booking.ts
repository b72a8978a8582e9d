import { type Decision, decide, type Resource, type Violation } from "@linli/core";
import { violationAt } from "./local-time-label";
import { type Buffer, bufferUnder, capacityUnder } from "./resource-terms";
import type { RuleKinds } from "./rule-book";
import type { BookingRequest, ResolvedRule, RuleContext, RuleSnapshot } from "./rule-kind";
import { checkEvaluationInput } from "./pure-input";

/** What {@link evaluateBooking} needs: the request and everything it is judged against. */
export interface EvaluateBookingInput {
  readonly request: BookingRequest;
  /** The instant of the decision. */
  readonly now: Date;
  /** The community's IANA zone. */
  readonly timeZone: string;
  /** The resource asked for. */
  readonly resource: Resource;
  /** The rules that apply to the resource (include a `capacity` rule; see `RuleBook.rulesFor`). */
  readonly rules: readonly ResolvedRule[];
  /** The registered rule kinds by name. */
  readonly kinds: RuleKinds;
  /** Existing bookings around the request. */
  readonly snapshot: RuleSnapshot;
  /** Units of the resource or zone before capacity rules. @default the resource's capacity */
  readonly physicalCapacity?: number;
}

/** The outcome of {@link evaluateBooking}. */
export interface BookingEvaluation {
  /** Allowed, or refused with every violation of every rule. */
  readonly decision: Decision;
  /** True when an `approval-required` rule (or another kind) holds the booking for staff. */
  readonly requiresApproval: boolean;
  /** Units usable at once on the resource or zone. */
  readonly capacity: number;
  /** Buffers around every booking of the resource. */
  readonly buffer: Buffer;
}

/**
 * Judges a booking request against the rules that apply and a snapshot of existing bookings.
 * Pure: no storage, no clock. Every rule is asked, so a refusal lists every reason, each
 * with code, rule, params and a zh-CN/en message.
 */
export function evaluateBooking(input: EvaluateBookingInput): BookingEvaluation {
  checkEvaluationInput(input);
  return evaluateCheckedBooking(input);
}

/**
 * {@link evaluateBooking} without the zod check of its input, for booking's own commands
 * (not exported from the package): there every part of the input is already sound, the
 * request from the command's validated input (its interval checked by `judgePlacement`),
 * the instant from the clock, the zone, resource and rules from the validated
 * configuration, the snapshot from storage reads and the facts from `loadRuleFacts`. Callers
 * from outside (apps, tests, other plugins) go through the exported, checked function.
 */
export function evaluateCheckedBooking(input: EvaluateBookingInput): BookingEvaluation {
  const { request, now, timeZone, resource, rules, kinds, snapshot } = input;
  const capacity = capacityUnder(rules, kinds, input.physicalCapacity ?? resource.capacity);
  const buffer = bufferUnder(rules, kinds);
  const violations: Violation[] = [];
  if (request.start.getTime() < now.getTime()) {
    violations.push(
      violationAt(
        "IN_THE_PAST",
        "booking",
        { "zh-CN": "开始时间 {start} 已过", en: "The start {start} has passed" },
        {},
        { start: request.start },
        timeZone,
      ),
    );
  }
  let requiresApproval = false;
  for (const rule of rules) {
    const kind = kinds.get(rule.kind);
    if (!kind) continue;
    const cx: RuleContext = { rule, request, now, timeZone, resource, snapshot, capacity, buffer };
    violations.push(...kind.evaluate(rule.params, cx));
    if (kind.requiresApproval?.(rule.params, cx)) requiresApproval = true;
  }
  return { decision: decide(violations), requiresApproval, capacity, buffer };
}
