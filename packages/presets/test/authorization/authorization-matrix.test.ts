// The authorization matrix (issue 16): every command and query of every installed plugin,
// tried by every kind of actor, allowed or refused, by running it. A command without a row
// fails here; so does a row for a command that no longer exists. Every plugin of the SDK is
// installed (`matrixPlugins()`), each with its table.
import { isLinliError } from "@linli/core";
import { describe, expect, it } from "vitest";
import { bookingMatrix } from "./booking-matrix";
import { coreMatrix } from "./core-matrix";
import { actorOf, matrixWorld } from "./matrix-community";
import { type MatrixRow, PROFILES, type Profile } from "./matrix-types";
import { lendingMatrix } from "./lending-matrix";
import { pricingMatrix } from "./pricing-matrix";
import { volunteersMatrix } from "./volunteers-matrix";

const tables = {
  core: coreMatrix,
  booking: bookingMatrix,
  pricing: pricingMatrix,
  lending: lendingMatrix,
  volunteers: volunteersMatrix,
};
const rows: Record<string, MatrixRow> = Object.assign({}, ...Object.values(tables));

/**
 * Refusals: no access, an unverified actor, "not found" (kernel or booking) for what the actor
 * may not see, and volunteers' refusals of an actor who is not the volunteer a request, pair or
 * shift is about (`NOT_ASSIGNED`, `NOT_A_VOLUNTEER`).
 */
const REFUSED = new Set([
  "ACCESS_DENIED",
  "UNKNOWN_ACTOR",
  "NOT_FOUND",
  "BOOKING_NOT_FOUND",
  "NOT_ASSIGNED",
  "NOT_A_VOLUNTEER",
]);
const NOT_COMMANDS = new Set(["id", "config", "as", "close"]);

/** Every command of a community by its path (`booking.waitlist.join`), found by walking the API. */
function commandPaths(api: Record<string, unknown>, prefix = ""): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(api)) {
    if (prefix === "" && NOT_COMMANDS.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "function") out.push(path);
    else if (value && typeof value === "object")
      out.push(...commandPaths(value as Record<string, unknown>, path));
  }
  return out.sort();
}

function commandAt(api: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split(".").reduce((node: any, key) => node[key], api);
}

/** What one profile gets: "allowed", "refused", or a description of anything else. */
async function attempt(path: string, row: MatrixRow, profile: Profile): Promise<string> {
  const world = await matrixWorld();
  const input = await row.input(world, profile);
  const actor = actorOf(profile);
  const forResident = row.subject && profile !== "self" ? { forResident: "wang" } : {};
  const before = await world.api.events.list({ actor: actorOf("system"), limit: 1000 });
  try {
    const result = await commandAt(world.api, path)({ ...input, ...forResident, actor });
    if (row.refusal === "null" && result === null) return "refused";
    return row.allowedError ? "allowed without the expected domain error" : "allowed";
  } catch (error) {
    if (!isLinliError(error)) return `raw error: ${String(error)}`;
    const after = await world.api.events.list({ actor: actorOf("system"), limit: 1000 });
    if (after.length !== before.length) return `refused (${error.code}) but wrote events`;
    if (REFUSED.has(error.code)) return "refused";
    if (error.code === row.allowedError) return "allowed";
    return `error ${error.code}: ${error.messages.en}`;
  }
}

describe("authorization matrix: every command x every actor", () => {
  it("every command of every installed plugin has a row, and every row a command", async () => {
    const { api } = await matrixWorld();
    expect(commandPaths(api)).toEqual(Object.keys(rows).sort());
  });

  it("can fail: a row that opened residents.list to residents, or closed booking.book to them, is caught", async () => {
    const list = { ...coreMatrix["residents.list"]!, allow: ["self" as const] };
    expect(await attempt("residents.list", list, "self")).toBe("refused");
    expect(await attempt("booking.book", bookingMatrix["booking.book"]!, "self")).toBe("allowed");
    expect(await attempt("booking.book", bookingMatrix["booking.book"]!, "other")).toBe("refused");
    // Lending's counter once allowed `["staff", "volunteer"]`: admins and the system were left out.
    expect(await attempt("lending.checkOut", lendingMatrix["lending.checkOut"]!, "admin")).toBe("allowed");
    const contact = volunteersMatrix["volunteers.requests.contact"]!;
    expect(await attempt("volunteers.requests.contact", contact, "desk")).toBe("refused");
  });

  for (const [path, row] of Object.entries(rows)) {
    it(`${path}: allowed for ${row.allow.join(", ")}; refused for the rest`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const profile of PROFILES) {
        got[profile] = await attempt(path, row, profile);
        want[profile] = row.allow.includes(profile) ? "allowed" : "refused";
      }
      expect(got).toEqual(want);
    });
  }
});
