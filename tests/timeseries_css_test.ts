import assert from "node:assert/strict";
import { cssResiduals } from "../lib/timeseries/mod.ts";

Deno.test("CSS residuals of an ARIMA(1,1,1) match R's ARIMA_CSS", () => {
  // R 4.2.2: .Call(stats:::C_ARIMA_CSS, y, c(1L,1L,0L,0L,1L,1L,0L), 0.5, 0.3, 2L, TRUE)
  const y = [1, 2.5, 2, 3.1, 4, 3.6, 5.5];
  const out = cssResiduals(y, [0.5], [0.3], { d: 1, D: 0, s: 1 }, 2);
  assert.ok(Math.abs(out.sigma2 - 2.136206063625) < 1e-12);
  assert.equal(out.count, 5);
  [0, 0, -1.25, 1.725, -0.1675, -0.79975, 2.339925].forEach((r, i) =>
    assert.ok(Math.abs(out.residuals[i] - r) < 1e-12, `residual ${i + 1}`)
  );
});

Deno.test("by hand: an AR(1) residual is w_t - φ w_{t-1} after the conditioning value", () => {
  const out = cssResiduals([2, 4, 1], [0.5], [], { d: 0, D: 0, s: 1 }, 1);
  assert.deepEqual(out.residuals, [0, 3, -1]); // 4 - 0.5*2, 1 - 0.5*4
  assert.equal(out.sigma2, (9 + 1) / 2);
});

Deno.test("seasonal differencing is applied before the recursion", () => {
  // w = y_t - y_{t-2} = [2, 2, 2]; white noise from the conditioning point on.
  const out = cssResiduals([1, 5, 3, 7, 5], [], [], { d: 0, D: 1, s: 2 }, 2);
  assert.deepEqual(out.residuals, [0, 0, 2, 2, 2]);
});
