import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import {
  acf,
  plotCorrelogram,
  plotForecast,
  plotSeries,
  type Series,
  windowPicture,
  withInterval,
} from "../lib/timeseries/mod.ts";

const series: Series = {
  name: "toy",
  time: Array.from({ length: 24 }, (_, i) => 2000 + i / 12),
  values: Array.from({ length: 24 }, (_, i) => 10 + i + 3 * Math.sin(i / 2)),
  frequency: 12,
};
const svgOf = (markup: string) => parseHTML(`<html><body>${markup}</body></html>`).document;

Deno.test("a series draws as one line", () => {
  const doc = svgOf(plotSeries(series, { log: true }).markup);
  assert.equal(doc.querySelectorAll("path").length >= 1, true);
  assert.match(plotSeries(series).markup, /toy/);
});

Deno.test("the window picture draws one row of dots per window, inputs and targets coloured", () => {
  const fig = windowPicture(series.values, { lookback: 5, horizon: 2, count: 3 });
  const doc = svgOf(fig.markup);
  assert.equal(
    doc.querySelectorAll("circle").length,
    3 * (5 + 2 + 3 - 1),
    "every value in every row",
  );
  assert.match(fig.markup, /input/);
  assert.match(fig.markup, /target/);
  assert.throws(() => windowPicture([1, 2, 3], { lookback: 5 }), /cannot show 4 windows/);
});

Deno.test("a forecast figure shades the interval and has a legend with every model", () => {
  const fc = withInterval([40, 41, 42], [1, 2, 3]);
  const fig = plotForecast(series, { ARIMA: fc, naive: { mean: [33, 33, 33] } }, {
    actual: { ...series, time: [2002, 2002.083, 2002.167], values: [39, 42, 41] },
  });
  for (const name of ["history", "actual", "ARIMA", "naive"]) {
    assert.match(fig.markup, new RegExp(name));
  }
  assert.ok(svgOf(fig.markup).querySelectorAll("path").length >= 4, "band + lines");
});

Deno.test("a correlogram draws one stem per lag and the two band lines", () => {
  const c = acf(series.values, { maxLag: 6 });
  const doc = svgOf(plotCorrelogram(c).markup);
  assert.ok(doc.querySelectorAll("line").length >= 7 + 2);
});
