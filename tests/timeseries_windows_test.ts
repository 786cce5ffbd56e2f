import assert from "node:assert/strict";
import { slidingWindows } from "../lib/timeseries/mod.ts";

Deno.test("windows slide one step at a time and each target is what came right after", () => {
  const w = slidingWindows([1, 2, 3, 4, 5], { lookback: 3 });
  assert.deepEqual(w.inputs, [[1, 2, 3], [2, 3, 4]]);
  assert.deepEqual(w.targets, [[4], [5]]);
  assert.deepEqual(w.starts, [0, 1]);
});

Deno.test("a horizon of 2 gives two targets per window; a stride skips starts", () => {
  const w = slidingWindows([1, 2, 3, 4, 5, 6, 7], { lookback: 2, horizon: 2, stride: 2 });
  assert.deepEqual(w.inputs, [[1, 2], [3, 4]]);
  assert.deepEqual(w.targets, [[3, 4], [5, 6]]);
});

Deno.test("a series too short for one window, or with NaN, is refused", () => {
  assert.throws(
    () => slidingWindows([1, 2, 3], { lookback: 3 }),
    /too short for windows of 3 inputs \+ 1 targets/,
  );
  assert.throws(() => slidingWindows([1, NaN, 3, 4], { lookback: 2 }), /NaN/);
  assert.throws(
    () => slidingWindows([1, 2, 3], { lookback: 0 }),
    /lookback must be a whole number >= 1/,
  );
});
