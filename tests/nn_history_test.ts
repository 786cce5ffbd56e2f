import assert from "node:assert/strict";
import {
  convergenceEpoch,
  epochsToReach,
  historyFrame,
  recordsOf,
  runSummary,
} from "../lib/nn/mod.ts";

Deno.test("epochsToReach gives the first epoch at or below the target", () => {
  assert.equal(epochsToReach([0.9, 0.5, 0.2, 0.1], 0.3), 3);
  assert.equal(epochsToReach([0.9, 0.5], 0.5), 2);
  assert.equal(epochsToReach([0.9, 0.5], 0.1), null);
});

Deno.test("convergenceEpoch finds where the loss settles into its final level", () => {
  // Final level: mean of the last two = 0.2; the band is 0.18..0.22; 0.21 at epoch 3 is inside.
  assert.equal(convergenceEpoch([1, 0.5, 0.21, 0.2, 0.2, 0.2], { tolerance: 0.1, window: 2 }), 3);
  // A blip out of the band later restarts the count.
  assert.equal(
    convergenceEpoch([1, 0.2, 0.2, 0.5, 0.2, 0.2, 0.2], { tolerance: 0.1, window: 2 }),
    5,
  );
  // Still falling fast at the end: never settled.
  assert.equal(convergenceEpoch([1, 0.5, 0.25, 0.12, 0.06], { tolerance: 0.1, window: 2 }), null);
  assert.throws(() => convergenceEpoch([1, 2], { window: 5 }), /needs more than window=5 losses/);
});

Deno.test("historyFrame has the five columns with nulls where nothing was measured", () => {
  const df = historyFrame([
    { epoch: 1, trainLoss: 0.7, valLoss: null, accuracy: 0.5, seconds: 0.1 },
    { epoch: 2, trainLoss: 0.4, valLoss: null, accuracy: null, seconds: 0.2 },
  ]);
  assert.deepEqual(df.columns, ["epoch", "trainLoss", "valLoss", "accuracy", "seconds"]);
  assert.deepEqual(df.getColumn("epoch").toArray(), [1, 2]);
  assert.deepEqual(df.getColumn("valLoss").toArray(), [null, null]);
  assert.deepEqual(df.getColumn("accuracy").toArray(), [0.5, null]);
});

Deno.test("runSummary puts each run's last epoch, target epoch and settling epoch in a row", () => {
  const run = (losses: number[]) =>
    losses.map((trainLoss, i) => ({
      epoch: i + 1,
      trainLoss,
      valLoss: null,
      accuracy: 0.5 + i / 10,
      seconds: (i + 1) / 2,
    }));
  const df = runSummary(
    { fast: run([1, 0.3, 0.1, 0.1, 0.100004]), slow: run([1, 0.9, 0.8, 0.7, 0.6]) },
    { target: 0.3, window: 2 },
  );
  assert.deepEqual(df.getColumn("run").toArray(), ["fast", "slow"]);
  assert.deepEqual(df.getColumn("epochsToTarget").toArray(), [2, null]);
  assert.deepEqual(df.getColumn("settledAt").toArray(), [3, null]);
  assert.deepEqual(df.getColumn("trainLoss").toArray(), [0.1, 0.6], "rounded to 4 decimals");
  assert.deepEqual(df.getColumn("seconds").toArray(), [2.5, 2.5]);
  assert.deepEqual(recordsOf(historyFrame(run([1, 0.5])))[1].trainLoss, 0.5);
});
