import assert from "node:assert/strict";
import { acf, difference, loadSeries, pacf, significantLags } from "../lib/timeseries/mod.ts";

const dataDir = new URL("../data/series/", import.meta.url).pathname;
const lake = loadSeries(`${dataDir}LakeHuron.csv`).values;
const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: got ${a}, R gives ${b}`);

Deno.test("ACF of Lake Huron matches R's acf(), with its default lag.max and band", () => {
  // R 4.2.2: acf(LakeHuron, lag.max = 5)$acf; floor(10 * log10(98)) = 19; qnorm(0.975) / sqrt(98)
  const r = acf(lake, { maxLag: 5 });
  [1, 0.8319112104, 0.6099371036, 0.4582506053, 0.3705030652, 0.3255536661].forEach((v, k) =>
    close(r.values[k], v, `lag ${k}`)
  );
  assert.equal(acf(lake).lags.at(-1), 19);
  assert.ok(Math.abs(r.band - 0.1979863) < 1e-7);
});

Deno.test("PACF of Lake Huron matches R's pacf()", () => {
  const r = pacf(lake, { maxLag: 5 });
  [0.8319112104, -0.2667516276, 0.1307541335, 0.0340570464, 0.0620920871].forEach((v, k) =>
    close(r.values[k], v, `lag ${k + 1}`)
  );
  assert.deepEqual(r.lags, [1, 2, 3, 4, 5]);
});

Deno.test("the differenced airline series has R's spikes at lags 1 and 12", () => {
  const air = loadSeries(`${dataDir}AirPassengers.csv`).values.map(Math.log);
  const w = difference(difference(air, 12), 1);
  const a = acf(w, { maxLag: 12 }), p = pacf(w, { maxLag: 12 });
  close(a.values[1], -0.3411237983, "acf 1");
  close(a.values[12], -0.3866128596, "acf 12");
  close(p.values[11], -0.3386948053, "pacf 12");
  assert.ok(significantLags(a).includes(1) && significantLags(a).includes(12));
});

Deno.test("by hand: the ACF of 1, 2, 3, 4 is 1, 0.25, -0.3", () => {
  // mean 2.5, deviations -1.5 -0.5 0.5 1.5: c0 = 5/4, c1 = (0.75 - 0.25 + 0.75)/4, c2 = (-0.75 - 0.75)/4
  const r = acf([1, 2, 3, 4], { maxLag: 2 }).values;
  [1, 0.25, -0.3].forEach((v, k) => assert.ok(Math.abs(r[k] - v) < 1e-15));
});

Deno.test("NaN and constant series are refused", () => {
  assert.throws(() => acf([1, NaN, 3, 4]), /NaN or infinity; fill missing values first/);
  assert.throws(() => acf([2, 2, 2, 2]), /constant/);
  assert.throws(() => pacf([1, 2, 3], { maxLag: 5 }), /maxLag must be a whole number from 1 to 2/);
});
