import assert from "node:assert/strict";
import { nativeStatus, tf, useNativeKernels } from "../lib/backend/mod.ts";
import { setLearningRate } from "../lib/nn/mod.ts";

// The native Adam step is held to tfjs's own AdamOptimizer, bit for bit:
// the same weights, moments and step count after several steps.
const native = nativeStatus();
const ignore = !native.loaded;

async function run(fused: boolean, steps: number) {
  useNativeKernels(fused);
  const w = tf.variable(tf.randomNormal([7, 5], 0, 1, "float32", 31), true, `w${fused}`);
  const b = tf.variable(tf.randomNormal([5], 0, 1, "float32", 32), true, `b${fused}`);
  const target = tf.randomNormal([7, 5], 0, 1, "float32", 33);
  const opt = tf.train.adam(0.01, 0.8, 0.95, 1e-6);
  for (let i = 0; i < steps; i++) {
    // Elementwise only, so no other native kernel changes the gradients.
    opt.minimize(() =>
      tf.tidy(() => w.sub(target).square().sum().add(b.mul(b).mul(b).sum()) as tf.Scalar)
    );
    if (i === 2) setLearningRate(opt, 0.003); // a schedule changes the rate between steps
  }
  // The step count, then each weight's first and second moments.
  const moments = steps ? (await opt.getWeights()).map((t) => t.tensor) : [];
  const state = [w, b, ...moments].map((t) => Array.from(t.dataSync()));
  tf.dispose([w, b, target]);
  opt.dispose();
  return state;
}

Deno.test({
  name: "the native Adam step gives tfjs's weights and moments bit for bit",
  ignore,
  fn: async () => {
    const shipped = await run(false, 6), fused = await run(true, 6);
    assert.equal(fused.length, 7);
    assert.deepEqual(fused[2], [6]);
    fused.forEach((values, i) => assert.deepEqual(values, shipped[i], `tensor ${i}`));
    // And it did change them: the weights moved away from their start.
    assert.notDeepEqual((await run(true, 0))[0], fused[0]);
  },
});

Deno.test({
  name: "the native Adam step leaves a weight alone when another tensor shares its memory",
  ignore,
  fn: async () => {
    useNativeKernels(true);
    const w = tf.variable(tf.tensor1d([1, 2, 3]), true, "shared");
    const snapshot = tf.clone(w); // shares w's memory until w is reassigned
    const opt = tf.train.adam(0.1);
    opt.minimize(() => w.square().sum() as tf.Scalar);
    assert.deepEqual(Array.from(snapshot.dataSync()), [1, 2, 3]);
    assert.ok(w.dataSync()[0] < 1, "w itself took the step");
    const [iterations] = await opt.getWeights();
    assert.equal(iterations.tensor.dataSync()[0], 1);
    tf.dispose([w, snapshot]);
    opt.dispose();
  },
});
