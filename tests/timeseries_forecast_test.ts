import assert from "node:assert/strict";
import { normalQuantile, withInterval } from "../lib/timeseries/mod.ts";

Deno.test("the normal quantile matches R's qnorm to 1e-15", () => {
  const cases: [number, number][] = [
    [0.975, 1.9599639845400536],
    [0.9, 1.2815515655446008],
    [1e-10, -6.3613409024040557],
    [0.6, 0.25334710313579978],
  ];
  for (const [p, q] of cases) assert.ok(Math.abs(normalQuantile(p) - q) < 1e-14, `p = ${p}`);
  assert.equal(normalQuantile(0.5), 0);
});

Deno.test("a 95% interval is the mean ± 1.96 standard errors", () => {
  const f = withInterval([10, 11], [1, 2]);
  assert.ok(Math.abs(f.upper[0] - 11.959963984540054) < 1e-12);
  assert.ok(Math.abs(f.lower[1] - (11 - 2 * 1.959963984540054)) < 1e-12);
  assert.equal(f.level, 0.95);
  assert.throws(() => withInterval([1], [1], 95), /level must lie between 0 and 1/);
});
