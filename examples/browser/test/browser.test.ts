// The page in Debian's Chromium (`apt-get install -y chromium`; `.ci/run` installs it when
// missing) through playwright-core: built by Vite, served by `vite preview` on loopback.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build, type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../", import.meta.url));
/** Where the screenshot goes (ignored by git). */
const OUTPUT = fileURLToPath(new URL("../../../test-results/", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "linli-browser-example-"));
let server: PreviewServer;
let base = "";

beforeAll(async () => {
  const config = { root, configFile: join(root, "vite.config.ts"), logLevel: "warn" as const };
  await build({ ...config, build: { outDir, emptyOutDir: true } });
  server = await preview({
    ...config,
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  base = `http://127.0.0.1:${address.port}`;
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("the browser example in headless Chromium", { timeout: 120_000 }, () => {
  it("shows the drying room's week with each resident's prices, and books", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      // Monday 2026-07-06, 08:00 in Shanghai: the week runs Monday to Sunday.
      await page.goto(`${base}/?now=2026-07-06T00:00:00Z`);
      await page.waitForSelector('#calendar[data-ready="true"]');

      const headers = await page.$$eval("#calendar thead th", (ths) => ths.map((th) => th.textContent));
      expect(headers).toEqual([
        "时间 Time",
        "周一 07/06",
        "周二 07/07",
        "周三 07/08",
        "周四 07/09",
        "周五 07/10",
        "周六 07/11",
        "周日 07/12",
      ]);
      const prices = () => page.$$eval("#calendar td .price", (spans) => spans.map((s) => s.textContent));
      const standard = await prices();
      expect(standard).toHaveLength(7 * 12);
      expect(new Set(standard)).toEqual(new Set(["¥1.00"]));
      expect(await page.textContent('button[data-date="2026-07-06"][data-hour="10:00"] .free')).toBe(
        "空闲 2 台 free",
      );

      // Book Monday 10:00 and 11:00 as 李师傅: two uses a day, so the rest of his Monday closes.
      const book = async (hour: string) => {
        await page.click(`button[data-date="2026-07-06"][data-hour="${hour}"]`);
        await page.waitForSelector('#calendar[data-ready="true"]');
      };
      await book("10:00");
      expect(await page.textContent("#status")).toContain("已预订 2026-07-06 10:00");
      expect(await page.textContent('button[data-date="2026-07-06"][data-hour="10:00"] .free')).toBe(
        "已预订 Booked",
      );
      await book("11:00");
      const monday15 = 'button[data-date="2026-07-06"][data-hour="15:00"]';
      expect(await page.isDisabled(monday15)).toBe(true);
      expect(await page.textContent(`${monday15} .free`)).toBe("不可预订 Unavailable");
      expect(await page.isDisabled('button[data-date="2026-07-07"][data-hour="15:00"]')).toBe(false);

      // 王奶奶's household is in difficulty: every hour is free for her, and 10:00 has one dryer left.
      const labels = await page.$$eval("#profile option", (os) => os.map((o) => o.textContent));
      await page.selectOption("#profile", { label: labels[1] ?? "" });
      await page.waitForSelector('#calendar[data-ready="true"]');
      expect(new Set(await prices())).toEqual(new Set(["免费 ¥0.00"]));
      expect(await page.textContent('button[data-date="2026-07-06"][data-hour="10:00"] .free')).toBe(
        "空闲 1 台 free",
      );
      await page.selectOption("#profile", { label: labels[0] ?? "" });
      await page.waitForSelector('#calendar[data-ready="true"]');

      mkdirSync(OUTPUT, { recursive: true });
      const shot = join(OUTPUT, "browser-example.png");
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
