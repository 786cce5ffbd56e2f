import assert from "node:assert/strict";
import { Scaler, type Series, splitByTime } from "../lib/timeseries/mod.ts";

const series: Series = {
  name: "toy",
  time: [1, 2, 3, 4, 5, 6, 7, 8],
  values: [10, 20, 30, 40, 50, 60, 70, 80],
  frequency: 1,
};

Deno.test("a split by time keeps the order: train, then validation, then the final test values", () => {
  const { train, validation, test } = splitByTime(series, { test: 2, validation: 2 });
  assert.deepEqual(train.values, [10, 20, 30, 40]);
  assert.deepEqual(validation.values, [50, 60]);
  assert.deepEqual(test.values, [70, 80]);
  assert.deepEqual(test.time, [7, 8]);
});

Deno.test("holding out everything is refused", () => {
  assert.throws(() => splitByTime(series, { test: 8 }), /leaves nothing to train on/);
});

Deno.test("the scaler is fitted on the training part only and inverts exactly", () => {
  const { train, test } = splitByTime(series, { test: 4 });
  const mm = Scaler.fit(train.values, "minmax");
  assert.deepEqual(mm.transform(train.values), [0, 1 / 3, 2 / 3, 1]);
  assert.deepEqual(
    mm.transform(test.values).map((v) => Math.round(v * 1e12) / 1e12),
    [
      4 / 3,
      5 / 3,
      2,
      7 / 3,
    ].map((v) => Math.round(v * 1e12) / 1e12),
    "test values may leave [0, 1]: nothing leaked",
  );
  const st = Scaler.fit(train.values); // mean 25, sd sqrt(500/3)
  assert.ok(Math.abs(st.transform([25])[0]) < 1e-15);
  assert.ok(Math.abs(st.scale - Math.sqrt(500 / 3)) < 1e-12);
  assert.deepEqual(st.inverse(st.transform([12, 99])).map((v) => Math.round(v * 1e9) / 1e9), [
    12,
    99,
  ]);
});

Deno.test("a constant training part cannot be scaled", () => {
  assert.throws(() => Scaler.fit([3, 3, 3]), /all equal/);
});
