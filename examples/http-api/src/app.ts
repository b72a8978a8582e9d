// The HTTP API: each route's zod schemas validate the request and document it in OpenAPI;
// the handler calls linli, whose own validation and rules answer everything else.
import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import type { HonoRequest } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ServiceCommunity } from "./community";
import { actorOf, errorResponse, requestError, unreadable } from "./errors";
import {
  actorHeaders,
  availabilityBody,
  availabilityQuery,
  bookingBody,
  bookingInput,
  errorBody,
  helpRequestBody,
  helpRequestInput,
  loanBody,
  loanInput,
  quoteBody,
  quoteInput,
  residentBody,
  residentInput,
} from "./schemas";

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const errors = {
  400: json(errorBody, "Bad request: a LinliError with its code and zh-CN and en messages"),
  403: json(errorBody, "The actor may not do this (ACCESS_DENIED, UNKNOWN_ACTOR)"),
  404: json(errorBody, "Not found"),
};
const body = <S extends z.ZodType>(schema: S) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const routes = {
  register: createRoute({
    method: "post",
    path: "/residents",
    summary: "Register a resident (staff), granting eligibility groups",
    request: { headers: actorHeaders, ...body(residentInput) },
    responses: { 201: json(residentBody, "The resident, with the generated id"), ...errors },
  }),
  availability: createRoute({
    method: "get",
    path: "/availability",
    summary: "Free slots of a resource or resource group in a window",
    request: { headers: actorHeaders, query: availabilityQuery },
    responses: { 200: json(availabilityBody, "Free slots per resource"), ...errors },
  }),
  quote: createRoute({
    method: "post",
    path: "/quotes",
    summary: "What a use costs this resident, each line explained in zh-CN and en",
    request: { headers: actorHeaders, ...body(quoteInput) },
    responses: { 200: json(quoteBody, "The quote"), ...errors },
  }),
  book: createRoute({
    method: "post",
    path: "/bookings",
    summary: "Book a resource; a rule's refusal is 409 with every reason",
    request: { headers: actorHeaders, ...body(bookingInput) },
    responses: {
      201: json(bookingBody, "Booked"),
      409: json(bookingBody, "Refused by the community's rules (violations in zh-CN and en)"),
      ...errors,
    },
  }),
  checkOut: createRoute({
    method: "post",
    path: "/loans",
    summary: "Lend tool-room items to a resident (staff or a volunteer on duty)",
    request: { headers: actorHeaders, ...body(loanInput) },
    responses: {
      201: json(loanBody, "Lent"),
      409: json(loanBody, "Refused by a loan policy (violations in zh-CN and en)"),
      ...errors,
    },
  }),
  helpRequest: createRoute({
    method: "post",
    path: "/help-requests",
    summary: "Ask volunteers for help (priced by the community's plans)",
    request: { headers: actorHeaders, ...body(helpRequestInput) },
    responses: { 201: json(helpRequestBody, "The request, open"), ...errors },
  }),
};

/** The document `GET /openapi.json` serves. */
const document = {
  openapi: "3.1.0",
  info: {
    title: "linli example: Wangjialong service desk API",
    version: "1.0.0",
    description: "Booking, availability, quotes, loans and help requests of one community, on SQLite.",
  },
};

/** The HTTP API of `community` (a Hono app: serve it with @hono/node-server or any runtime). */
export function createApp(community: ServiceCommunity) {
  const app = new OpenAPIHono({
    // A request that does not fit its schema gets linli's VALIDATION_FAILED, both languages.
    defaultHook: async (result, c) => {
      if (result.success) return;
      const route = Object.values(routes).find((r) => r.path === c.req.routePath);
      const schema = route && schemaOf(route, result.target);
      const raw = await rawInput(c.req, result.target);
      const { status, body } = errorResponse(
        schema ? requestError(schema, raw, result.target) : result.error,
      );
      return c.json(body, status);
    },
  });
  app.onError((error, c) => {
    // Hono's own refusals (a body that is not JSON) are bad requests too, in linli's shape.
    const { status, body } = errorResponse(
      error instanceof HTTPException && error.status === 400 ? unreadable(error) : error,
    );
    return c.json(body, status);
  });

  app.openapi(routes.register, async (c) => {
    const desk = community.as(actorOf(c.req.valid("header")["x-linli-actor"]));
    const { groups, ...input } = c.req.valid("json");
    // One resident and their groups; a failed grant leaves the resident registered without it.
    const resident = await desk.residents.register(input);
    for (const grant of groups) await desk.for(resident.id).eligibility.grant(grant);
    return c.json({ id: resident.id, name: resident.name, groups: groups.map((g) => g.groupId) }, 201);
  });

  app.openapi(routes.availability, async (c) => {
    const actor = community.as(actorOf(c.req.valid("header")["x-linli-actor"]));
    const { forResident, ...query } = c.req.valid("query");
    const scope = forResident ? actor.for(forResident) : actor;
    const answer = await scope.booking.availability(query);
    return c.json(
      answer.map((r) => ({
        resourceId: r.resourceId,
        slots: r.slots.map((s) => ({
          start: s.start.toISOString(),
          end: s.end.toISOString(),
          remaining: s.remaining,
        })),
      })),
      200,
    );
  });

  app.openapi(routes.quote, async (c) => {
    const actor = community.as(actorOf(c.req.valid("header")["x-linli-actor"]));
    const { forResident, ...input } = c.req.valid("json");
    const quote = await (forResident ? actor.for(forResident) : actor).pricing.quote(input);
    return c.json(
      {
        resourceId: quote.resourceId,
        total: quote.total,
        lines: quote.lines.map((l) => ({ kind: l.kind, code: l.code, amount: l.amount, text: l.publicText })),
      },
      200,
    );
  });

  app.openapi(routes.book, async (c) => {
    const actor = community.as(actorOf(c.req.valid("header")["x-linli-actor"]));
    const { forResident, ...input } = c.req.valid("json");
    const outcome = await (forResident ? actor.for(forResident) : actor).booking.book(input);
    if (!outcome.ok) return c.json({ ok: false, violations: [...outcome.violations] }, 409);
    const { id, resourceId, status } = outcome.booking;
    return c.json({ ok: true, booking: { id, resourceId, status } }, 201);
  });

  app.openapi(routes.checkOut, async (c) => {
    const actor = community.as(actorOf(c.req.valid("header")["x-linli-actor"]));
    const outcome = await actor.lending.checkOut(c.req.valid("json"));
    if (!outcome.ok) return c.json({ ok: false, violations: [...outcome.violations] }, 409);
    const loans = outcome.loans.map((l) => ({ id: l.id, itemId: l.itemId, dueAt: l.dueAt.toISOString() }));
    return c.json({ ok: true, loans }, 201);
  });

  app.openapi(routes.helpRequest, async (c) => {
    const actor = community.as(actorOf(c.req.valid("header")["x-linli-actor"]));
    const { forResident, ...input } = c.req.valid("json");
    const request = await (forResident ? actor.for(forResident) : actor).volunteers.requests.create(input);
    return c.json({ id: request.id, kind: request.kind, status: request.status, price: request.price }, 201);
  });

  app.doc31("/openapi.json", document);
  return app;
}

/** What the client sent for a request part, read again (Hono caches the body). */
async function rawInput(req: HonoRequest, target: string): Promise<unknown> {
  if (target === "header") return req.header();
  if (target === "query") return req.query();
  if (target === "json") return req.json().catch(() => undefined);
  return undefined;
}

/** The zod schema of a route's request part (`json`, `query`, `header`). */
function schemaOf(route: (typeof routes)[keyof typeof routes], target: string): z.ZodType | undefined {
  const request: {
    headers?: z.ZodType;
    query?: z.ZodType;
    body?: { content: Record<string, { schema: z.ZodType }> };
  } = route.request;
  if (target === "header") return request.headers;
  if (target === "query") return request.query;
  if (target === "json") return request.body?.content["application/json"]?.schema;
  return undefined;
}
