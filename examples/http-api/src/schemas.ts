// The HTTP shapes of the service, as zod schemas: they validate each request and generate the
// OpenAPI document. Instants travel as ISO 8601 strings; money as integer minor units (fen).
import { z } from "@hono/zod-openapi";

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true }).openapi({ example: "2026-07-06T10:00:00+08:00" });
const localized = z.object({ "zh-CN": z.string(), en: z.string() }).openapi("LocalizedText");

/** Who acts: `kind:id`, e.g. `staff:desk-1` or `resident:<id>`. Authentication is the app's job. */
export const actorHeaders = z.object({
  "x-linli-actor": z
    .string()
    .regex(/^(resident|staff|volunteer|admin|system):[^\s:]{1,200}$/)
    .openapi({ example: "staff:desk-1", description: "Who acts, as kind:id (staff:desk-1, resident:<id>)" }),
});

/** A LinliError as JSON (`LinliError.toJSON()`): the stable code and both messages. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION_FAILED" }),
      messages: localized,
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi("Error");

/** A rule's refusal: code and both messages. */
export const violation = z
  .object({ ruleId: z.string().optional(), code: z.string(), message: localized })
  .openapi("Violation");

export const money = z.object({ amount: z.number().int(), currency: z.string() }).openapi("Money");

export const residentInput = z
  .object({
    name: z.string().min(1).max(200).openapi({ example: "王奶奶" }),
    phone: z.string().max(50).optional(),
    groups: z
      .array(z.object({ groupId: id, evidenceRef: z.string().min(1).max(200) }))
      .max(20)
      .default([])
      .openapi({ description: "Eligibility groups granted at registration (staff only)" }),
  })
  .openapi("ResidentInput");

export const residentBody = z
  .object({ id: z.string(), name: z.string(), groups: z.array(z.string()) })
  .openapi("Resident");

export const availabilityQuery = z.object({
  resourceGroupId: id.optional().openapi({ example: "drying-room" }),
  resourceId: id.optional(),
  start: instant,
  end: instant,
  forResident: id.optional().openapi({ description: "Availability under this resident's rules (quotas)" }),
});

export const availabilityBody = z
  .array(
    z.object({
      resourceId: z.string(),
      slots: z.array(z.object({ start: z.string(), end: z.string(), remaining: z.number().int() })),
    }),
  )
  .openapi("Availability");

export const quoteInput = z
  .object({
    resourceId: id.openapi({ example: "dryer-1" }),
    start: instant.optional(),
    end: instant.optional(),
    quantity: z.number().int().positive().max(10_000).default(1),
    forResident: id.optional(),
  })
  .openapi("QuoteInput");

export const quoteBody = z
  .object({
    resourceId: z.string(),
    total: money,
    lines: z.array(z.object({ kind: z.string(), code: z.string(), amount: money, text: localized })),
  })
  .openapi("Quote");

export const bookingInput = z
  .object({
    resourceId: id.openapi({ example: "dryer-1" }),
    start: instant,
    end: instant,
    channel: z.string().min(1).max(50).optional().openapi({ example: "app" }),
    forResident: id.optional().openapi({ description: "The resident booked for (staff at the desk)" }),
  })
  .openapi("BookingInput");

export const bookingBody = z
  .object({
    ok: z.boolean(),
    booking: z.object({ id: z.string(), resourceId: z.string(), status: z.string() }).optional(),
    violations: z.array(violation).optional(),
  })
  .openapi("BookingOutcome");

export const loanInput = z
  .object({
    residentId: id,
    items: z
      .array(z.union([z.object({ itemTypeId: id }), z.object({ itemId: id })]))
      .min(1)
      .max(20)
      .openapi({ example: [{ itemTypeId: "cordless-drill" }] }),
  })
  .openapi("LoanInput");

export const loanBody = z
  .object({
    ok: z.boolean(),
    loans: z.array(z.object({ id: z.string(), itemId: z.string(), dueAt: z.string() })).optional(),
    violations: z.array(violation).optional(),
  })
  .openapi("CheckOutOutcome");

export const helpRequestInput = z
  .object({
    kind: id.openapi({ example: "home-repair" }),
    start: instant,
    end: instant,
    description: z.string().min(1).max(1000).optional().openapi({ example: "水龙头漏水" }),
    forResident: id.optional(),
  })
  .openapi("HelpRequestInput");

export const helpRequestBody = z
  .object({ id: z.string(), kind: z.string(), status: z.string(), price: z.unknown() })
  .openapi("HelpRequest");
