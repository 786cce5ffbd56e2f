import assert from "node:assert/strict";
import { flat, net, step } from "./helpers/tiny_net.ts";
import { tf } from "../lib/backend/mod.ts";
import type { EpochRecord } from "../lib/nn/mod.ts";
import { Checkpointer, loadModel } from "../lib/io/mod.ts";

const record = (epoch: number, valLoss: number): EpochRecord => ({
  epoch,
  trainLoss: 1 / epoch,
  valLoss,
  accuracy: 0.5,
  seconds: epoch,
});

Deno.test("each epoch rewrites latest/, and best/ only when the validation loss improves", async () => {
  const root = await Deno.makeTempDir();
  const ckpt = new Checkpointer(`${root}/run`);
  const model = net(1);
  const adam = tf.train.adam(0.05);
  const weightsAt: number[][] = [];
  const improved: boolean[] = [];
  for (const [epoch, valLoss] of [[1, 0.5], [2, 0.4], [3, 0.45]]) {
    step(model, adam);
    weightsAt[epoch] = flat(model);
    improved.push(await ckpt.save(model, adam, record(epoch, valLoss)));
  }
  assert.deepEqual(improved, [true, true, false]);
  assert.deepEqual(
    await Array.fromAsync(Deno.readDir(`${root}/run`), (e) => e.name).then((n) => n.sort()),
    [
      "best",
      "latest",
    ],
  );
  const latest = await ckpt.latest();
  const best = await ckpt.bestState();
  assert.equal(latest?.epoch, 3);
  assert.deepEqual(latest?.best, { epoch: 2, metric: 0.4 });
  assert.deepEqual(latest?.records.map((r) => r.valLoss), [0.5, 0.4, 0.45]);
  assert.equal(latest?.optimizer?.className, "Adam");
  assert.equal(latest?.optimizer?.iterations, 3);
  assert.equal(best?.epoch, 2);
  assert.equal(best?.optimizer, null);
  assert.deepEqual(flat(await loadModel(ckpt.latestDir)), weightsAt[3]);
  assert.deepEqual(flat(await ckpt.loadBest()), weightsAt[2]);
  adam.dispose();
  await Deno.remove(root, { recursive: true });
});

Deno.test("restore puts back the weights, the optimiser's step count and the history", async () => {
  const root = await Deno.makeTempDir();
  const model = net(1);
  const adam = tf.train.adam(0.05);
  const hook = new Checkpointer(root).onEpoch(adam);
  for (let epoch = 1; epoch <= 2; epoch++) {
    step(model, adam);
    await hook(record(epoch, 1 / epoch), model);
  }
  const again = new Checkpointer(root);
  const fresh = net(7);
  const freshAdam = tf.train.adam(0.05);
  const state = await again.restore(fresh, freshAdam);
  assert.equal(state?.epoch, 2);
  assert.deepEqual(again.records.map((r) => r.epoch), [1, 2]);
  assert.equal(freshAdam.iterations, 2);
  assert.deepEqual(flat(fresh), flat(model));
  await assert.rejects(
    again.save(fresh, freshAdam, record(2, 0.1)),
    /got epoch 2 but 2 epochs are recorded in "[^"]+", so epoch 3 comes next/,
  );
  assert.equal(await new Checkpointer(`${root}/nothing`).restore(net(1), freshAdam), null);
  [adam, freshAdam].forEach((o) => o.dispose());
  await Deno.remove(root, { recursive: true });
});

Deno.test("a damaged state.json gets an error that names it and says to start over", async () => {
  const root = await Deno.makeTempDir();
  const ckpt = new Checkpointer(root);
  const adam = tf.train.adam(0.05);
  await ckpt.save(net(1), adam, record(1, 0.5));
  await Deno.writeTextFile(`${root}/latest/state.json`, '{"epoch": 1, "rec');
  await assert.rejects(
    new Checkpointer(root).latest(),
    /Checkpointer: "[^"]*latest\/state.json" is not valid JSON \(.*\); the checkpoint is damaged: delete/,
  );
  await Deno.writeTextFile(`${root}/latest/state.json`, '{"epoch": 2, "records": []}');
  await assert.rejects(
    new Checkpointer(root).latest(),
    /does not hold epoch records 1..epoch \(epoch 2, 0 records\)/,
  );
  adam.dispose();
  await Deno.remove(root, { recursive: true });
});
