import assert from "node:assert/strict";
import { tf } from "../lib/backend/mod.ts";
import { lstmModel, mae, naive, trainLstm } from "../lib/timeseries/mod.ts";

// A seasonal wave on a trend: period 8, so "the same step last cycle" is the pattern to learn.
const wave = Array.from({ length: 80 }, (_, t) => 0.05 * t + Math.sin((2 * Math.PI * t) / 8));
const train = wave.slice(0, 72), test = wave.slice(72);

Deno.test("an LSTM learns a seasonal wave better than the naive forecast, and frees its tensors", async () => {
  const before = tf.memory().numTensors;
  const lstm = await trainLstm(train, {
    lookback: 8,
    epochs: 30,
    units: 8,
    progress: "silent",
    seed: 3,
  });
  const forecast = lstm.forecast(train, 8);
  assert.equal(forecast.length, 8);
  const lstmError = mae(test, forecast), naiveError = mae(test, naive(train, 8).mean);
  assert.ok(lstmError < naiveError / 2, `LSTM MAE ${lstmError} vs naive ${naiveError}`);
  assert.equal(lstm.training.records.length, 30);
  lstm.dispose();
  assert.equal(tf.memory().numTensors, before, "training and forecasting leave no tensors behind");
});

Deno.test("the same seed gives the same forecast, to the last digit", async () => {
  const run = async () => {
    const lstm = await trainLstm(train, {
      lookback: 8,
      horizon: 2,
      epochs: 3,
      units: 4,
      progress: "silent",
      seed: 11,
    });
    const f = lstm.forecast(train, 4);
    lstm.dispose();
    return f;
  };
  assert.deepEqual(await run(), await run());
});

Deno.test("the network is one LSTM layer and a dense layer with one output per step ahead", () => {
  const model = lstmModel({ lookback: 12, horizon: 3, units: 5, seed: 1 });
  assert.deepEqual(model.outputs[0].shape, [null, 3]);
  assert.deepEqual(model.inputs[0].shape, [null, 12, 1]);
  assert.equal(model.layers[0].getClassName(), "LSTM");
  model.dispose();
});

Deno.test("too little data or history for the lookback is refused", async () => {
  await assert.rejects(
    () => trainLstm([1, 2, 3, 4], { lookback: 3, progress: "silent" }),
    /only 1 window/,
  );
  const lstm = await trainLstm(train, { lookback: 8, epochs: 1, units: 2, progress: "silent" });
  assert.throws(() => lstm.forecast([1, 2], 3), /needs the last 8 values/);
  lstm.dispose();
});
