import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { run } from "./run-cli";

const config = fileURLToPath(new URL("../../presets/wangjialong.json", import.meta.url));
const dirs: string[] = [];
const freshDb = () => {
  const dir = mkdtempSync(join(tmpdir(), "linli-cli-inv-"));
  dirs.push(dir);
  return join(dir, "community.sqlite");
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const HEADER =
  "itemTypeId,tracking,category,nameZh,nameEn,tags,trainingGroup,code,condition,location,acquisition,acquiredOn,status,donor\r\n";
const exportInventory = (db: string) => run(["export", "--config", config, "--db", db, "--csv", "inventory"]);

describe("linli import --what inventory", () => {
  test("the tool room's spreadsheet: types created from the rows, every unit in, the same columns back out", async () => {
    const db = freshDb();
    const imported = await run([
      "import",
      "--config",
      config,
      "--db",
      db,
      "--csv",
      "tools.csv",
      "--what",
      "inventory",
    ]);
    expect(imported).toEqual({ code: 0, out: `imported 4 units (3 new item types) into ${db}\n`, err: "" });
    const exported = await exportInventory(db);
    expect(exported.code).toBe(0);
    expect(exported.out).toBe(
      HEADER +
        'cordless-drill,stock,power-tools,充电电钻,"Drill, cordless",battery;popular,,drill-1,good,tool-room-site,bought,2024-03-01,available,\r\n' +
        'cordless-drill,stock,power-tools,充电电钻,"Drill, cordless",battery;popular,,drill-2,good,tool-room-site,donated,,available,\r\n' +
        "angle-grinder,stock,power-tools,角磨机,Angle grinder,,power-tool-training,grinder-1,good,tool-room-site,bought,,available,\r\n" +
        "step-ladder,stock,ladders,人字梯,Step ladder,,,ladder-1,good,,bought,,available,\r\n",
    );
  });

  test("a file with wrong rows imports nothing and names every problem with its line", async () => {
    const db = freshDb();
    const args = ["import", "--config", config, "--db", db, "--csv", "tools-bad.csv", "--what", "inventory"];
    const { code, out, err } = await run(args);
    expect(code).toBe(1);
    expect(out).toBe("");
    const lines = err.split("\n");
    expect(lines[0]).toBe('tools-bad.csv:line 3: unknown category "woodwork" (not in the lending section)');
    expect(lines[1]).toMatch(/^tools-bad\.csv:line 4: condition: .*"good"/);
    expect(lines.slice(2)).toEqual([
      'tools-bad.csv:line 5: code "hammer-1" is already on line 2',
      "nothing imported",
      "",
    ]);
    // The good row of line 2 was not written either.
    expect((await exportInventory(db)).out).toBe(HEADER);
  });

  test("a file whose codes are already in the catalog fails as a whole: nothing more is written", async () => {
    const db = freshDb();
    const args = ["import", "--config", config, "--db", db, "--csv", "tools.csv", "--what", "inventory"];
    expect((await run(args)).code).toBe(0);
    const before = (await exportInventory(db)).out;
    const again = await run(args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^tools\.csv: .*drill-1.*\nnothing imported\n$/s);
    expect((await exportInventory(db)).out).toBe(before);
  });

  test("a header without the required columns is refused before anything is read", async () => {
    const db = freshDb();
    const { code, err } = await run([
      "import",
      "--config",
      config,
      "--db",
      db,
      "--csv",
      "residents.csv",
      "--what",
      "inventory",
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^residents\.csv:line 1: the header names the columns .*; missing: itemTypeId, category, nameZh, nameEn, code; unknown: id, name, phone, birthYear, placeId, groups\nnothing imported\n$/,
    );
  });
});
