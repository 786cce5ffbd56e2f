/**
 * Datasets: anything with a length and a way to get sample `i`. A DataLoader
 * turns one into batches; chapter 4 adds image datasets with transforms.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { Rng } from "./rng.ts";

/**
 * A dataset: `length` samples, sample `i` from `get(i)`. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const squares: Dataset<Example> = { length: 3, get: (i) => ({ x: [i], y: i * i }) };
 * ```
 */
export interface Dataset<T> {
  /** How many samples there are. */
  readonly length: number;
  /** Sample `i`, for `0 <= i < length`. */
  get(i: number): T;
}

/**
 * One labelled sample: flat features `x`, a target `y` (a class number or a
 * vector), and optionally the shape `x` stands for. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const point: Example = { x: [0.5, -1.2], y: 1 };
 * const image: Example = { x: new Float32Array(784), y: 7, shape: [28, 28, 1] };
 * ```
 */
export interface Example {
  /** The features, flattened. */
  x: ArrayLike<number>;
  /** The target: a class index or number, or a flat vector. */
  y: number | ArrayLike<number>;
  /** The shape of one `x` (defaults to `[x.length]`). */
  shape?: number[];
}

/**
 * An in-memory dataset of feature rows and targets. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const ds = new ArrayDataset([[0, 0], [1, 1]], [0, 1]);
 * ds.get(1); // { x: [1, 1], y: 1 }
 * ```
 */
export class ArrayDataset implements Dataset<Example> {
  /** The feature rows. */
  readonly xs: ArrayLike<number>[];
  /** The targets, one per row. */
  readonly ys: (number | ArrayLike<number>)[];
  /** The shape of one row's features. */
  readonly shape: number[];

  /**
   * Hold `xs[i]` with target `ys[i]`; every row has the same length. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new ArrayDataset([[1, 2], [3, 4]], [0, 1]);
   * ```
   */
  constructor(xs: ArrayLike<number>[], ys: (number | ArrayLike<number>)[], shape?: number[]) {
    if (xs.length !== ys.length) {
      throw new Error(
        `ArrayDataset: got ${xs.length} feature rows but ${ys.length} targets; pass one target per row.`,
      );
    }
    const width = xs.length > 0 ? xs[0].length : 0;
    xs.forEach((row, i) => {
      if (row.length !== width) {
        throw new Error(
          `ArrayDataset: row ${i} has ${row.length} features, row 0 has ${width}; every row needs the same length.`,
        );
      }
    });
    const s = shape ?? [width];
    if (s.reduce((a, b) => a * b, 1) !== width) {
      throw new Error(`ArrayDataset: shape [${s}] does not hold ${width} features per row.`);
    }
    this.xs = xs;
    this.ys = ys;
    this.shape = s;
  }

  /**
   * A dataset from a features tensor `[n, ...]` and a targets tensor `[n]` or
   * `[n, k]` (read once; no tensor is kept). Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * const ds = ArrayDataset.fromTensors(tf.tensor2d([[0, 1], [2, 3]]), tf.tensor1d([0, 1]));
   * ```
   */
  static fromTensors(x: tf.Tensor, y: tf.Tensor): ArrayDataset {
    const n = x.shape[0] ?? 0;
    if (x.rank < 1 || y.rank < 1 || y.shape[0] !== n) {
      throw new Error(
        `ArrayDataset.fromTensors: x [${x.shape}] and y [${y.shape}] need the same first (sample) dimension.`,
      );
    }
    const width = x.size / Math.max(n, 1);
    const yWidth = y.size / Math.max(n, 1);
    const xData = x.dataSync() as Float32Array;
    const yData = y.dataSync() as Float32Array;
    const xs = Array.from({ length: n }, (_, i) => xData.slice(i * width, (i + 1) * width));
    const ys = Array.from(
      { length: n },
      (_, i) => y.rank === 1 ? yData[i] : yData.slice(i * yWidth, (i + 1) * yWidth),
    );
    return new ArrayDataset(xs, ys, x.shape.slice(1));
  }

  /** How many rows there are. */
  get length(): number {
    return this.xs.length;
  }

  /** Row `i` as an {@link Example}. */
  get(i: number): Example {
    checkIndex("ArrayDataset", i, this.length);
    return { x: this.xs[i], y: this.ys[i], shape: this.shape };
  }
}

/**
 * The samples of another dataset at the given indices, in that order. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const firstTen = new Subset(ds, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * ```
 */
export class Subset<T> implements Dataset<T> {
  /** The dataset the samples come from. */
  readonly source: Dataset<T>;
  /** Which of the source's samples, in order. */
  readonly indices: readonly number[];

  /**
   * View `indices` of `source` as a dataset. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Subset(ds, [3, 1]).get(0); // ds.get(3)
   * ```
   */
  constructor(source: Dataset<T>, indices: readonly number[]) {
    indices.forEach((j) => checkIndex("Subset", j, source.length));
    this.source = source;
    this.indices = indices;
  }

  /** How many samples the subset holds. */
  get length(): number {
    return this.indices.length;
  }

  /** The subset's sample `i`. */
  get(i: number): T {
    checkIndex("Subset", i, this.length);
    return this.source.get(this.indices[i]);
  }
}

/**
 * Split a dataset at random into parts of the given sizes (they must add up
 * to its length). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const [train, val] = randomSplit(ds, [300, 100], new Rng(0));
 * ```
 */
export function randomSplit<T>(dataset: Dataset<T>, sizes: number[], rng: Rng): Subset<T>[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (sizes.some((s) => !Number.isInteger(s) || s < 0) || total !== dataset.length) {
    throw new Error(
      `randomSplit: sizes [${sizes}] must be non-negative integers adding up to the dataset's ${dataset.length} samples.`,
    );
  }
  const order = rng.permutation(dataset.length);
  let start = 0;
  return sizes.map((s) => new Subset(dataset, order.slice(start, start += s)));
}

function checkIndex(who: string, i: number, length: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= length) {
    throw new Error(`${who}: index ${i} is out of range; valid indices are 0..${length - 1}.`);
  }
}
