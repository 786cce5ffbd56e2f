import assert from "node:assert/strict";
import { flat, net, step } from "./helpers/tiny_net.ts";
import { Rng } from "../lib/data/mod.ts";
import { feedForward } from "../lib/nn/mod.ts";
import { tf } from "../lib/backend/mod.ts";
import { encodeOptimizer, restoreOptimizer } from "../lib/io/mod.ts";

Deno.test("restored Adam moments make the next step the one the original optimiser takes", async () => {
  const model = net(1);
  const adam = tf.train.adam(0.05);
  for (let i = 0; i < 5; i++) step(model, adam);
  const { manifest, data } = await encodeOptimizer(adam);
  assert.equal(manifest.className, "Adam");
  assert.equal(manifest.iterations, 5);
  // one step counter, then a first and a second moment for each of the 4 weights
  assert.equal(manifest.weights.length, 1 + 2 * 4);
  assert.equal(data.length, 4 + 2 * 4 * (2 * 3 + 3 + 3 * 1 + 1));

  const twin = net(1);
  twin.setWeights(model.getWeights());
  const restored = tf.train.adam(0.05);
  await restoreOptimizer(restored, manifest, data, "test.bin", twin);
  assert.equal(restored.iterations, 5);
  const forgetful = net(1);
  forgetful.setWeights(model.getWeights());
  const fresh = tf.train.adam(0.05);

  step(model, adam);
  step(twin, restored);
  step(forgetful, fresh);
  const [a, b, c] = [flat(model), flat(twin), flat(forgetful)];
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-6, `weight ${i}: ${v} vs ${b[i]}`));
  const off = Math.max(...a.map((v, i) => Math.abs(v - c[i])));
  assert.ok(off > 1e-3, `without its moments Adam steps elsewhere (${off})`);
  [adam, restored, fresh].forEach((o) => o.dispose());
});

Deno.test("restoring an optimiser leaves no stray tensors", async () => {
  const model = net(2);
  const adam = tf.train.adam(0.01);
  step(model, adam);
  const { manifest, data } = await encodeOptimizer(adam);
  const other = tf.train.adam(0.01);
  step(model, other); // it has moments of its own, which the restore replaces
  const before = tf.memory().numTensors;
  await restoreOptimizer(other, manifest, data, "test.bin", model);
  assert.equal(tf.memory().numTensors, before);
  [adam, other].forEach((o) => o.dispose());
});

Deno.test("another optimiser class, or the state of another architecture, is refused with the file named", async () => {
  const model = net(3);
  const adam = tf.train.adam(0.01);
  step(model, adam);
  const { manifest, data } = await encodeOptimizer(adam);
  await assert.rejects(
    restoreOptimizer(tf.train.sgd(0.1), manifest, data, "ckpt/latest/optimizer.bin"),
    /"ckpt\/latest\/optimizer.bin" holds the state of the optimiser Adam, but the one given is SGD; pass the optimiser the run started with/,
  );
  const wider = feedForward({ sizes: [2, 5, 1], rng: new Rng(1) });
  await assert.rejects(
    restoreOptimizer(tf.train.adam(0.01), manifest, data, "ckpt/latest/optimizer.bin", wider),
    /slot "[^"]+" in "ckpt\/latest\/optimizer.bin" has shape \[2,3\] but the model's weight "[^"]+" has \[2,5\]; the checkpoint belongs to another architecture/,
  );
  await assert.rejects(
    restoreOptimizer(tf.train.adam(0.01), manifest, data.slice(0, 10), "x.bin"),
    /"x.bin" holds 10 bytes but its manifest lists \d+; the checkpoint is damaged/,
  );
  adam.dispose();
});
