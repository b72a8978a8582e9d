import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { wangjialong } from "@linli/presets";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { simulate } from "../simulate/run-simulation";
import { htmlReport } from "./html-report";

/** Debian's Chromium (`apt-get install -y chromium`; `.ci/run` installs it when missing). */
const CHROMIUM = "/usr/bin/chromium";
/** Where the screenshot goes (ignored by git). */
const OUTPUT = fileURLToPath(new URL("../../../../test-results/", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "linli-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the simulation report in a real browser", { timeout: 180_000 }, () => {
  it("opens in headless Chromium without console errors and shows its charts", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    const result = await simulate(wangjialong, { days: 3, residents: 800 });
    const file = join(dir, "report.html");
    writeFileSync(file, htmlReport(result));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

      const charts = await page.$$eval("section.chart", (sections) =>
        sections.map((s) => {
          const svg = s.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return {
            id: s.id,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            shapes: svg?.querySelectorAll("path, rect").length ?? 0,
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual([
        "chart-occupancy-hour",
        "chart-occupancy-day",
        "chart-revenue-waivers",
        "chart-refusals",
        "chart-volunteer-load",
      ]);
      for (const chart of charts) {
        expect(chart.width, chart.id).toBeGreaterThan(300);
        expect(chart.height, chart.id).toBeGreaterThan(100);
        expect(chart.shapes, chart.id).toBeGreaterThan(3);
      }
      expect(await page.textContent("#summary")).toContain("Use per resource");
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, "simulation-report.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
