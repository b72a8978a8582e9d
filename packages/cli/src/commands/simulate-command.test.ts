import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../program";

const fixtures = fileURLToPath(new URL("../simulate/fixtures/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "linli-simulate-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `linli` in process with buffered output (never a TTY: no progress bar). */
async function run(args: readonly string[], cwd = fixtures) {
  let out = "";
  let err = "";
  const io = {
    out: (s: string) => {
      out += s;
    },
    err: (s: string) => {
      err += s;
    },
    cwd,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe("linli simulate and linli whatif", { timeout: 180_000 }, () => {
  it("simulate prints the summary and writes the report", async () => {
    const report = join(dir, "report.html");
    const { code, out, err } = await run([
      "simulate",
      "--preset",
      "wangjialong",
      "--days",
      "2",
      "--residents",
      "300",
      "--report",
      report,
    ]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("linli simulation: Wangjialong Community");
    expect(out).toContain("## Use per resource");
    expect(out).toContain(`Report: ${report}`);
    expect(readFileSync(report, "utf8")).toContain('id="chart-occupancy-hour"');
  });

  it("whatif with a broken change file prints its problem at file:line:column and exits 1", async () => {
    const { code, err } = await run(["whatif", "--change", "broken-change.yaml", "--days", "1"]);
    expect(code).toBe(1);
    expect(err).toMatch(/broken-change\.yaml:4:\d+/);
  });

  it("refuses bad numbers before running", async () => {
    const { code, err } = await run(["simulate", "--days", "0"]);
    expect(code).not.toBe(0);
    expect(err).toContain("a whole number from 1 to 366");
  });
});
