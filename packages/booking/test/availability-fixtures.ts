import type { Resource } from "@linli/core";
import {
  type AnyRuleKind,
  type BookingFacts,
  builtInRuleKinds,
  type ResolvedRule,
  type RuleKinds,
  ruleKindMap,
} from "@linli/booking";

/** The built-in rule kinds by name, with a test's own kinds added. */
export const kindsWith = (...extra: AnyRuleKind[]): RuleKinds => ruleKindMap([...builtInRuleKinds, ...extra]);

/** A resource for pure availability tests: `room` (a space) or `dryer` (a pool), no zones, no tags. */
export function testResource(id: "room" | "dryer", capacity: number): Resource {
  const name = id === "room" ? { "zh-CN": "室", en: "Room" } : { "zh-CN": "干衣机", en: "Dryer" };
  return { id, kind: id === "room" ? "space" : "pool", name, capacity, zones: [], tags: [] };
}

/**
 * A rule factory for one resource: `rule(id, kind, params)` is a configured rule of a
 * registered kind, its params parsed by the kind's schema as the config would resolve them.
 */
export const ruleParser =
  (kinds: RuleKinds, resourceId: string) =>
  (id: string, kind: string, params: Record<string, unknown>): ResolvedRule => ({
    id,
    kind,
    params: kinds.get(kind)!.params.parse(params) as Record<string, unknown>,
    targets: new Set([resourceId]),
  });

/**
 * A booking factory for one resource: `booking(start, end, extra)` is a confirmed booking of
 * one unit by another resident (`other`), with its id made from the start by `idOf`.
 */
export const bookingOn =
  (resourceId: string, idOf: (start: string, extra: Partial<BookingFacts>) => string = (start) => start) =>
  (start: string, end: string, extra: Partial<BookingFacts> = {}): BookingFacts => ({
    id: idOf(start, extra),
    resourceId,
    zoneId: null,
    residentId: "other",
    start: new Date(start),
    end: new Date(end),
    quantity: 1,
    status: "confirmed",
    ...extra,
  });

/** Free slots as `HH:MM/remaining` (UTC), for compact assertions. */
export const slotLabels = (slots: readonly { start: Date; remaining: number }[]) =>
  slots.map((s) => `${s.start.toISOString().slice(11, 16)}/${s.remaining}`);
