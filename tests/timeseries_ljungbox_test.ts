import assert from "node:assert/strict";
import { arima, chiSquaredUpper, ljungBox, loadSeries } from "../lib/timeseries/mod.ts";

const dataDir = new URL("../data/series/", import.meta.url).pathname;

Deno.test("the chi-squared upper tail matches R's pchisq(lower.tail = FALSE)", () => {
  const cases: [number, number, number][] = [
    [3.841459, 1, 0.0499999946531957],
    [30, 22, 0.118464411529015],
    [0.5, 3, 0.918891411654676],
    [200, 150, 0.00397318597082161],
  ];
  for (const [q, df, p] of cases) {
    assert.ok(Math.abs(chiSquaredUpper(q, df) - p) < 1e-12, `q=${q} df=${df}`);
  }
});

Deno.test("Ljung-Box on Lake Huron matches R's Box.test: strong autocorrelation", () => {
  // R 4.2.2: Box.test(LakeHuron, lag = 10, type = "Ljung-Box") -> X-squared = 189.857005838
  const lb = ljungBox(loadSeries(`${dataDir}LakeHuron.csv`).values, { lag: 10 });
  assert.ok(Math.abs(lb.statistic - 189.857005838) < 1e-8);
  assert.equal(lb.df, 10);
  assert.ok(lb.pValue < 1e-30);
});

Deno.test("the airline model's residuals pass Ljung-Box as in R", () => {
  // R 4.2.2: Box.test(residuals(fit), lag = 24, type = "Ljung-Box", fitdf = 2) -> 26.4458716, df 22, p 0.2330315
  const air = loadSeries(`${dataDir}AirPassengers.csv`).values.map(Math.log);
  const fit = arima(air, {
    order: [0, 1, 1],
    seasonal: { order: [0, 1, 1], period: 12 },
    method: "ML",
  });
  const lb = ljungBox(fit.residuals, { lag: 24, fitdf: 2 });
  assert.ok(Math.abs(lb.statistic - 26.4458716070) < 1e-3, `Q = ${lb.statistic}`);
  assert.equal(lb.df, 22);
  assert.ok(Math.abs(lb.pValue - 0.2330315431) < 1e-4);
});

Deno.test("lags that leave no degrees of freedom are refused", () => {
  assert.throws(() => ljungBox([1, 2, 3, 2, 1, 2, 3], { lag: 2, fitdf: 2 }), /must exceed fitdf/);
});
