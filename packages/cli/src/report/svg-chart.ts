import * as echarts from "echarts";

/** Size of a chart in pixels. */
export interface ChartSize {
  /** Width in px. */
  readonly width: number;
  /** Height in px. */
  readonly height: number;
}

/**
 * Renders an ECharts option to an SVG string on the server (no DOM, no browser): the
 * `ssr: true` SVG renderer. Animation is off so the SVG is the final picture.
 */
export function renderSvgChart(option: echarts.EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
