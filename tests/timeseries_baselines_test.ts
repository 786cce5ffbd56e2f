import assert from "node:assert/strict";
import { naive, seasonalNaive } from "../lib/timeseries/mod.ts";

Deno.test("naive repeats the last value; its se grows like sqrt(h)", () => {
  // changes 2, -1: sigma = sqrt((4 + 1) / 2)
  const f = naive([3, 5, 4], 3);
  assert.deepEqual(f.mean, [4, 4, 4]);
  const s = Math.sqrt(2.5);
  f.se.forEach((v, i) => assert.ok(Math.abs(v - s * Math.sqrt(i + 1)) < 1e-12));
});

Deno.test("seasonal naive repeats last season; its se steps up once a season", () => {
  const f = seasonalNaive([1, 2, 3, 4, 5, 6], 5, 3);
  assert.deepEqual(f.mean, [4, 5, 6, 4, 5]);
  // seasonal changes are all 3: sigma = 3; steps 1-3 one season out, 4-5 two seasons out
  assert.deepEqual(f.se, [3, 3, 3, 3 * Math.SQRT2, 3 * Math.SQRT2]);
});

Deno.test("a history shorter than a season is refused", () => {
  assert.throws(() => seasonalNaive([1, 2, 3], 2, 12), /needs at least 13 past values, got 3/);
});
