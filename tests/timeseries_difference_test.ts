import assert from "node:assert/strict";
import { difference, undifference } from "../lib/timeseries/mod.ts";

Deno.test("differences of the squares are the odd numbers, twice-differenced they are 2", () => {
  assert.deepEqual(difference([1, 4, 9, 16]), [3, 5, 7]);
  assert.deepEqual(difference([1, 4, 9, 16], 1, 2), [2, 2]);
});

Deno.test("lagged differences match R's diff(x, lag = 2, differences = 2)", () => {
  // R: diff(c(1, 4, 9, 16, 25, 36), lag = 2, differences = 2) = 8 8
  assert.deepEqual(difference([1, 4, 9, 16, 25, 36], 2, 2), [8, 8]);
});

Deno.test("undifference matches R's diffinv", () => {
  // R: diffinv(c(2, 2, 2), 1, 2, xi = c(1, 4)) = 1 4 9 16 25
  assert.deepEqual(undifference([2, 2, 2], [1, 4], 1, 2), [1, 4, 9, 16, 25]);
  // R: diffinv(1:4, lag = 2, differences = 2, xi = c(1, 2, 3, 5)) = 1 2 3 5 6 10 12 19
  assert.deepEqual(undifference([1, 2, 3, 4], [1, 2, 3, 5], 2, 2), [1, 2, 3, 5, 6, 10, 12, 19]);
});

Deno.test("differencing then undifferencing with the first values gives the series back", () => {
  const x = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141];
  const seasonal = difference(x, 12);
  const both = difference(seasonal, 1);
  assert.deepEqual(undifference(both, seasonal.slice(0, 1)), seasonal);
  assert.deepEqual(undifference(seasonal, x.slice(0, 12), 12, 1), x);
});

Deno.test("a series too short for the differencing asked is refused", () => {
  assert.throws(() => difference([1, 2, 3], 12), /too short for 1 difference\(s\) at lag 12/);
  assert.throws(
    () => undifference([1], [1, 2], 1, 1),
    /needs lag \* differences = 1 starting values, got 2/,
  );
});
