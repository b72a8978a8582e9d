import { postgresStorage } from "@linli/storage-postgres";
import { afterEach, describe, expect, test } from "vitest";
import { usePgServer } from "../../storage-postgres/test/use-pg-server";
import { cst, volunteer } from "../test/fixture";
import { setUp } from "../test/scenario-setup";

// The home-repair scenario on real PostgreSQL (a throwaway server for this file).
const pg = usePgServer();
const schemas: string[] = [];
afterEach(async () => {
  for (const schema of schemas.splice(0)) await pg.dropSchema(schema);
});

describe("volunteers on PostgreSQL", () => {
  test("a home repair for an elderly person living alone: priced 0 for staff, matched to her courtyard's electrician, no reason for the volunteer", async () => {
    const schema = pg.schemaName("volunteers");
    schemas.push(schema);
    const { community, staff } = await setUp(
      postgresStorage({ connectionString: pg.server.url, schema, max: 4 }),
    );
    const created = await staff.for("wang").volunteers.requests.create({
      kind: "home-repair",
      start: cst("2026-06-02T09:00"),
      end: cst("2026-06-02T12:00"),
      durationMinutes: 60,
      requiredSkills: [{ skill: "electrician" }],
      channel: "phone",
    });
    if (created.view !== "staff") throw new Error("staff view expected");
    expect(created.price?.total.amount).toBe(0);
    expect(created.price?.lines.map((l) => l.group ?? null)).toEqual([null, "elderly-living-alone"]);
    const { matched } = await staff.volunteers.match();
    expect(matched.map((m) => m.volunteerId)).toEqual(["li"]);
    const seen = await community.as(volunteer("li")).volunteers.requests.get({ requestId: created.id });
    expect(JSON.stringify(seen)).not.toMatch(/elderly-living-alone|TIER_FREE|price/);
    const rows = await pg.sql(`SELECT status FROM "${schema}".volunteers_request`);
    expect(rows.map((r) => r.status)).toEqual(["offered"]);
    await community.close();
  });
});
