// The tape engine: recording order, gradients against PyTorch (float64, from
// tests/fixtures/autograd_torch.json, a copy of ../shared/reference/), and the
// documented errors. Tolerance against PyTorch: 1e-12 relative (both float64).
import assert from "node:assert/strict";
import { mean, noGrad, sum, Tape, Value } from "../lib/autograd/mod.ts";

const TORCH_TOL = 1e-12;
const torch = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/autograd_torch.json", import.meta.url)),
);

function close(actual: number, expected: number, tol: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected} (tolerance ${tol})`,
  );
}

Deno.test("tape records operations in the order they ran", () => {
  const tape = new Tape();
  const w = tape.value(0.5, "w");
  const x = tape.value(2, "x");
  const b = tape.value(0, "b");
  const wx = w.mul(x);
  const z = wx.add(b);
  const y = z.tanh();
  assert.deepEqual(tape.entries.map((e) => e.kind), [
    "input",
    "input",
    "input",
    "mul",
    "add",
    "tanh",
  ]);
  assert.deepEqual(tape.entries.map((e) => e.step), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual([wx.step, z.step, y.step], [3, 4, 5]);
  assert.deepEqual(tape.entries[4].inputs, [wx, b]);
  assert.equal(tape.entries[5].output, y);
});

Deno.test("one neuron tanh(w*x + b) by hand: w=0.5, x=2, b=0", () => {
  const tape = new Tape();
  const [w, x, b] = [tape.value(0.5), tape.value(2), tape.value(0)];
  const y = w.mul(x).add(b).tanh();
  y.backward();
  const t = Math.tanh(1);
  close(y.data, t, 1e-15, "y");
  close(w.grad, 2 * (1 - t * t), 1e-15, "dy/dw = x (1 - y²)");
  close(x.grad, 0.5 * (1 - t * t), 1e-15, "dy/dx = w (1 - y²)");
  close(b.grad, 1 - t * t, 1e-15, "dy/db = 1 - y²");
});

Deno.test("a value used more than once gets the gradients of all its uses added up", () => {
  const tape = new Tape();
  const x = tape.value(3, "x");
  x.mul(x).add(x).backward(); // x² + x
  assert.equal(x.grad, 7);
  const t2 = new Tape();
  const a = t2.value(0.3, "a");
  const u = a.exp(); // a diamond: u feeds both branches
  u.mul(a).add(u.tanh()).backward(); // f = e^a·a + tanh(e^a)
  const e = Math.exp(0.3);
  close(a.grad, e * 0.3 + e + (1 - Math.tanh(e) ** 2) * e, 1e-15, "df/da");
});

Deno.test("matches PyTorch on tanh(a*b + exp(a)) * log(b) + a**3 / b", () => {
  const ref = torch.scalar;
  const tape = new Tape();
  const a = tape.value(ref.a, "a");
  const b = tape.value(ref.b, "b");
  const f = a.mul(b).add(a.exp()).tanh().mul(b.log()).add(a.pow(3).div(b));
  f.backward();
  close(f.data, ref.f, TORCH_TOL, "f");
  close(a.grad, ref.df_da, TORCH_TOL, "df/da");
  close(b.grad, ref.df_db, TORCH_TOL, "df/db");
});

Deno.test("matches PyTorch on cross-entropy of a linear layer W @ x + c", () => {
  const ref = torch.linear_ce;
  const tape = new Tape();
  const W: Value[][] = ref.W.map((row: number[], i: number) =>
    row.map((v, j) => tape.value(v, `W${i}${j}`))
  );
  const c: Value[] = ref.c.map((v: number, i: number) => tape.value(v, `c${i}`));
  const z = W.map((row, i) => row.reduce((s, w, j) => s.add(w.mul(ref.x[j])), c[i]));
  const sumExp = z.slice(1).reduce((s, zi) => s.add(zi.exp()), z[0].exp());
  const loss = sumExp.log().sub(z[ref.target]);
  loss.backward();
  close(loss.data, ref.loss, TORCH_TOL, "loss");
  W.forEach((row, i) =>
    row.forEach((w, j) => close(w.grad, ref.dW[i][j], TORCH_TOL, `dW${i}${j}`))
  );
  c.forEach((ci, i) => close(ci.grad, ref.dc[i], TORCH_TOL, `dc${i}`));
});

Deno.test("numbers enter the tape as constants, in the order they were used", () => {
  const tape = new Tape();
  const x = tape.value(2, "x");
  const y = x.mul(3).sub(1);
  assert.deepEqual(tape.entries.map((e) => [e.kind, e.output.label]), [
    ["input", "x"],
    ["const", "3"],
    ["mul", "v2"],
    ["const", "1"],
    ["sub", "v4"],
  ]);
  y.backward();
  assert.equal(x.grad, 3);
});

Deno.test("relu's gradient at exactly 0 is 0, as in PyTorch", () => {
  const tape = new Tape();
  const x = tape.value(0, "x");
  x.relu().backward();
  assert.equal(x.grad, 0);
});

Deno.test("backward twice on one tape throws, naming the fix", () => {
  const tape = new Tape();
  const x = tape.value(3, "x");
  const y = x.mul(x);
  y.backward();
  assert.throws(
    () => y.backward(),
    /backward\(\) was already called on this tape.*tape\.zeroGrad\(\)/,
  );
  const z = x.add(1); // a second result on the same tape: same rule
  assert.throws(() => z.backward(), /already called/);
  assert.equal(x.grad, 6, "the failed calls left the gradient alone");
});

Deno.test("zeroGrad zeros every gradient, forgets the operations and keeps the leaves", () => {
  const tape = new Tape();
  const w = tape.value(0.5, "w");
  const b = tape.value(1, "b");
  w.mul(4).add(b).backward();
  assert.deepEqual([w.grad, b.grad], [4, 1]);
  tape.zeroGrad();
  assert.deepEqual([w.grad, b.grad], [0, 0]);
  assert.deepEqual(tape.entries.map((e) => e.output), [w, b]);
  assert.equal(tape.backwardDone, false);
  w.mul(4).add(b).backward(); // the same pass again: fresh gradients, not doubled
  assert.deepEqual([w.grad, b.grad], [4, 1]);
});

Deno.test("a value from before zeroGrad cannot be used or backpropagated", () => {
  const tape = new Tape();
  const x = tape.value(2, "x");
  const old = x.mul(x).named("old");
  tape.zeroGrad();
  assert.throws(() => old.backward(), /"old".*before tape\.zeroGrad\(\).*forward pass again/);
  assert.throws(() => old.add(x), /use "old" in add/);
});

Deno.test("backward on a value no tape recorded throws, saying where it came from", () => {
  assert.throws(() => new Value(3).backward(), /no tape recorded.*new Value\(\).*noGrad/);
  const tape = new Tape();
  const x = tape.value(2, "x");
  const y = noGrad(() => x.mul(5));
  assert.throws(() => y.backward(), /no tape recorded/);
});

Deno.test("noGrad computes values without recording, and switches recording back on", () => {
  const tape = new Tape();
  const x = tape.value(2, "x");
  const y = noGrad(() => x.mul(5).exp().log());
  assert.equal(y.data, 10);
  assert.equal(y.tape, null);
  assert.equal(tape.length, 1);
  assert.throws(() => noGrad(() => x.log().sub(x.neg().log())), RangeError);
  x.mul(2);
  assert.equal(tape.length, 3, "recording is on again after an error inside noGrad");
  // A noGrad value used later enters the tape as a constant carrying its label.
  x.add(y.named("ten")).backward();
  assert.equal(tape.entries.at(-2)!.kind, "const");
  assert.equal(tape.entries.at(-2)!.output.label, "ten");
  assert.equal(x.grad, 1);
});

Deno.test("noGrad refuses an async function", () => {
  assert.throws(() => noGrad(() => Promise.resolve(1)), /synchronous/);
});

Deno.test("values from two different tapes cannot be mixed", () => {
  const a = new Tape().value(1, "a");
  const b = new Tape().value(2, "b");
  assert.throws(() => a.add(b), /two different tapes/);
});

Deno.test("invalid math throws a RangeError that names the operation and the input", () => {
  const tape = new Tape();
  const x = tape.value(-1, "x");
  const zero = tape.value(0, "zero");
  assert.throws(() => x.log(), /log\(-1\) is undefined: log needs a positive input/);
  assert.throws(() => zero.log(), /log\(0\) is undefined/);
  assert.throws(() => x.div(zero), /division by zero \(-1 \/ 0\)/);
  assert.throws(() => x.pow(0.5), /negative base to a fractional power/);
  assert.throws(() => zero.pow(-1), /0 \*\* -1 is infinite/);
  assert.throws(() => tape.value(1000, "big").exp(), /exp\(1000\) gives Infinity/);
  assert.throws(() => tape.value(NaN, "n"), /finite number, got NaN for n/);
  assert.equal(tape.length, 3, "nothing was recorded by the failed operations");
});

Deno.test("changing a leaf's data after the forward pass does not change its gradients", () => {
  const tape = new Tape();
  const w = tape.value(3, "w");
  const y = w.mul(w);
  w.data = 100; // e.g. a parameter update before backward: the tape remembers w = 3
  y.backward();
  assert.equal(w.grad, 6);
});

Deno.test("sum and mean add values up in order, each addition on the tape", () => {
  const tape = new Tape();
  const xs = [1, 2, 6].map((v, i) => tape.value(v, `x${i}`));
  const m = mean(xs);
  assert.equal(m.data, 3);
  assert.deepEqual(tape.entries.slice(3).map((e) => e.kind), ["add", "add", "const", "div"]);
  m.backward();
  assert.deepEqual(xs.map((x) => x.grad), [1 / 3, 1 / 3, 1 / 3]);
  assert.throws(() => sum([]), /sum\(\) of no values/);
});
