import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bookingPlugin } from "@linli/booking";
import { createCommunity } from "@linli/core";
import { presetCopy } from "@linli/presets";
import { pricingPlugin } from "@linli/pricing";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe, expect, test } from "vitest";
import { parseCsv } from "../src/csv";
import { fixtures, run } from "./run-cli";

const config = fileURLToPath(new URL("../../presets/wangjialong.json", import.meta.url));
const dirs: string[] = [];
const freshDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "linli-cli-"));
  dirs.push(dir);
  return join(dir, "community.sqlite");
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("linli import and export", () => {
  test("residents from a spreadsheet, with their groups, come back out as the same CSV", async () => {
    const db = freshDb();
    const imported = await run(["import", "--config", config, "--db", db, "--csv", "residents.csv"]);
    expect(imported).toEqual({
      code: 0,
      out: `imported 3 residents and 3 eligibility grants into ${db}\n`,
      err: "",
    });
    const exported = await run(["export", "--config", config, "--db", db, "--csv", "residents"]);
    expect(exported.code).toBe(0);
    expect(exported.out).toBe(
      "id,name,phone,birthYear,placeId,groups\r\n" +
        'li,"Li, Ming",,1990,,\r\n' +
        "wang,王秀英,13800000001,1948,courtyard-1,elderly-no-family;hardship\r\n" +
        "zhang,张伟,13800000003,2012,courtyard-2,student\r\n",
    );
  });

  test("a file with wrong rows imports nothing and names every problem with its line", async () => {
    const db = freshDb();
    const { code, err } = await run(["import", "--config", config, "--db", db, "--csv", "residents-bad.csv"]);
    expect(code).toBe(1);
    expect(err).toBe(
      [
        'residents-bad.csv:line 2: birthYear "1848" is not a year from 1900 to 2100',
        'residents-bad.csv:line 2: unknown place "courtyard-9"',
        'residents-bad.csv:line 2: unknown eligibility group "pensioner"',
        "residents-bad.csv:line 3: name is required (at most 200 characters)",
        "nothing imported",
        "",
      ].join("\n"),
    );
    const exported = await run(["export", "--config", config, "--db", db, "--csv", "residents"]);
    expect(exported.out).toBe("id,name,phone,birthYear,placeId,groups\r\n");
  });

  test("bookings of a resource export as an ICS calendar", async () => {
    const db = freshDb();
    await run(["import", "--config", config, "--db", db, "--csv", "residents.csv"], fixtures);
    const community = await createCommunity({
      config: { ...presetCopy("wangjialong"), members: [{ id: "desk", kind: "staff" }] },
      storage: sqliteStorage({ filename: db }),
      plugins: [bookingPlugin(), pricingPlugin()],
    });
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(2, 0, 0, 0); // 10:00 in Changsha
    const booked = await community
      .as({ kind: "staff", id: "desk" })
      .for("wang")
      .booking.book({ resourceId: "drying-room", start, end: new Date(start.getTime() + 3_600_000) });
    expect(booked.ok).toBe(true);
    await community.close();
    const { code, out } = await run([
      "export",
      "--config",
      config,
      "--db",
      db,
      "--ics",
      "--resource",
      "drying-room",
      "--lang",
      "en",
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(out).toContain("SUMMARY:Shared drying room");
    expect(out).toContain(
      `DTSTART;TZID=Asia/Shanghai:${start.toISOString().slice(0, 10).replaceAll("-", "")}T100000`,
    );
  });

  test("CSV cells with quotes, commas and line breaks parse back", () => {
    expect(parseCsv('a,"b ""x"", y"\r\n"multi\nline",2\n')).toEqual([
      { line: 1, cells: ["a", 'b "x", y'] },
      { line: 2, cells: ["multi\nline", "2"] },
    ]);
  });
});
