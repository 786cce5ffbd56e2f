/**
 * The digit reader's training recipe, in one place, so chapter 4 and
 * `deno task train-ocr` train exactly the same model: a CNN (32 and 64
 * filters, a hidden layer of 128, dropout 0.25), Adam with a learning rate
 * decaying from 2e-3 to 1e-4 over 20 epochs, batches of 64 digits moved by
 * random rotations, shifts and zooms, checkpoints after every epoch.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import {
  type DigitSplits,
  ImageDataset,
  imageLoader,
  loadMnist,
  randomAffine,
  Rng,
  type Transform,
} from "../data/mod.ts";
import { type CheckpointedRun, trainWithCheckpoints } from "../io/mod.ts";
import { exponentialDecay } from "../nn/mod.ts";
import { cnnModel } from "./models.ts";

/** The recipe's settings. Introduced in 04_ocr_training. */
export const DIGITS_RECIPE = {
  seed: 11,
  epochs: 20,
  batchSize: 64,
  learningRate: { initial: 2e-3, final: 1e-4 },
  model: { filters: [32, 64] as [number, number], hidden: 128, dropout: 0.25 },
  augment: { degrees: 10, shift: 2, scale: [0.9, 1.1] as [number, number] },
} as const;

/**
 * The recipe's transform: small random rotations, shifts and zooms.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const moved = digitsAugment()(batch, new Rng(1));
 * ```
 */
export function digitsAugment(): Transform {
  return randomAffine({ ...DIGITS_RECIPE.augment, scale: [...DIGITS_RECIPE.augment.scale] });
}

/**
 * The recipe's model, its weights drawn from the recipe's seed. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * digitsModel().countParams(); // 225,034
 * ```
 */
export function digitsModel(): tf.Sequential {
  return cnnModel({ seed: 1, ...DIGITS_RECIPE.model, filters: [...DIGITS_RECIPE.model.filters] });
}

/** Options of {@link trainDigits}. */
export interface TrainDigitsOptions {
  /** Where checkpoints go; a run killed midway resumes from here. */
  checkpointDir: string;
  /** The digits (default: `loadMnist({ seed: 42 })`). */
  data?: DigitSplits;
  /** Epochs (default the recipe's 20). */
  epochs?: number;
  /** Where the progress bar draws. */
  progress?: "jupyter" | "terminal" | "silent";
}

/**
 * Train the digit reader with the recipe, checkpointing every epoch and
 * resuming from the last checkpoint when one is there. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { model, records } = await trainDigits({ checkpointDir: "checkpoints/digits" });
 * ```
 */
export async function trainDigits(options: TrainDigitsOptions): Promise<CheckpointedRun> {
  const data = options.data ?? loadMnist({ seed: 42 });
  const epochs = options.epochs ?? DIGITS_RECIPE.epochs;
  const loader = imageLoader(new ImageDataset(data.train, { isTraining: true }), {
    batchSize: DIGITS_RECIPE.batchSize,
    shuffle: true,
    rng: new Rng(DIGITS_RECIPE.seed),
    transform: digitsAugment(),
  });
  const validation = imageLoader(new ImageDataset(data.validation, { isTraining: true }), {
    batchSize: 256,
  });
  const { initial, final } = DIGITS_RECIPE.learningRate;
  const optimizer = tf.train.adam(initial);
  return await trainWithCheckpoints(digitsModel, loader, {
    optimizer,
    epochs,
    validation,
    learningRate: exponentialDecay(initial, final, epochs),
    progress: options.progress,
    label: "digits CNN",
  }, options.checkpointDir);
}
