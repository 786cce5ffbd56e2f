/** A tiny network and one optimiser step on a fixed batch, shared by the lib/io tests. */
import { tf } from "../../lib/backend/mod.ts";
import { Rng } from "../../lib/data/mod.ts";
import { feedForward, snapshotWeights } from "../../lib/nn/mod.ts";

/** Four points of two features. */
export const xs = tf.tensor2d([[0.1, 0.9], [0.8, -0.3], [-0.5, 0.4], [0.2, 0.2]]);
/** Their targets. */
export const ys = tf.tensor2d([[1], [0], [1], [0]]);

/** A 2-3-1 tanh network with weights from `seed`. */
export function net(seed: number): tf.Sequential {
  return feedForward({ sizes: [2, 3, 1], activation: "tanh", rng: new Rng(seed) });
}

/** One step of `optimizer` on the batch (mean squared error). */
export function step(model: tf.LayersModel, optimizer: tf.Optimizer): void {
  tf.tidy(() => {
    optimizer.minimize(() =>
      tf.losses.meanSquaredError(ys, model.predict(xs) as tf.Tensor) as tf.Scalar
    );
  });
}

/** Every weight of the model, flat. */
export const flat = (model: tf.LayersModel): number[] =>
  snapshotWeights(model).values.flatMap((v) => Array.from(v));
