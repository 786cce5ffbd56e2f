import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { correctCount, crossEntropy, meanSquaredError, resolveLoss } from "../lib/nn/mod.ts";

const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};
const close = (a: number, b: number, tol = 1e-5) =>
  assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

Deno.test("binary cross-entropy of logits matches -[y log s(z) + (1 - y) log(1 - s(z))]", () => {
  const z = [0, 2, -1];
  const y = [1, 0, 0];
  const s = (v: number) => 1 / (1 + Math.exp(-v));
  const expected =
    -z.reduce((acc, v, i) => acc + y[i] * Math.log(s(v)) + (1 - y[i]) * Math.log(1 - s(v)), 0) / 3;
  close(value(crossEntropy(tf.tensor1d(y), tf.tensor2d(z, [3, 1]))), expected);
  close(value(crossEntropy(tf.tensor1d([1]), tf.tensor2d([[0]]))), Math.LN2);
});

Deno.test("softmax cross-entropy with class indices is -log of the true class's softmax", () => {
  const logits = [[1, 2, 3], [0, 0, 0]];
  const labels = [2, 0];
  const expected =
    (-Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3))) + Math.log(3)) / 2;
  close(value(crossEntropy(tf.tensor1d(labels), tf.tensor2d(logits))), expected);
  close(value(crossEntropy(tf.tensor2d([[0, 0, 1], [1, 0, 0]]), tf.tensor2d(logits))), expected);
});

Deno.test("mean squared error averages the squared differences", () => {
  close(
    value(meanSquaredError(tf.tensor1d([1, 2, 3]), tf.tensor2d([[1], [4], [0]]))),
    (0 + 4 + 9) / 3,
  );
});

Deno.test("correctCount reads a positive logit as class 1 and the largest logit as the class", () => {
  assert.equal(value(correctCount(tf.tensor1d([1, 0, 1]), tf.tensor2d([[2], [-1], [-0.5]]))), 2);
  assert.equal(value(correctCount(tf.tensor1d([2, 0]), tf.tensor2d([[0, 1, 5], [3, 1, 0]]))), 2);
});

Deno.test("losses leave no tensors behind and unknown names get an error", () => {
  const y = tf.tensor1d([1, 0]);
  const z = tf.tensor2d([[1], [2]]);
  const before = tf.memory().numTensors;
  value(crossEntropy(y, z));
  value(correctCount(y, z));
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([y, z]);
  assert.throws(
    () => resolveLoss("hinge" as "mse"),
    /unknown loss "hinge"; use "crossEntropy", "mse"/,
  );
  assert.throws(
    () => crossEntropy(tf.tensor1d([1, 0, 1]), tf.tensor2d([[1], [2]])),
    /targets \[3\] and predictions \[2,1\]/,
  );
});
