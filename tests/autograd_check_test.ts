// The self-check helpers: finite differences against derivatives known in
// closed form, and checkClose failing loudly.
import assert from "node:assert/strict";
import { checkClose, numericGrad } from "../lib/autograd/mod.ts";

Deno.test("numericGrad matches derivatives known in closed form to 1e-9", () => {
  const g = numericGrad(([a, b]) => Math.sin(a) * Math.exp(b), [0.3, -0.7]);
  const want = [Math.cos(0.3) * Math.exp(-0.7), Math.sin(0.3) * Math.exp(-0.7)];
  g.forEach((x, i) => assert.ok(Math.abs(x - want[i]) <= 1e-9, `${x} vs ${want[i]}`));
});

Deno.test("checkClose passes within the tolerance and throws a named error outside it", () => {
  checkClose("dL/dw", 0.83994868, 0.8399486832, 1e-6);
  checkClose("grads", [1, 2], [1 + 1e-9, 2], 1e-8);
  assert.throws(
    () => checkClose("dL/dw", 0.8, 0.84, 1e-6),
    /dL\/dw is 0\.8, expected 0\.84 \(allowed 0\.000001 relative\)/,
  );
  assert.throws(() => checkClose("grads", [1, 2], [1, 3], 1e-6), /grads\[1\] is 2, expected 3/);
  assert.throws(() => checkClose("grads", [1], [1, 2], 1e-6), /got 1 numbers, expected 2/);
});
