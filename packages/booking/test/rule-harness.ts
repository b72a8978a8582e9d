import * as z from "zod";
import type { Resource, Violation } from "@linli/core";
import type { AnyRuleKind, BookingFacts, BookingRequest, RuleSnapshot } from "@linli/booking";

/** A resource for rule unit tests. */
export const room: Resource = {
  id: "room",
  kind: "space",
  name: { "zh-CN": "活动室", en: "Activity room" },
  capacity: 1,
  zones: [],
  tags: [],
};

/** Runs one rule kind's pure evaluator on a request, as the engine would. */
export function judge(
  kind: AnyRuleKind,
  params: unknown,
  request: Partial<BookingRequest> & { start: Date; end: Date },
  options: {
    now?: Date;
    timeZone?: string;
    snapshot?: Partial<RuleSnapshot>;
    capacity?: number;
    targets?: readonly string[];
    buffer?: { beforeMs: number; afterMs: number };
  } = {},
): Violation[] {
  const parsed = kind.params.parse(params);
  return kind.evaluate(parsed, {
    rule: {
      id: "rule-under-test",
      kind: kind.kind,
      params: parsed,
      targets: new Set(options.targets ?? ["room"]),
    },
    request: {
      resourceId: "room",
      actorKind: "resident",
      residentId: "r1",
      quantity: 1,
      groups: [],
      ...request,
    },
    now: options.now ?? new Date("2000-01-01T00:00:00Z"),
    timeZone: options.timeZone ?? "Asia/Shanghai",
    resource: room,
    snapshot: { resourceBookings: [], residentBookings: [], ...options.snapshot },
    capacity: options.capacity ?? 1,
    buffer: options.buffer ?? { beforeMs: 0, afterMs: 0 },
  });
}

/** The codes of the violations. */
export const codes = (vs: readonly Violation[]) => vs.map((v) => v.code);

let n = 0;
/** An existing booking for snapshots. */
export function existing(
  start: string | Date,
  end: string | Date,
  extra: Partial<BookingFacts> = {},
): BookingFacts {
  return {
    id: `b${++n}`,
    resourceId: "room",
    zoneId: null,
    residentId: "r1",
    start: new Date(start),
    end: new Date(end),
    quantity: 1,
    status: "confirmed",
    ...extra,
  };
}

/**
 * Every property of a rule kind's params (nested objects and array items included) as
 * `path: description`, as the configuration's JSON Schema shows them to whoever writes a config.
 */
export function paramDocs(kind: AnyRuleKind): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const walk = (schema: Record<string, unknown>, path: string) => {
    const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [key, prop] of Object.entries(props ?? {})) {
      const at = path ? `${path}.${key}` : key;
      out[at] = prop.description as string | undefined;
      walk(prop, at);
    }
    const items = schema.items as Record<string, unknown> | undefined;
    if (items) walk(items, `${path}[]`);
  };
  walk(z.toJSONSchema(kind.params, { io: "input", unrepresentable: "any" }) as Record<string, unknown>, "");
  return out;
}

/** The params whose documentation is missing or empty (none, for a well-documented kind). */
export const undocumentedParams = (kind: AnyRuleKind) =>
  Object.entries(paramDocs(kind))
    .filter(([, doc]) => !doc?.trim())
    .map(([path]) => path);
