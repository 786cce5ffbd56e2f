// Gradients of many seeded random expressions, built from every operation,
// against two sources the engine does not share code with:
// - central finite differences on a plain-number evaluation (float64):
//   |engine - fd| <= 1e-8 · (1 + |engine|), with h = 1e-5 (the worst seen is 1e-9);
// - tf.grads (tfjs, float32, machine epsilon 1.2e-7):
//   |engine - tf| <= 1e-5 · (1 + |engine|) (the worst seen is 7.5e-7).
import assert from "node:assert/strict";
import { drawTape, type OpName, OPS, Tape, tapeLayout, Value } from "../lib/autograd/mod.ts";
import { tf } from "../lib/backend/mod.ts";

const FD_TOL = 1e-8;
const TF_TOL = 1e-5;
const COUNT = 500;
const LEAVES = 3;

/** mulberry32: a tiny seeded PRNG giving floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Expr =
  | { kind: "leaf"; i: number }
  | { kind: "num"; v: number }
  | { kind: "op"; op: OpName; args: Expr[]; p: number };

const OP_NAMES = Object.keys(OPS) as OpName[];
const BINARY = new Set<OpName>(["add", "sub", "mul", "div"]);
const EXPONENTS = [2, 3, -1, 0.5, 1.5];

function randomExpr(rand: () => number, depth: number): Expr {
  if (depth === 0 || rand() < 0.2) {
    return rand() < 0.8
      ? { kind: "leaf", i: Math.floor(rand() * LEAVES) }
      : { kind: "num", v: Math.round((rand() * 4 - 2) * 100) / 100 };
  }
  const op = OP_NAMES[Math.floor(rand() * OP_NAMES.length)];
  const args = [randomExpr(rand, depth - 1)];
  if (BINARY.has(op)) args.push(randomExpr(rand, depth - 1));
  const p = EXPONENTS[Math.floor(rand() * EXPONENTS.length)];
  return { kind: "op", op, args, p };
}

/** Plain float64 evaluation with textbook formulas; returns NaN where the expression is unsafe
 * for a gradient check (near a domain edge, a relu kink, or very large numbers). */
function evaluate(e: Expr, xs: readonly number[]): number {
  if (e.kind === "leaf") return xs[e.i];
  if (e.kind === "num") return e.v;
  const [a, b] = e.args.map((arg) => evaluate(arg, xs));
  const out = ({
    add: () => a + b,
    sub: () => a - b,
    mul: () => a * b,
    div: () => (Math.abs(b) < 0.2 ? NaN : a / b),
    pow: () => (a < 0.2 && (!Number.isInteger(e.p) || e.p < 0) ? NaN : Math.pow(a, e.p)),
    neg: () => -a,
    exp: () => (a > 4 ? NaN : Math.exp(a)),
    log: () => (a < 0.2 ? NaN : Math.log(a)),
    tanh: () => Math.tanh(a),
    sigmoid: () => 1 / (1 + Math.exp(-a)),
    relu: () => (Math.abs(a) < 1e-3 ? NaN : Math.max(a, 0)),
  } as Record<OpName, () => number>)[e.op]();
  return Math.abs(out) > 50 ? NaN : out;
}

function build(e: Expr, leaves: readonly Value[]): Value {
  if (e.kind === "leaf") return leaves[e.i];
  if (e.kind === "num") return new Value(e.v); // no tape: it enters the tape as a constant
  const [a, b] = e.args.map((arg) => build(arg, leaves));
  switch (e.op) {
    case "add":
      return a.add(b);
    case "sub":
      return a.sub(b);
    case "mul":
      return a.mul(b);
    case "div":
      return a.div(b);
    case "pow":
      return a.pow(e.p);
    default:
      return a[e.op]();
  }
}

function buildTf(e: Expr, xs: tf.Scalar[]): tf.Tensor {
  if (e.kind === "leaf") return xs[e.i];
  if (e.kind === "num") return tf.scalar(e.v);
  const [a, b] = e.args.map((arg) => buildTf(arg, xs));
  const ops: Record<OpName, () => tf.Tensor> = {
    add: () => tf.add(a, b),
    sub: () => tf.sub(a, b),
    mul: () => tf.mul(a, b),
    div: () => tf.div(a, b),
    pow: () => tf.pow(a, tf.scalar(e.p)),
    neg: () => tf.neg(a),
    exp: () => tf.exp(a),
    log: () => tf.log(a),
    tanh: () => tf.tanh(a),
    sigmoid: () => tf.sigmoid(a),
    relu: () => tf.relu(a),
  };
  return ops[e.op]();
}

function opsIn(e: Expr, into: Map<OpName, number>) {
  if (e.kind !== "op") return;
  into.set(e.op, (into.get(e.op) ?? 0) + 1);
  e.args.forEach((arg) => opsIn(arg, into));
}

/** COUNT seeded expressions (with their leaf values) that are safe to differentiate. */
function cases(seed: number): { expr: Expr; xs: number[] }[] {
  const rand = mulberry32(seed);
  const out: { expr: Expr; xs: number[] }[] = [];
  while (out.length < COUNT) {
    const expr = randomExpr(rand, 4);
    const xs = Array.from({ length: LEAVES }, () => rand() * 4 - 2);
    if (expr.kind !== "op") continue;
    const h = 1e-5;
    const probes = xs.flatMap((_, i) =>
      [-h, h].map((d) => xs.map((x, j) => (j === i ? x + d : x)))
    );
    if ([xs, ...probes].every((p) => Number.isFinite(evaluate(expr, p)))) out.push({ expr, xs });
  }
  return out;
}

function engineGrads(expr: Expr, xs: number[]): { value: number; grads: number[] } {
  const tape = new Tape();
  const leaves = xs.map((x, i) => tape.value(x, `x${i}`));
  const out = build(expr, leaves);
  if (out.tape) out.backward(); // else the expression uses no leaf: all gradients stay 0
  return { value: out.data, grads: leaves.map((l) => l.grad) };
}

const CASES = cases(20240611);

Deno.test("the random expressions use every operation many times", () => {
  const seen = new Map<OpName, number>();
  CASES.forEach((c) => opsIn(c.expr, seen));
  for (const op of OP_NAMES) {
    assert.ok((seen.get(op) ?? 0) >= 20, `${op} used ${seen.get(op) ?? 0} times`);
  }
});

Deno.test(`gradients match central finite differences on ${COUNT} seeded random expressions`, () => {
  const h = 1e-5;
  let worst = 0;
  for (const { expr, xs } of CASES) {
    const { value, grads } = engineGrads(expr, xs);
    assert.ok(Math.abs(value - evaluate(expr, xs)) <= 1e-14 * (1 + Math.abs(value)));
    grads.forEach((g, i) => {
      const up = xs.map((x, j) => (j === i ? x + h : x));
      const down = xs.map((x, j) => (j === i ? x - h : x));
      const fd = (evaluate(expr, up) - evaluate(expr, down)) / (2 * h);
      const err = Math.abs(g - fd) / (1 + Math.abs(g));
      worst = Math.max(worst, err);
      assert.ok(err <= FD_TOL, `d/dx${i} of ${JSON.stringify(expr)} at ${xs}: ${g} vs fd ${fd}`);
    });
  }
  assert.ok(
    worst > 0,
    "finite differences are never exact; a zero error means nothing was compared",
  );
});

Deno.test(`gradients match tf.grads (float32) on the same ${COUNT} expressions`, () => {
  const before = tf.memory().numTensors;
  for (const { expr, xs } of CASES) {
    const { value, grads } = engineGrads(expr, xs);
    const [tfValue, tfGrads] = tf.tidy(() => {
      // "+ 0·(x0 + x1 + x2)" keeps every leaf connected: tf.grads refuses an unused input.
      const f = (...args: tf.Tensor[]) =>
        buildTf(expr, args as tf.Scalar[]).add(tf.addN(args).mul(0)) as tf.Scalar;
      const { value, grads } = tf.valueAndGrads(f)(xs.map((x) => tf.scalar(x)));
      return [value.dataSync()[0], grads.map((g) => g.dataSync()[0])] as const;
    });
    const where = `${JSON.stringify(expr)} at ${xs}`;
    assert.ok(Math.abs(value - tfValue) <= TF_TOL * (1 + Math.abs(value)), `value of ${where}`);
    grads.forEach((g, i) =>
      assert.ok(
        Math.abs(g - tfGrads[i]) <= TF_TOL * (1 + Math.abs(g)),
        `d/dx${i} of ${where}: ${g} vs tf ${tfGrads[i]}`,
      )
    );
  }
  assert.equal(tf.memory().numTensors, before, "tf tensors were freed");
});

Deno.test("tf.grad of the neuron tanh(w*x + b) agrees with the tape", () => {
  const tape = new Tape();
  const w = tape.value(0.5, "w");
  w.mul(2).add(-0.25).tanh().backward();
  const dw = tf.tidy(() =>
    tf.grad((v) => tf.tanh(v.mul(2).add(-0.25)))(tf.scalar(0.5)).dataSync()[0]
  );
  assert.ok(Math.abs(w.grad - dw) <= TF_TOL * (1 + Math.abs(w.grad)), `${w.grad} vs ${dw}`);
});

Deno.test("graphs of the random expressions: a node per value, long edges in free lanes", () => {
  for (const { expr, xs } of CASES.slice(0, 100)) {
    const tape = new Tape();
    const out = build(expr, xs.map((x, i) => tape.value(x, `x${i}`)));
    if (out.tape) out.backward();
    const { values, edges } = tapeLayout(tape);
    assert.equal(values.length, tape.length);
    const seen = new Set(values.map((v) => `${v.x},${v.y}`));
    assert.equal(seen.size, values.length, "no two boxes share a place");
    for (const e of edges.filter((e) => e.points.length === 3)) {
      const [[x0, lane], [xc]] = e.points;
      assert.ok(
        !values.some((v) => v.y === lane && v.x > x0 && v.x <= xc),
        "an edge crosses a box",
      );
    }
    assert.ok(drawTape(tape).svg.startsWith("<svg"));
  }
});
