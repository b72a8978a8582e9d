import type { SimulationResult } from "../simulate/run-simulation";
import { summaryText } from "../simulate/summary-text";
import { reportCharts } from "./report-charts";

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The simulation's HTML report: one self-contained file (charts as inline SVG rendered on the
 * server with ECharts, styles inline, no script and no network), with the printed summary
 * under the charts.
 */
export function htmlReport(result: SimulationResult): string {
  const title = `linli simulation: ${result.community.name.en ?? result.community.id}`;
  const charts = reportCharts(result)
    .map(
      (c) =>
        `<section class="chart" id="${c.id}"><h2>${escapeHtml(c.title)}</h2><p>${escapeHtml(c.caption)}</p>${c.svg}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-bottom: .2rem; }
.chart p { color: #555; margin-top: 0; } .chart svg { max-width: 100%; height: auto; }
pre { background: #f6f6f6; padding: 1rem; overflow-x: auto; font-size: .8rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)} (${escapeHtml(result.community.name["zh-CN"] ?? "")})</h1>
<p>${result.days} simulated days from ${escapeHtml(result.start)} (${escapeHtml(result.timeZone)}), seed ${result.seed}. Every request went through the community's API on embedded SQLite; refusals are the rules' own reasons.</p>
${charts}
<section id="summary"><h2>Summary</h2><pre>${escapeHtml(summaryText(result))}</pre></section>
</body>
</html>
`;
}
