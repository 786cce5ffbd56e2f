/**
 * Collating: turning a list of samples into one batch of tensors.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { Example } from "./dataset.ts";

/**
 * A batch of samples as tensors: features `x` `[size, ...shape]` and targets
 * `y` (`[size]` for class numbers, `[size, k]` for vectors). The caller
 * disposes it (`tf.dispose(batch)`; a type alias, so tfjs sees a tensor container). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * for (const batch of loader) {
 *   console.log(batch.x.shape, batch.y.shape);
 *   tf.dispose(batch);
 * }
 * ```
 */
export type Batch = {
  /** Features, one row per sample. */
  x: tf.Tensor;
  /** Targets, one entry (or row) per sample. */
  y: tf.Tensor;
  /** How many samples the batch holds. */
  size: number;
};

/**
 * Stack {@link Example}s into a {@link Batch}: the default collate function of
 * a DataLoader. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const batch = collateExamples([{ x: [0, 1], y: 0 }, { x: [2, 3], y: 1 }]);
 * batch.x.shape; // [2, 2]
 * ```
 */
export function collateExamples(examples: Example[]): Batch {
  if (examples.length === 0) {
    throw new Error("collateExamples: got no samples; a batch needs at least one.");
  }
  const first = examples[0];
  if (first === null || typeof first !== "object" || !("x" in first) || !("y" in first)) {
    throw new Error(
      "collateExamples: samples are not { x, y } Examples; pass the DataLoader a `collate` function for them.",
    );
  }
  const width = first.x.length;
  const shape = first.shape ?? [width];
  const scalarY = typeof first.y === "number";
  const yWidth = scalarY ? 1 : (first.y as ArrayLike<number>).length;
  const xs = new Float32Array(examples.length * width);
  const ys = new Float32Array(examples.length * yWidth);
  examples.forEach((e, i) => {
    if (e.x.length !== width) {
      throw new Error(
        `collateExamples: sample ${i} of the batch has ${e.x.length} features, sample 0 has ${width}.`,
      );
    }
    xs.set(e.x, i * width);
    if (typeof e.y === "number") {
      if (!scalarY) {
        throw new Error(
          "collateExamples: some targets are numbers, others vectors; give every sample the same kind.",
        );
      }
      ys[i] = e.y;
    } else {
      if (scalarY) {
        throw new Error(
          "collateExamples: some targets are numbers, others vectors; give every sample the same kind.",
        );
      }
      if (e.y.length !== yWidth) {
        throw new Error(
          `collateExamples: sample ${i}'s target has ${e.y.length} values, sample 0's has ${yWidth}.`,
        );
      }
      ys.set(e.y, i * yWidth);
    }
  });
  const n = examples.length;
  return {
    x: tf.tensor(xs, [n, ...shape]),
    y: scalarY ? tf.tensor1d(ys) : tf.tensor2d(ys, [n, yWidth]),
    size: n,
  };
}
