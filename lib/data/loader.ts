/**
 * The DataLoader: one epoch is one pass over a dataset in batches, each sample
 * exactly once, in a seeded random order when asked to shuffle.
 *
 * @module
 */
import type { Dataset, Example } from "./dataset.ts";
import { type Batch, collateExamples } from "./collate.ts";
import { Rng } from "./rng.ts";

/**
 * Options of a {@link DataLoader}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const options: DataLoaderOptions<Example, Batch> = { batchSize: 32, shuffle: true, rng: new Rng(1) };
 * ```
 */
export interface DataLoaderOptions<T, B> {
  /** Samples per batch (the last batch may be smaller unless `dropLast`). */
  batchSize: number;
  /** Visit the samples in a new random order every epoch (needs `rng`). */
  shuffle?: boolean;
  /** The seeded generator that orders the samples when shuffling. */
  rng?: Rng;
  /** Leave out the last batch when it is smaller than `batchSize`. */
  dropLast?: boolean;
  /** Turn a list of samples into a batch (with the loader's rng for any randomness); defaults to {@link collateExamples} for `{ x, y }` samples. */
  collate?: (samples: T[], rng?: Rng) => B;
}

/**
 * What a training loop needs of a loader: one epoch of batches per iteration,
 * and how many there are. Every {@link DataLoader} is one. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const source: BatchSource<Batch> = new DataLoader(ds, { batchSize: 8 });
 * ```
 */
export interface BatchSource<B = Batch> extends Iterable<B> {
  /** Batches per epoch. */
  readonly length: number;
  /** Samples per batch. */
  readonly batchSize: number;
  /** Whether a short last batch is left out. */
  readonly dropLast: boolean;
  /** The dataset behind the batches (only its size is read). */
  readonly dataset: { readonly length: number };
}

/**
 * Batches from a dataset: iterate it once for one epoch. Each batch is built
 * when it is reached, and the caller disposes it. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const loader = new DataLoader(ds, { batchSize: 32, shuffle: true, rng: new Rng(1) });
 * for (let epoch = 1; epoch <= 3; epoch++) {
 *   for (const { x, y } of loader) {
 *     // forward, loss, backward, step ... then tf.dispose([x, y])
 *   }
 * }
 * ```
 */
export class DataLoader<T = Example, B = Batch> implements BatchSource<B> {
  /** The dataset the batches come from. */
  readonly dataset: Dataset<T>;
  /** Samples per batch. */
  readonly batchSize: number;
  /** Whether every epoch visits the samples in a fresh random order. */
  readonly shuffle: boolean;
  /** Whether a short last batch is left out. */
  readonly dropLast: boolean;
  private readonly rng: Rng | undefined;
  private readonly collate: (samples: T[], rng?: Rng) => B;
  private epoch: number | undefined;

  /**
   * A loader over `dataset`. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new DataLoader(ds, { batchSize: 16, dropLast: true });
   * ```
   */
  constructor(dataset: Dataset<T>, options: DataLoaderOptions<T, B>) {
    const { batchSize, shuffle = false, dropLast = false, rng } = options;
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      throw new Error(`DataLoader: batchSize must be a positive integer, got ${batchSize}.`);
    }
    if (shuffle && rng === undefined) {
      throw new Error(
        "DataLoader: shuffle needs a seeded generator; pass `rng: new Rng(seed)` with it.",
      );
    }
    if (!dataset || !Number.isInteger(dataset.length) || typeof dataset.get !== "function") {
      throw new Error("DataLoader: dataset must have an integer `length` and a `get(i)` method.");
    }
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.rng = rng;
    this.collate = options.collate ??
      (collateExamples as unknown as (samples: T[]) => B);
  }

  /** Batches per epoch. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /**
   * The sample indices of one epoch, batch by batch (draws from `rng` when
   * shuffling, so call it once per epoch). Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new DataLoader(ds5, { batchSize: 2 }).epochIndices(); // [[0, 1], [2, 3], [4]]
   * ```
   */
  epochIndices(): number[][] {
    const n = this.dataset.length;
    let order: number[];
    if (!this.shuffle) order = Array.from({ length: n }, (_, i) => i);
    else if (this.epoch === undefined) order = this.rng!.permutation(n);
    else order = new Rng(epochSeed(this.rng!.seed, this.epoch++)).permutation(n);
    const batches: number[][] = [];
    for (let start = 0; start < n; start += this.batchSize) {
      const batch = order.slice(start, start + this.batchSize);
      if (this.dropLast && batch.length < this.batchSize) break;
      batches.push(batch);
    }
    return batches;
  }

  /**
   * Tie the shuffled order to epoch numbers, so that epoch k has the same order
   * whether or not training restarted before it: the next pass is epoch
   * `epoch`, the one after `epoch + 1`, and so on, each ordered by a generator
   * seeded from (`rng.seed`, epoch) alone. Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * loader.setEpoch(4); // resuming after epoch 3: the same order epoch 4 had in the first run
   * ```
   */
  setEpoch(epoch: number): void {
    if (!Number.isInteger(epoch) || epoch < 1) {
      throw new Error(`DataLoader.setEpoch: epoch must be an integer from 1, got ${epoch}.`);
    }
    this.epoch = epoch;
  }

  /** One epoch of batches. */
  *[Symbol.iterator](): Iterator<B> {
    const epoch = this.epoch;
    const batches = this.epochIndices();
    // Randomness inside batches (augmentation) comes from the loader's rng; with
    // numbered epochs, from a generator of its own per epoch, so a resumed run
    // transforms epoch k exactly as an unbroken run did.
    const rng = this.rng && epoch !== undefined
      ? new Rng(epochSeed(this.rng.seed, epoch) ^ 0x2545f491)
      : this.rng;
    for (const indices of batches) {
      yield this.collate(indices.map((i) => this.dataset.get(i)), rng);
    }
  }
}

/** A seed for epoch `epoch` of a run seeded with `seed` (a 32-bit integer mix of the two). */
function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(epoch, 0x85ebca6b)) | 0;
}
