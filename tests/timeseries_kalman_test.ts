import assert from "node:assert/strict";
import { kalmanFilter, kalmanForecast, stateSpace } from "../lib/timeseries/mod.ts";

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: got ${a}, expected ${b} (tolerance ${tol})`);

// R 4.2.2: m <- makeARIMA(0.5, 0.3, 1); .Call(stats:::C_ARIMA_Like, y, m, 0L, TRUE); KalmanForecast(3, m)
const y = [1, 2.5, 2, 3.1, 4, 3.6];

Deno.test("the Kalman filter of an ARIMA(1,1,1) gives R's sums, count and standardised residuals", () => {
  const ss = stateSpace([0.5], [0.3], [1]);
  const f = kalmanFilter(y, ss);
  close(f.ssq, 7.176771407657, 1e-10, "ssq");
  close(f.sumlog, 0.661512925831, 1e-10, "sumlog");
  assert.equal(f.nu, 5, "the first, diffuse observation is left out of the likelihood");
  const rResid = [
    0.0009999991,
    1.1018292867,
    -1.4628049507,
    1.7768434408,
    -0.1820718972,
    -0.7953757088,
  ];
  f.residuals.forEach((r, i) => close(r, rResid[i], 1e-9, `residual ${i + 1}`));
});

Deno.test("forecasts from the filtered state match R's KalmanForecast", () => {
  const ss = stateSpace([0.5], [0.3], [1]);
  kalmanFilter(y, ss);
  const { mean, variance } = kalmanForecast(ss, 3);
  [3.1613907345, 2.9420861018, 2.8324337854].forEach((m, i) =>
    close(mean[i], m, 1e-9, `mean ${i + 1}`)
  );
  [1.0000026004, 4.2400058509, 9.0800079637].forEach((v, i) =>
    close(variance[i], v, 1e-9, `variance ${i + 1}`)
  );
});

Deno.test("for white noise the filter just sums squares: ssq = Σ y², no log terms", () => {
  const ss = stateSpace([], [], []);
  const f = kalmanFilter([1, -2, 3], ss);
  close(f.ssq, 14, 1e-12, "ssq");
  close(f.sumlog, 0, 1e-12, "sumlog");
  assert.equal(f.nu, 3);
});

Deno.test("a missing observation is skipped by the filter and gets a NaN residual", () => {
  const ss = stateSpace([0.5], [], []);
  const f = kalmanFilter([1, NaN, 0.5], ss);
  assert.equal(f.nu, 2);
  assert.ok(Number.isNaN(f.residuals[1]));
  // By hand: y1 ~ N(0, 1/(1-0.25)); y3 | y1 ~ N(0.25 * y1, 1 + 0.25) (two steps of AR(1)).
  close(f.ssq, 1 * 0.75 + (0.5 - 0.25) ** 2 / 1.25, 1e-12, "ssq");
  close(f.sumlog, Math.log(1 / 0.75) + Math.log(1.25), 1e-12, "sumlog");
});
