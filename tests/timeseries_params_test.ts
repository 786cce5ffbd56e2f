import assert from "node:assert/strict";
import {
  arimaOrder,
  coefNames,
  differencingPolynomial,
  doTransform,
  expandArma,
  fromStationary,
  orderLabel,
  toStationary,
  undoTransform,
} from "../lib/timeseries/mod.ts";

Deno.test("the stationarity transform matches R's partrans (tanh, then Durbin-Levinson)", () => {
  // R 4.2.2: .Call(stats:::C_ARIMA_undoPars, c(0.3, -0.8, 0.1), c(3L, 0L, 0L, 0L, 1L, 0L, 0L))
  const r = [0.550938112012, -0.712351318912, 0.099667994625];
  toStationary([0.3, -0.8, 0.1]).forEach((v, i) => assert.ok(Math.abs(v - r[i]) < 1e-11));
});

Deno.test("fromStationary undoes toStationary", () => {
  const raw = [0.3, -0.8, 0.1, 1.2];
  fromStationary(toStationary(raw)).forEach((v, i) => assert.ok(Math.abs(v - raw[i]) < 1e-12));
});

Deno.test("only the AR blocks are transformed; MA coefficients pass through", () => {
  const o = arimaOrder([1, 0, 1], { order: [1, 0, 1], period: 4 });
  const coef = [0.5, 0.7, -0.3, 0.2];
  const raw = doTransform(o, coef);
  assert.ok(
    Math.abs(raw[0] - Math.atanh(0.5)) < 1e-14 && Math.abs(raw[2] - Math.atanh(-0.3)) < 1e-14,
  );
  assert.equal(raw[1], 0.7);
  assert.equal(raw[3], 0.2);
  undoTransform(o, raw).forEach((v, i) => assert.ok(Math.abs(v - coef[i]) < 1e-14));
});

Deno.test("seasonal parts multiply out: (1 - φB)(1 - ΦB⁴) and (1 + θB)(1 + ΘB⁴) by hand", () => {
  const o = arimaOrder([1, 0, 1], { order: [1, 0, 1], period: 4 });
  const { phi, theta } = expandArma(o, [0.5, 0.4, 0.2, 0.3]);
  // 1 - 0.5B - 0.2B⁴ + 0.1B⁵  ->  φ = [0.5, 0, 0, 0.2, -0.1]
  assert.deepEqual(phi, [0.5, 0, 0, 0.2, -0.1]);
  // 1 + 0.4B + 0.3B⁴ + 0.12B⁵  ->  θ = [0.4, 0, 0, 0.3, 0.12]
  theta.forEach((v, i) => assert.ok(Math.abs(v - [0.4, 0, 0, 0.3, 0.12][i]) < 1e-15));
});

Deno.test("the differencing polynomial of (1 - B)(1 - B^4) is R's Delta", () => {
  // (1 - B)(1 - B⁴) = 1 - B - B⁴ + B⁵, so Delta = [1, 0, 0, 1, -1]
  assert.deepEqual(differencingPolynomial(arimaOrder([0, 1, 0], { order: [0, 1, 0], period: 4 })), [
    1,
    0,
    0,
    1,
    -1,
  ]);
  assert.deepEqual(differencingPolynomial(arimaOrder([0, 2, 0])), [2, -1]);
});

Deno.test("names and labels follow R", () => {
  const o = arimaOrder([2, 1, 1], { order: [1, 1, 1], period: 12 });
  assert.deepEqual(coefNames(o), ["ar1", "ar2", "ma1", "sar1", "sma1"]);
  assert.equal(orderLabel(o), "ARIMA(2,1,1)(1,1,1)[12]");
  assert.equal(orderLabel(arimaOrder([1, 1, 1])), "ARIMA(1,1,1)");
});
