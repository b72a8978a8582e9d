// The example service over real HTTP on loopback: a SQLite file, @hono/node-server on an
// ephemeral port, fetch as the client.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { manualClock } from "@linli/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { openCommunity, type ServiceCommunity } from "../src/community";

const dir = mkdtempSync(join(tmpdir(), "linli-http-api-"));
let community: ServiceCommunity;
let server: ReturnType<typeof serve>;
let base = "";

beforeAll(async () => {
  // Monday 2026-07-06, 08:30 in Shanghai.
  community = await openCommunity(join(dir, "wangjialong.db"), {
    clock: manualClock("2026-07-06T00:30:00Z"),
  });
  server = serve({ fetch: createApp(community).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await community.close();
  rmSync(dir, { recursive: true, force: true });
});

const desk = "staff:desk-1";
async function call(method: string, path: string, actor: string | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (actor) headers["x-linli-actor"] = actor;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const json: any = await response.json(); // JSON off the wire, checked field by field below
  return { status: response.status, body: json };
}
const register = async (name: string, groups: { groupId: string; evidenceRef: string }[] = []) =>
  (await call("POST", "/residents", desk, { name, groups })).body.id as string;

/** A LinliError body: the code, both messages non-empty and different. */
function expectLinliError(
  body: { error?: { code?: string; messages?: Record<string, string> } },
  code: string,
) {
  expect(body.error?.code).toBe(code);
  const zh = body.error?.messages?.["zh-CN"] ?? "";
  const en = body.error?.messages?.en ?? "";
  expect(zh.length).toBeGreaterThan(0);
  expect(en.length).toBeGreaterThan(0);
  expect(zh).not.toBe(en);
}

describe("the linli example HTTP API", () => {
  it("serves an OpenAPI document generated from the zod schemas", async () => {
    const { status, body } = await call("GET", "/openapi.json", null);
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual([
      "/availability",
      "/bookings",
      "/help-requests",
      "/loans",
      "/quotes",
      "/residents",
    ]);
    const booking = body.components.schemas.BookingInput;
    expect(booking.required).toEqual(expect.arrayContaining(["resourceId", "start", "end"]));
    expect(booking.properties.start).toMatchObject({ type: "string", format: "date-time" });
    expect(body.paths["/bookings"].post.responses["400"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Error",
    });
  });

  it("books the drying room: availability, a price per resident, a booking, a quota refusal", async () => {
    const wang = await register("王奶奶", [{ groupId: "hardship", evidenceRef: "困难户证 2026-017" }]);
    const li = await register("李师傅");
    const window = { start: "2026-07-06T08:00:00+08:00", end: "2026-07-06T20:00:00+08:00" };
    const free = await call(
      "GET",
      `/availability?resourceGroupId=drying-room&start=${encodeURIComponent(window.start)}&end=${encodeURIComponent(window.end)}`,
      `resident:${li}`,
    );
    expect(free.status).toBe(200);
    expect(free.body.map((r: { resourceId: string }) => r.resourceId)).toEqual(["dryer-1", "dryer-2"]);
    expect(free.body[0].slots.length).toBeGreaterThan(10);

    const slot = {
      resourceId: "dryer-1",
      start: "2026-07-06T10:00:00+08:00",
      end: "2026-07-06T11:00:00+08:00",
    };
    const priceFor = async (resident: string) =>
      (await call("POST", "/quotes", desk, { ...slot, forResident: resident })).body.total;
    expect(await priceFor(li)).toEqual({ amount: 100, currency: "CNY" });
    expect(await priceFor(wang)).toEqual({ amount: 0, currency: "CNY" });

    const booked = await call("POST", "/bookings", desk, { ...slot, forResident: wang, channel: "phone" });
    expect(booked.status).toBe(201);
    expect(booked.body.booking).toMatchObject({ resourceId: "dryer-1", status: "confirmed" });

    const asLi = `resident:${li}`;
    const at = (h: string) => `2026-07-06T${h}:00:00+08:00`;
    expect(
      (await call("POST", "/bookings", asLi, { resourceId: "dryer-2", start: at("10"), end: at("11") }))
        .status,
    ).toBe(201);
    expect(
      (await call("POST", "/bookings", asLi, { resourceId: "dryer-2", start: at("12"), end: at("13") }))
        .status,
    ).toBe(201);
    const third = await call("POST", "/bookings", asLi, {
      resourceId: "dryer-2",
      start: at("15"),
      end: at("16"),
    });
    expect(third.status).toBe(409);
    expect(third.body.ok).toBe(false);
    expect(third.body.violations[0].code).toBe("QUOTA_EXCEEDED");
    expect(third.body.violations[0].message["zh-CN"]).not.toBe(third.body.violations[0].message.en);
  });

  it("lends a drill and refuses a second power tool by policy", async () => {
    const zhang = await register("张阿姨");
    const first = await call("POST", "/loans", "volunteer:li-shifu", {
      residentId: zhang,
      items: [{ itemTypeId: "cordless-drill" }],
    });
    expect(first.status).toBe(201);
    expect(first.body.loans).toHaveLength(1);
    const second = await call("POST", "/loans", desk, {
      residentId: zhang,
      items: [{ itemTypeId: "cordless-drill" }],
    });
    expect(second.status).toBe(409);
    expect(second.body.violations.length).toBeGreaterThan(0);
  });

  it("takes a help request, priced free for a resident living alone", async () => {
    const zhao = await register("赵爷爷", [{ groupId: "elderly-living-alone", evidenceRef: "登记表-044" }]);
    const request = await call("POST", "/help-requests", desk, {
      kind: "home-repair",
      start: "2026-07-07T09:00:00+08:00",
      end: "2026-07-07T12:00:00+08:00",
      description: "水龙头漏水",
      forResident: zhao,
    });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ kind: "home-repair", status: "open" });
    expect(request.body.price.total).toEqual({ amount: 0, currency: "CNY" });
  });

  it("answers bad requests with 400, the LinliError code and both messages", async () => {
    // The HTTP schema: a start that is not an instant.
    const badInstant = await call("POST", "/bookings", desk, {
      resourceId: "dryer-1",
      start: "tomorrow",
      end: "x",
    });
    expect(badInstant.status).toBe(400);
    expectLinliError(badInstant.body, "VALIDATION_FAILED");
    const problems: { path: string; message: Record<string, string> }[] =
      badInstant.body.error.details.problems;
    expect(problems.map((p) => p.path)).toEqual(["start", "end"]);
    expect(problems[0]?.message["zh-CN"]).not.toBe(problems[0]?.message.en);
    // No actor header.
    const anonymous = await call("POST", "/quotes", null, { resourceId: "dryer-1" });
    expect(anonymous.status).toBe(400);
    expectLinliError(anonymous.body, "VALIDATION_FAILED");
    // linli's own checks behind a well-formed request: an unknown resident, an end before the start.
    const unknown = await call("POST", "/quotes", desk, { resourceId: "dryer-1", forResident: "nobody" });
    expect(unknown.status).toBe(400);
    expectLinliError(unknown.body, "UNKNOWN_RESIDENT");
    const backwards = await call(
      "GET",
      "/availability?resourceId=dryer-1&start=2026-07-06T12:00:00Z&end=2026-07-06T10:00:00Z",
      desk,
    );
    expect(backwards.status).toBe(400);
    expectLinliError(backwards.body, "VALIDATION_FAILED");
    // An undeclared staff id.
    const stranger = await call("POST", "/residents", "staff:intruder", { name: "某人" });
    expect(stranger.status).toBe(403);
    expectLinliError(stranger.body, "UNKNOWN_ACTOR");
    // A body that is not JSON at all.
    const garbage = await call("POST", "/bookings", desk, "{not json");
    expect(garbage.status).toBe(400);
    expectLinliError(garbage.body, "VALIDATION_FAILED");
  });
});
