import assert from "node:assert/strict";
import { accuracyTable, mae, mape, rmse } from "../lib/timeseries/mod.ts";

Deno.test("MAE, RMSE and MAPE by hand", () => {
  assert.equal(mae([1, 2], [2, 4]), 1.5);
  assert.equal(rmse([0, 0], [3, 4]), Math.sqrt(12.5));
  assert.ok(Math.abs(mape([100, 200], [110, 180]) - 10) < 1e-12);
});

Deno.test("the accuracy table puts the lowest RMSE first", () => {
  const df = accuracyTable([10, 20], { worse: [0, 0], better: [11, 19] });
  assert.deepEqual(df.getColumn("model").toArray(), ["better", "worse"]);
  assert.deepEqual(df.columns, ["model", "MAE", "RMSE", "MAPE %"]);
  assert.equal(df.getColumn("MAE").toArray()[0], 1);
});

Deno.test("mismatched lengths and zero actuals are refused", () => {
  assert.throws(() => mae([1, 2], [1]), /2 actual and 1 predicted/);
  assert.throws(() => mape([0, 1], [1, 1]), /actual value is 0/);
});
