/**
 * Figures for chapters 6 and 7: series, how windows are cut, forecasts with
 * their intervals against what happened, and correlograms.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Figure, plot } from "../show/mod.ts";
import type { Correlogram } from "./acf.ts";
import { futureTimes, type Series } from "./series.ts";

const WIDTH = 640;

/**
 * A line chart of a series against time (log y-axis with `log: true`). Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * plotSeries(air, { log: true });
 * ```
 */
export function plotSeries(
  series: Series,
  options: { log?: boolean; title?: string; width?: number } = {},
): Figure {
  const data = series.time.map((t, i) => ({ time: t, value: series.values[i] }));
  return plot({
    width: options.width ?? WIDTH,
    height: 260,
    title: options.title ?? series.name,
    x: { label: "time", tickFormat: "d" },
    y: { type: options.log ? "log" : "linear", label: series.name, grid: true },
    marks: [Plot.lineY(data, { x: "time", y: "value", stroke: "#4269d0" })],
  });
}

/**
 * How sliding windows are cut: `count` example rows, each with its
 * `lookback` inputs (blue) and the `horizon` targets after them (orange).
 * Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * windowPicture(air.values.slice(0, 30), { lookback: 12, horizon: 1, count: 4 });
 * ```
 */
export function windowPicture(
  values: number[],
  options: { lookback: number; horizon?: number; count?: number },
): Figure {
  const { lookback, horizon = 1, count = 4 } = options;
  if (values.length < lookback + horizon + count - 1) {
    throw new Error(
      `windowPicture: ${values.length} values cannot show ${count} windows of ${lookback} + ${horizon}; pass more values.`,
    );
  }
  const span = lookback + horizon + count - 1;
  const data = Array.from({ length: count }, (_, w) =>
    values.slice(0, span).map((v, t) => ({
      window: `window ${w + 1}`,
      t,
      value: v,
      role: t >= w && t < w + lookback
        ? "input"
        : t >= w + lookback && t < w + lookback + horizon
        ? "target"
        : "not used",
    }))).flat();
  return plot({
    width: WIDTH,
    height: 70 * count + 40,
    marginLeft: 80,
    fy: { label: null, axis: "left" },
    x: { label: "time step" },
    y: { axis: null },
    color: {
      domain: ["input", "target", "not used"],
      range: ["#4269d0", "#ff725c", "#ccc"],
      legend: true,
    },
    marks: [
      Plot.lineY(data, { x: "t", y: "value", fy: "window", stroke: "#ddd" }),
      Plot.dot(data, { x: "t", y: "value", fy: "window", fill: "role", r: 3 }),
    ],
  });
}

/**
 * A forecast to draw: its mean and, optionally, an interval. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const line: ForecastLine = { mean: [410, 420], lower: [380, 370], upper: [440, 470] };
 * ```
 */
export interface ForecastLine {
  /** Point forecasts, one per step after the history. */
  mean: number[];
  /** Lower ends of the interval. */
  lower?: number[];
  /** Upper ends of the interval. */
  upper?: number[];
}

/**
 * The end of the history, what happened next (if known), and one line per
 * model, with shaded intervals where a model gives them. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * plotForecast(train, { ARIMA: fit.forecast(12), naive: naive(train.values, 12) }, { actual: test });
 * ```
 */
export function plotForecast(
  history: Series,
  forecasts: Record<string, ForecastLine>,
  options: { actual?: Series; show?: number; title?: string; log?: boolean } = {},
): Figure {
  const show = Math.min(options.show ?? 48, history.values.length);
  const n = history.values.length;
  const past = history.time.slice(n - show).map((t, i) => ({
    time: t,
    value: history.values[n - show + i],
    line: "history",
  }));
  const actual = options.actual
    ? options.actual.time.map((t, i) => ({
      time: t,
      value: options.actual!.values[i],
      line: "actual",
    }))
    : [];
  const lines = Object.entries(forecasts).flatMap(([name, f]) => {
    const times = futureTimes(history, f.mean.length);
    return f.mean.map((m, i) => ({
      time: times[i],
      value: m,
      lower: f.lower?.[i],
      upper: f.upper?.[i],
      line: name,
    }));
  });
  const names = ["history", "actual", ...Object.keys(forecasts)];
  const palette = ["#555", "#000", "#4269d0", "#ff725c", "#3ca951", "#a463f2", "#efb118"];
  const bands = lines.filter((d) => d.lower !== undefined && d.upper !== undefined);
  return plot({
    width: WIDTH,
    height: 300,
    title: options.title,
    x: { label: "time", tickFormat: (d: number) => d.toFixed(1) },
    y: { type: options.log ? "log" : "linear", grid: true, label: history.name },
    color: { domain: names, range: palette.slice(0, names.length), legend: true },
    marks: [
      Plot.areaY(bands, {
        x: "time",
        y1: "lower",
        y2: "upper",
        fill: "line",
        fillOpacity: 0.15,
        z: "line",
      }),
      Plot.lineY([...past, ...actual], { x: "time", y: "value", stroke: "line", z: "line" }),
      Plot.dot(actual, { x: "time", y: "value", fill: "line", r: 2 }),
      Plot.lineY(lines, {
        x: "time",
        y: "value",
        stroke: "line",
        z: "line",
        strokeDasharray: "4,2",
      }),
    ],
  });
}

/**
 * A correlogram: one stem per lag and the dashed white-noise band. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * plotCorrelogram(acf(difference(logAir, 12), { maxLag: 36 }));
 * ```
 */
export function plotCorrelogram(c: Correlogram, options: { title?: string } = {}): Figure {
  const data = c.lags.map((lag, i) => ({
    lag,
    value: c.values[i],
    out: Math.abs(c.values[i]) > c.band && lag > 0,
  }));
  return plot({
    width: WIDTH / 2 - 10,
    height: 220,
    title: options.title ?? c.kind,
    x: { label: "lag" },
    y: { label: c.kind, domain: [-1, 1], grid: true },
    color: { domain: [false, true], range: ["#888", "#ff725c"] },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleY([-c.band, c.band], { stroke: "#4269d0", strokeDasharray: "4,3" }),
      Plot.ruleX(data, { x: "lag", y1: 0, y2: "value", stroke: "out", strokeWidth: 2 }),
    ],
  });
}
