import assert from "node:assert/strict";
import {
  nativeStatus,
  registerProjectKernels,
  tf,
  useBackend,
  useNativeKernels,
} from "../lib/backend/mod.ts";

// Each kernel the project registers on wasm is held to the cpu backend's
// result: the same function's value and gradients computed on both backends.
// Every case runs twice: with the JavaScript kernels (wasm alone), and with
// the native kernels in front of them (ignored, saying why, where they could
// not be built).
registerProjectKernels();
const native = nativeStatus();
let nativeOn = false;

function test(name: string, fn: () => Promise<void>) {
  for (const on of [false, true]) {
    Deno.test({
      name: `${name} (${on ? "native" : "JavaScript"} kernels)`,
      ignore: on && !native.loaded,
      fn: async () => {
        nativeOn = on;
        try {
          await fn();
        } finally {
          useNativeKernels(native.loaded);
        }
      },
    });
  }
}
if (!native.loaded) console.log(`native kernels not tested: ${native.reason}`);

type F = (...xs: tf.Tensor[]) => tf.Scalar;

async function on(backend: "wasm" | "cpu", f: F, inputs: () => tf.Tensor[]) {
  useNativeKernels(backend === "wasm" && nativeOn);
  await useBackend(backend);
  return tf.tidy(() => {
    const xs = inputs();
    const { value, grads } = tf.valueAndGrads(f)(xs);
    return { value: value.dataSync()[0], grads: grads.map((g) => Array.from(g.dataSync())) };
  });
}

async function agree(f: F, inputs: () => tf.Tensor[], what: string) {
  const cpu = await on("cpu", f, inputs);
  const wasm = await on("wasm", f, inputs);
  const rel = (a: number, b: number) => Math.abs(a - b) / (1 + Math.abs(a));
  assert.ok(rel(cpu.value, wasm.value) < 1e-5, `${what}: value ${wasm.value} vs cpu ${cpu.value}`);
  cpu.grads.forEach((g, i) => {
    assert.equal(wasm.grads[i].length, g.length);
    const worst = Math.max(...g.map((v, j) => rel(v, wasm.grads[i][j])));
    assert.ok(worst < 1e-4, `${what}: gradient ${i} differs from cpu by ${worst} (relative)`);
  });
}

test("conv2d gradients on wasm match the cpu backend for several shapes, strides and paddings", async () => {
  const cases: [number[], number[], number, "valid" | "same"][] = [
    [[2, 8, 8, 1], [3, 3, 1, 4], 1, "valid"],
    [[3, 9, 7, 2], [3, 3, 2, 5], 1, "same"],
    [[2, 9, 9, 3], [3, 3, 3, 2], 2, "valid"],
    [[2, 10, 8, 2], [5, 5, 2, 3], 2, "same"],
    [[1, 6, 6, 4], [1, 1, 4, 2], 1, "valid"],
    [[4, 28, 28, 1], [3, 3, 1, 16], 1, "valid"],
  ];
  for (const [xs, ws, stride, pad] of cases) {
    await agree(
      (x, w) =>
        tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, pad).square().mean() as tf.Scalar,
      () => [tf.randomNormal(xs, 0, 1, "float32", 7), tf.randomNormal(ws, 0, 1, "float32", 8)],
      `conv2d x[${xs}] w[${ws}] stride ${stride} ${pad}`,
    );
  }
});

test("max-pool gradients on wasm match the cpu backend, ties included", async () => {
  const cases: [number, number, "valid" | "same"][] = [[2, 2, "valid"], [3, 1, "same"], [
    3,
    2,
    "same",
  ]];
  for (const [size, stride, pad] of cases) {
    await agree(
      (x) =>
        tf.maxPool(x as tf.Tensor4D, size, stride, pad).mul(tf.range(1, 2)).square()
          .sum() as tf.Scalar,
      () => [tf.randomNormal([2, 7, 6, 3], 0, 1, "float32", 3)],
      `maxPool ${size} stride ${stride} ${pad}`,
    );
  }
  // A window of equal values: the whole gradient goes to its first element, as on cpu.
  await agree(
    (x) =>
      tf.maxPool(x as tf.Tensor4D, 2, 2, "valid").mul(tf.tensor([1, 2, 3, 4], [1, 2, 2, 1]))
        .sum() as tf.Scalar,
    () => [tf.ones([1, 4, 4, 1])],
    "maxPool over ties",
  );
});

test("a small CNN's training step gives the same gradients on wasm as on cpu", async () => {
  const f = (x: tf.Tensor, w1: tf.Tensor, w2: tf.Tensor) => {
    const h = tf.maxPool(
      tf.relu(tf.conv2d(x as tf.Tensor4D, w1 as tf.Tensor4D, 1, "valid")),
      2,
      2,
      "valid",
    );
    const h2 = tf.maxPool(tf.relu(tf.conv2d(h, w2 as tf.Tensor4D, 1, "valid")), 2, 2, "valid");
    return h2.mean() as tf.Scalar;
  };
  await agree(f as F, () => [
    tf.randomUniform([3, 28, 28, 1], 0, 1, "float32", 1),
    tf.randomNormal([3, 3, 1, 16], 0, 0.3, "float32", 2),
    tf.randomNormal([3, 3, 16, 32], 0, 0.1, "float32", 3),
  ], "CNN");
  await useBackend("wasm");
});

test("matrix products with transposed operands on wasm match the cpu backend", async () => {
  for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
    await agree(
      (a, b) => tf.matMul(a, b, ta, tb).square().mean() as tf.Scalar,
      () => [
        tf.randomNormal(ta ? [7, 5] : [5, 7], 0, 1, "float32", 11),
        tf.randomNormal(tb ? [3, 7] : [7, 3], 0, 1, "float32", 12),
      ],
      `matMul transposeA=${ta} transposeB=${tb}`,
    );
  }
  await agree(
    (a, b) => tf.matMul(a, b, true, true).sum() as tf.Scalar,
    () => [
      tf.randomNormal([2, 4, 3], 0, 1, "float32", 13),
      tf.randomNormal([2, 5, 4], 0, 1, "float32", 14),
    ],
    "batched matMul, both transposed",
  );
  await agree(
    (x, w, bias) =>
      tf.fused.matMul({ a: x, b: w, bias, activation: "relu", transposeB: true }).square()
        .sum() as tf.Scalar,
    () => [
      tf.randomNormal([6, 4], 0, 1, "float32", 15),
      tf.randomNormal([3, 4], 0, 1, "float32", 16),
      tf.randomNormal([3], 0, 1, "float32", 17),
    ],
    "fused matMul with bias and relu",
  );
  await useBackend("wasm");
});

// Whole outputs, not a scalar of them: the forward kernels inference uses.
async function agreeValues(f: () => tf.Tensor, what: string) {
  const run = async (backend: "wasm" | "cpu") => {
    useNativeKernels(backend === "wasm" && nativeOn);
    await useBackend(backend);
    return tf.tidy(() => Array.from(f().dataSync()));
  };
  const cpu = await run("cpu"), wasm = await run("wasm");
  assert.equal(wasm.length, cpu.length, what);
  const worst = Math.max(...cpu.map((v, i) => Math.abs(v - wasm[i]) / (1 + Math.abs(v))));
  assert.ok(worst < 1e-5, `${what}: differs from cpu by ${worst} (relative)`);
}

test("forward kernels inference uses match the cpu backend element by element", async () => {
  const x = () => tf.randomNormal([2, 9, 8, 3], 0, 1, "float32", 21) as tf.Tensor4D;
  const w = () => tf.randomNormal([3, 3, 3, 5], 0, 1, "float32", 22) as tf.Tensor4D;
  const bias = () => tf.randomNormal([5], 0, 1, "float32", 23) as tf.Tensor1D;
  for (const [stride, pad] of [[1, "same"], [2, "valid"], [2, "same"]] as const) {
    await agreeValues(
      () =>
        tf.fused.conv2d({
          x: x(),
          filter: w(),
          strides: stride,
          pad,
          bias: bias(),
          activation: "relu",
        }),
      `fused conv2d stride ${stride} ${pad}`,
    );
  }
  await agreeValues(() => tf.maxPool(x(), 3, 2, "same"), "maxPool 3x3 stride 2 same");
  await agreeValues(() => tf.add(x(), tf.range(0, 3)), "a bias added to every row");
  await agreeValues(() => tf.sum(x(), [0, 1, 2], true), "a sum over all axes but the last");
  await agreeValues(
    () =>
      tf.matMul(
        tf.randomNormal([1, 4, 6], 0, 1, "float32", 24),
        tf.randomNormal([3, 6, 2], 0, 1, "float32", 25),
      ),
    "a batched matMul that broadcasts its first operand",
  );
  // Large enough to be split over threads: by columns (few rows), then by rows.
  for (const [m, n] of [[8, 300], [300, 8]]) {
    await agreeValues(
      () =>
        tf.fused.matMul({
          a: tf.randomNormal([m, 100], 0, 1, "float32", 26),
          b: tf.randomNormal([n, 100], 0, 1, "float32", 27),
          transposeB: true,
          bias: tf.randomNormal([n], 0, 1, "float32", 28),
          activation: "relu",
        }),
      `a fused ${m}x100 by 100x${n} product with bias and relu`,
    );
  }
  await useBackend("wasm");
});
