import assert from "node:assert/strict";
import { arima, inverse, loadSeries } from "../lib/timeseries/mod.ts";

const dataDir = new URL("../data/series/", import.meta.url).pathname;
const www = loadSeries(`${dataDir}WWWusage.csv`).values;

Deno.test("forecast intervals are mean ± 1.96 se at 95%, and narrower at 80%", () => {
  const fit = arima(www, { order: [1, 1, 1], method: "CSS" });
  const f95 = fit.forecast(3), f80 = fit.forecast(3, 0.8);
  f95.mean.forEach((m, i) => {
    assert.ok(Math.abs(f95.upper[i] - (m + 1.959963984540054 * f95.se[i])) < 1e-9);
    assert.ok(Math.abs(f80.upper[i] - (m + 1.2815515655446008 * f80.se[i])) < 1e-9);
  });
  // R 4.2.2 (fixture): first se 3.134802 for WWWusage ARIMA(1,1,1) CSS
  assert.ok(Math.abs(f95.se[0] / 3.134802 - 1) < 1e-3);
});

Deno.test("forecasting a non-positive number of steps is refused", () => {
  const fit = arima(www, { order: [1, 1, 0], method: "CSS" });
  assert.throws(() => fit.forecast(0), /h must be a whole number of steps >= 1/);
});

Deno.test("the fit knows its label, residuals and observations used", () => {
  const fit = arima(www, { order: [1, 1, 1], method: "ML" });
  assert.equal(fit.label, "ARIMA(1,1,1)");
  assert.equal(fit.nUsed, 99);
  assert.equal(fit.residuals.length, 100);
  assert.ok(fit.converged);
});

Deno.test("inverse of a 2x2 by hand", () => {
  const inv = inverse([[4, 7], [2, 6]]); // det 10: [[0.6, -0.7], [-0.2, 0.4]]
  [[0.6, -0.7], [-0.2, 0.4]].forEach((row, i) =>
    row.forEach((v, j) => assert.ok(Math.abs(inv[i][j] - v) < 1e-14))
  );
});
