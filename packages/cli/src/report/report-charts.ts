import type { SimulationResult } from "../simulate/run-simulation";
import { groupLabel, occupancy } from "../simulate/summary-text";
import { renderSvgChart } from "./svg-chart";

/** One chart of the report: a title, a caption and its SVG. */
export interface ReportChart {
  /** Stable id (the HTML element id: tests look for it). */
  readonly id: string;
  /** Title shown above. */
  readonly title: string;
  /** What it shows, in one sentence. */
  readonly caption: string;
  /** The chart as an SVG document fragment. */
  readonly svg: string;
}

const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, "0")}:00`);

/** The resources that were asked for, with their names. */
function usedResources(result: SimulationResult) {
  return result.tally.resources
    .filter((u) => u.requests > 0)
    .map((u) => ({ use: u, name: result.resourceNames[u.resourceId] ?? u.resourceId }));
}

/**
 * Occupancy heat map, resource × local hour of day: booked unit-minutes in that hour over
 * the month, over capacity × days × 60 (percent).
 */
export function occupancyByHourChart(result: SimulationResult): ReportChart {
  const rows = usedResources(result);
  const data: [number, number, number][] = [];
  let max = 1;
  rows.forEach(({ use }, y) => {
    use.byHour.forEach((minutes, x) => {
      const pct = Math.round(occupancy(minutes, use.capacity, result.days) * 24 * 1000) / 10;
      max = Math.max(max, pct);
      data.push([x, y, pct]);
    });
  });
  return {
    id: "chart-occupancy-hour",
    title: "Occupancy by hour of day",
    caption: "Share of each resource's capacity booked in each local hour, over the whole simulation (%).",
    svg: renderSvgChart(
      {
        tooltip: {},
        grid: { left: 170, right: 30, top: 20, bottom: 90 },
        xAxis: { type: "category", data: HOURS, splitArea: { show: true } },
        yAxis: { type: "category", data: rows.map((r) => r.name), splitArea: { show: true } },
        visualMap: { min: 0, max, calculable: false, orient: "horizontal", left: "center", bottom: 10 },
        series: [{ type: "heatmap", data, label: { show: false } }],
      },
      { width: 960, height: Math.max(260, 60 + rows.length * 28 + 90) },
    ),
  };
}

/** Occupancy heat map, resource × simulated day (percent of a 24-hour day's capacity). */
export function occupancyByDayChart(result: SimulationResult): ReportChart {
  const rows = usedResources(result);
  const days = Array.from({ length: result.days }, (_, i) => String(i + 1));
  const data: [number, number, number][] = [];
  let max = 1;
  rows.forEach(({ use }, y) => {
    use.byDay.forEach((minutes, x) => {
      const pct = Math.round(occupancy(minutes, use.capacity, 1) * 1000) / 10;
      max = Math.max(max, pct);
      data.push([x, y, pct]);
    });
  });
  return {
    id: "chart-occupancy-day",
    title: "Occupancy by day",
    caption: `Share of each resource's daily capacity booked, day by day from ${result.start} (%).`,
    svg: renderSvgChart(
      {
        tooltip: {},
        grid: { left: 170, right: 30, top: 20, bottom: 90 },
        xAxis: { type: "category", data: days, name: "day" },
        yAxis: { type: "category", data: rows.map((r) => r.name) },
        visualMap: {
          min: 0,
          max,
          orient: "horizontal",
          left: "center",
          bottom: 10,
          inRange: { color: ["#f7fbff", "#08519c"] },
        },
        series: [{ type: "heatmap", data }],
      },
      { width: 960, height: Math.max(260, 60 + rows.length * 28 + 90) },
    ),
  };
}

/** Paid and waived amounts by the group whose tier priced the use (in major units). */
export function revenueVersusWaiversChart(result: SimulationResult): ReportChart {
  const rows = result.tally.money.filter((m) => m.paid > 0 || m.waived > 0);
  const labels = rows.map((m) => groupLabel(result, m.group));
  return {
    id: "chart-revenue-waivers",
    title: "Revenue and waived value by eligibility group",
    caption: `What was paid and what eligibility tiers waived, by the group whose tier decided the price (${result.currency}).`,
    svg: renderSvgChart(
      {
        tooltip: {},
        legend: { data: ["paid", "waived"], top: 0 },
        grid: { left: 230, right: 40, top: 40, bottom: 40 },
        xAxis: { type: "value", name: result.currency },
        yAxis: { type: "category", data: labels },
        series: [
          {
            name: "paid",
            type: "bar",
            stack: "money",
            data: rows.map((m) => m.paid / 100),
            itemStyle: { color: "#2f7ed8" },
          },
          {
            name: "waived",
            type: "bar",
            stack: "money",
            data: rows.map((m) => m.waived / 100),
            itemStyle: { color: "#f28f43" },
          },
        ],
      },
      { width: 960, height: Math.max(220, 80 + rows.length * 40) },
    ),
  };
}

/** Refusals by reason code (a bar per code). */
export function refusalsChart(result: SimulationResult): ReportChart {
  const entries = Object.entries(result.tally.refusals).sort(([, a], [, b]) => b - a);
  return {
    id: "chart-refusals",
    title: "Refusals by reason",
    caption:
      "Refused requests by the stable reason code the rules gave (a request refused for two reasons counts for both).",
    svg: renderSvgChart(
      {
        tooltip: {},
        grid: { left: 230, right: 40, top: 20, bottom: 40 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: entries.map(([code]) => code) },
        series: [{ type: "bar", data: entries.map(([, n]) => n), itemStyle: { color: "#c0392b" } }],
      },
      { width: 960, height: Math.max(200, 60 + entries.length * 32) },
    ),
  };
}

/**
 * Volunteer load: a stacked bar per volunteer, hours of help requests and of duty shifts,
 * heaviest first: how evenly the team carried the work.
 */
export function volunteerLoadChart(result: SimulationResult): ReportChart {
  const rows = [...result.tally.volunteers].sort(
    (a, b) =>
      b.taskMinutes + b.shiftMinutes - (a.taskMinutes + a.shiftMinutes) ||
      (a.volunteerId < b.volunteerId ? -1 : 1),
  );
  const h = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  const labels = rows.map((v) => `${v.name} (${v.volunteerId})`);
  return {
    id: "chart-volunteer-load",
    title: "Volunteer load",
    caption:
      "Hours each volunteer served over the simulation: help requests completed and duty shifts attended, heaviest first.",
    svg: renderSvgChart(
      {
        tooltip: {},
        legend: { data: ["help requests", "duty shifts"], top: 0 },
        grid: { left: 200, right: 40, top: 40, bottom: 40 },
        xAxis: { type: "value", name: "hours" },
        yAxis: { type: "category", data: labels, inverse: true },
        series: [
          {
            name: "help requests",
            type: "bar",
            stack: "load",
            data: rows.map((v) => h(v.taskMinutes)),
            itemStyle: { color: "#2a9d8f" },
          },
          {
            name: "duty shifts",
            type: "bar",
            stack: "load",
            data: rows.map((v) => h(v.shiftMinutes)),
            itemStyle: { color: "#e9c46a" },
          },
        ],
      },
      { width: 960, height: Math.max(220, 80 + rows.length * 18) },
    ),
  };
}

/** Every chart the result has data for (no empty charts). */
export function reportCharts(result: SimulationResult): ReportChart[] {
  const charts = [occupancyByHourChart(result), occupancyByDayChart(result)];
  if (result.tally.money.some((m) => m.paid > 0 || m.waived > 0))
    charts.push(revenueVersusWaiversChart(result));
  if (Object.keys(result.tally.refusals).length > 0) charts.push(refusalsChart(result));
  if (result.tally.volunteers.some((v) => v.taskMinutes + v.shiftMinutes > 0))
    charts.push(volunteerLoadChart(result));
  return charts;
}
