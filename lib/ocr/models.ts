/**
 * The two character models of the journal: an MLP baseline and a small CNN,
 * both for 28x28 greyscale images and 10 classes by default. Weights start
 * Keras-style (Glorot-uniform, zero biases) from a seed.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";

/** Options shared by {@link mlpModel} and {@link cnnModel}. */
export interface CharModelOptions {
  /** Seed of the initial weights (each layer derives its own). */
  seed?: number;
  /** Number of classes (10 digits by default). */
  classes?: number;
  /** Input image side in pixels (28 by default). */
  size?: number;
}

/** Options of {@link cnnModel}: its width, beyond {@link CharModelOptions}. */
export interface CnnOptions extends CharModelOptions {
  /** Filters of the two convolutions (default [16, 32], the bench's small CNN). */
  filters?: [number, number];
  /** Units of a hidden dense layer before the output (default none). */
  hidden?: number;
  /** Dropout rate before the dense layers (default 0: none). */
  dropout?: number;
}

function glorot(seed: number) {
  return tf.initializers.glorotUniform({ seed });
}

// tfjs's Dropout draws its mask from `seed` afresh on every call, so a seeded
// Dropout drops the same units in every batch: a thinner network in training
// and untrained units switched on at inference. This one moves the seed on by
// one per call (still reproducible), and keeps the class name "Dropout" so a
// saved model loads anywhere as an ordinary Dropout.
const DropoutBase = Object.getPrototypeOf(tf.layers.dropout({ rate: 0.5 })).constructor as {
  new (args: { rate: number; seed?: number }): tf.layers.Layer;
};
class SteppedDropout extends DropoutBase {
  static className = "Dropout";
  private calls = 0;
  override call(
    inputs: tf.Tensor | tf.Tensor[],
    kwargs: Record<string, unknown>,
  ): tf.Tensor | tf.Tensor[] {
    const self = this as unknown as { seed?: number };
    const base = self.seed;
    if (base !== undefined) self.seed = base + this.calls++;
    try {
      return super.call(inputs, kwargs);
    } finally {
      self.seed = base;
    }
  }
}

/**
 * A dropout layer whose seeded mask changes from batch to batch (tfjs's own
 * repeats one mask when given a seed). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * model.add(steppedDropout({ rate: 0.25, seed: 4 }));
 * ```
 */
export function steppedDropout(args: { rate: number; seed: number }): tf.layers.Layer {
  return new SteppedDropout(args);
}

/**
 * An MLP: flatten, dense 128 (relu), dense `classes` (logits). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const model = mlpModel({ seed: 1 });
 * model.predict(tf.zeros([1, 28, 28, 1])); // logits of shape [1, 10]
 * ```
 */
export function mlpModel(options: CharModelOptions = {}): tf.Sequential {
  const { seed = 1, classes = 10, size = 28 } = options;
  return tf.sequential({
    name: "mlp",
    layers: [
      tf.layers.flatten({ inputShape: [size, size, 1] }),
      tf.layers.dense({ units: 128, activation: "relu", kernelInitializer: glorot(seed) }),
      tf.layers.dense({ units: classes, kernelInitializer: glorot(seed + 1) }),
    ],
  });
}

/**
 * A small CNN: conv 3x3x16, relu, max-pool 2, conv 3x3x32, relu, max-pool 2,
 * dense `classes` (logits); wider with `filters`, with an optional hidden
 * dense layer and dropout. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const model = cnnModel({ seed: 1 });
 * model.countParams(); // 12,810 for 10 classes
 * ```
 */
export function cnnModel(options: CnnOptions = {}): tf.Sequential {
  const { seed = 1, classes = 10, size = 28, filters = [16, 32], hidden, dropout = 0 } = options;
  const layers: tf.layers.Layer[] = [
    tf.layers.conv2d({
      inputShape: [size, size, 1],
      filters: filters[0],
      kernelSize: 3,
      activation: "relu",
      kernelInitializer: glorot(seed),
    }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({
      filters: filters[1],
      kernelSize: 3,
      activation: "relu",
      kernelInitializer: glorot(seed + 1),
    }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.flatten(),
  ];
  if (dropout > 0) layers.push(steppedDropout({ rate: dropout, seed: seed + 3 }));
  if (hidden) {
    layers.push(
      tf.layers.dense({ units: hidden, activation: "relu", kernelInitializer: glorot(seed + 4) }),
    );
    if (dropout > 0) layers.push(steppedDropout({ rate: dropout, seed: seed + 5 }));
  }
  layers.push(tf.layers.dense({ units: classes, kernelInitializer: glorot(seed + 2) }));
  return tf.sequential({ name: "cnn", layers });
}
