import { customProblem, defineQuery, instantSchema } from "@linli/core";
import * as z from "zod";
import type { FreeSlot } from "../availability";
import { sweepSlots } from "../availability-sweep";
import type { BookingEngine } from "../booking-engine";
import { idInput } from "../booking-inputs";
import { occupancyOf, residentBookingsSince } from "../booking-reads";
import { bufferUnder } from "../resource-terms";
import { loadRuleFacts } from "../rule-facts";

const DAY_MS = 86_400_000;
/** The longest window availability answers at once. */
const MAX_WINDOW_DAYS = 92;

/** Free slots of one resource. */
export interface ResourceAvailability {
  readonly resourceId: string;
  readonly slots: readonly FreeSlot[];
}

/** The input of `availability`, built once: every community shares it (and its compiled parser). */
const availabilityInput = z
  .object({
    resourceId: idInput.optional(),
    /** Every resource of a resource group (each with its own slots). */
    resourceGroupId: idInput.optional(),
    zoneId: idInput.optional(),
    start: instantSchema,
    end: instantSchema,
    durationMinutes: z.number().int().positive().max(1440).optional(),
    quantity: z.number().int().positive().max(1000).default(1),
  })
  .refine(
    (x) => (x.resourceId === undefined) !== (x.resourceGroupId === undefined),
    customProblem("RESOURCE_OR_GROUP", {
      "zh-CN": "须给出 resourceId 或 resourceGroupId（二选一）",
      en: "give resourceId or resourceGroupId",
    }),
  )
  .refine(
    (x) => x.end > x.start && x.end.getTime() - x.start.getTime() <= MAX_WINDOW_DAYS * DAY_MS,
    customProblem("INVALID_WINDOW", {
      "zh-CN": `结束须晚于开始，且最长 ${MAX_WINDOW_DAYS} 天`,
      en: `end after start, at most ${MAX_WINDOW_DAYS} days`,
    }),
  );

/**
 * `booking.availability`: free slots with remaining capacity for a resource or resource
 * group between `start` and `end`, as the rules apply to the acting resident (or `forResident`).
 */
export const availability = (engine: BookingEngine) =>
  defineQuery({
    input: availabilityInput,
    run: async (cx, input): Promise<ResourceAvailability[]> => {
      const { rules } = engine;
      const resourceIds =
        input.resourceId !== undefined ? [input.resourceId] : rules.group(input.resourceGroupId ?? "");
      const residentId = cx.subject ?? null;
      const groups = residentId ? await cx.groupsOf(residentId, input.start) : [];
      // Read once for every resource, and only when a rule of one of them reads it.
      const residentBookings =
        residentId && resourceIds.some((id) => rules.needsResidentBookings(id))
          ? await residentBookingsSince(cx, residentId, new Date(cx.now.getTime() - 366 * DAY_MS))
          : [];
      const out: ResourceAvailability[] = [];
      for (const resourceId of resourceIds) {
        const resource = rules.resource(resourceId);
        const resolved = rules.rulesFor(resourceId);
        const buffer = bufferUnder(resolved, rules.kinds);
        const margin = buffer.beforeMs + buffer.afterMs + DAY_MS;
        // Bounded on both sides, whatever the resource's history (see `occupyingBookings`),
        // and only the four fields the sweep reads.
        const bookings = await occupancyOf(
          cx,
          resourceId,
          new Date(input.start.getTime() - margin),
          new Date(input.end.getTime() + margin),
          input.zoneId ?? null,
        );
        const facts = await loadRuleFacts(cx, resolved, rules.kinds, {
          resourceId,
          residentId,
          start: input.start,
          end: input.end,
        });
        // The sweep without `availableSlots`' check of a caller's input: this input was
        // checked by the query's schema and the rest comes from the checked config.
        const slots = sweepSlots(
          {
            resource,
            zoneId: input.zoneId ?? null,
            rules: resolved,
            kinds: rules.kinds,
            timeZone: engine.timeZone,
            now: cx.now,
            start: input.start,
            end: input.end,
            bookings,
            who: { actorKind: cx.actor.kind, residentId, groups },
            residentBookings,
            facts,
            durationMinutes: input.durationMinutes,
            quantity: input.quantity,
            physicalCapacity: rules.physicalCapacity(resourceId, input.zoneId),
            defaultGranularityMinutes: engine.options.defaultGranularityMinutes,
          },
          false,
        );
        out.push({ resourceId, slots });
      }
      return out;
    },
  });
