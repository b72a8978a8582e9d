import { describe, expect, it } from "vitest";
import { escapeHtml, htmlReport } from "./html-report";
import { sampleResult } from "./report-fixture";
import { reportCharts } from "./report-charts";

describe("htmlReport", () => {
  it("is one self-contained file: every chart as inline SVG, no script, nothing fetched", () => {
    const html = htmlReport(sampleResult());
    for (const id of [
      "chart-occupancy-hour",
      "chart-occupancy-day",
      "chart-revenue-waivers",
      "chart-refusals",
      "chart-volunteer-load",
    ]) {
      const section = html.slice(html.indexOf(`id="${id}"`));
      expect(section.slice(0, section.indexOf("</section>"))).toMatch(/<svg[\s\S]*<\/svg>/);
    }
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(http/i);
    // Only SVG's own namespaces are URLs.
    for (const url of html.match(/https?:\/\/[^"' )]+/g) ?? [])
      expect(url).toMatch(/^http:\/\/www\.w3\.org\//);
    expect(html).toContain("Wangjialong &#60;Community&#62;");
    expect(html).toContain("## Use per resource");
  });

  it("draws no chart it has no data for", () => {
    const empty = {
      ...sampleResult(),
      tally: { ...sampleResult().tally, money: [], refusals: {}, volunteers: [] },
    };
    expect(reportCharts(empty).map((c) => c.id)).toEqual(["chart-occupancy-hour", "chart-occupancy-day"]);
  });

  it("draws the volunteer load heaviest first, help requests and duty shifts stacked", () => {
    const chart = reportCharts(sampleResult()).find((c) => c.id === "chart-volunteer-load");
    expect(chart?.svg).toMatch(/<svg[\s\S]*<\/svg>/);
    const svg = chart?.svg ?? "";
    expect(svg.indexOf("李秀英")).toBeGreaterThan(-1);
    expect(svg).toContain("duty shifts");
  });

  it("escapes text", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;");
  });
});
