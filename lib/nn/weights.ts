/**
 * Weight snapshots: a model's weights copied out as plain arrays (no tensors
 * kept alive), to compare, save per epoch, or put back.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";

/**
 * A model's weights as plain arrays, in `model.getWeights()` order. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const snap: WeightSnapshot = snapshotWeights(model);
 * ```
 */
export interface WeightSnapshot {
  /** Each weight's shape. */
  shapes: number[][];
  /** Each weight's values, flattened. */
  values: Float32Array[];
}

/**
 * Copy a model's current weights into a {@link WeightSnapshot}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const before = snapshotWeights(model);
 * ```
 */
export function snapshotWeights(model: tf.LayersModel): WeightSnapshot {
  const weights = model.getWeights(); // the model's own variables: read, never dispose
  return {
    shapes: weights.map((w) => w.shape.slice()),
    values: weights.map((w) => Float32Array.from(w.dataSync() as Float32Array)),
  };
}

/**
 * Put a snapshot's weights back into a model of the same architecture. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * restoreWeights(model, before);
 * ```
 */
export function restoreWeights(model: tf.LayersModel, snapshot: WeightSnapshot): void {
  const current = model.getWeights();
  if (current.length !== snapshot.values.length) {
    throw new Error(
      `restoreWeights: the model has ${current.length} weight tensors, the snapshot ${snapshot.values.length}; was it taken from another architecture?`,
    );
  }
  current.forEach((w, i) => {
    if (w.shape.join(",") !== snapshot.shapes[i].join(",")) {
      throw new Error(
        `restoreWeights: weight ${i} has shape [${w.shape}] in the model but [${
          snapshot.shapes[i]
        }] in the snapshot.`,
      );
    }
  });
  const tensors = snapshot.values.map((v, i) => tf.tensor(v, snapshot.shapes[i]));
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/**
 * The largest absolute difference between two snapshots' weights (0 when
 * identical). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * maxWeightDifference(snapshotWeights(a), snapshotWeights(b)); // 0 for twins
 * ```
 */
export function maxWeightDifference(a: WeightSnapshot, b: WeightSnapshot): number {
  if (a.values.length !== b.values.length) {
    throw new Error(
      `maxWeightDifference: snapshots hold ${a.values.length} and ${b.values.length} weights; compare the same architecture.`,
    );
  }
  let max = 0;
  a.values.forEach((va, i) => {
    const vb = b.values[i];
    if (va.length !== vb.length) {
      throw new Error(`maxWeightDifference: weight ${i} has ${va.length} vs ${vb.length} values.`);
    }
    for (let j = 0; j < va.length; j++) max = Math.max(max, Math.abs(va[j] - vb[j]));
  });
  return max;
}
