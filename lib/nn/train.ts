/**
 * The training loop, written the way the blog tells it: for each epoch, for
 * each batch, a forward pass, the loss, a backward pass and an optimiser step.
 * Around it: validation, early stopping, a callback per epoch, live progress.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { progress } from "../show/mod.ts";
import type { Batch, BatchSource, Dataset, Example } from "../data/mod.ts";
import { correctCount, type LossFn, resolveLoss } from "./losses.ts";
import { asLoader, evaluate } from "./evaluate.ts";
import { type EpochRecord, historyFrame, type TrainResult } from "./history.ts";
import { restoreWeights, snapshotWeights, type WeightSnapshot } from "./weights.ts";
import { setLearningRate } from "./schedule.ts";

/**
 * Options of {@link train}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * await train(model, loader, { optimizer: tf.train.adam(0.01), epochs: 100, validation: valSet, patience: 10 });
 * ```
 */
export interface TrainOptions {
  /** Any tfjs optimiser, e.g. `tf.train.sgd(0.1)` or `tf.train.adam(0.01)`. */
  optimizer: tf.Optimizer;
  /** The most epochs to run (early stopping may end sooner). */
  epochs: number;
  /** "crossEntropy" (on logits, the default), "mse", or a function (yTrue, yPred) => scalar. */
  loss?: "crossEntropy" | "mse" | LossFn;
  /** A held-out set measured after every epoch (valLoss, and accuracy). */
  validation?: BatchSource<Batch> | Dataset<Example>;
  /** Stop after this many epochs without a better monitored loss (valLoss, else trainLoss). */
  patience?: number;
  /** How much lower a loss must be to count as better (default 0). */
  minDelta?: number;
  /** With `patience`: put back the best epoch's weights at the end (default true). */
  restoreBest?: boolean;
  /**
   * The records of epochs already trained, 1..k (e.g. from a checkpoint), to
   * resume a run: training goes on at epoch k + 1, and the history, seconds and
   * early stopping carry on from them (`restoreBest` can only put back a best
   * epoch trained in this call). Introduced in 04_ocr_training.
   */
  initialHistory?: readonly EpochRecord[];
  /**
   * The learning rate of each epoch (from 1), set before the epoch starts, so
   * a resumed run goes on where the schedule was. E.g. {@link exponentialDecay}.
   * Introduced in 04_ocr_training.
   */
  learningRate?: (epoch: number) => number;
  /** Called after every epoch with its record (awaited when it returns a promise). */
  onEpoch?: (record: EpochRecord, model: tf.LayersModel) => void | Promise<void>;
  /** Where the progress bar draws (default: Jupyter in the kernel, else the terminal). */
  progress?: "jupyter" | "terminal" | "silent";
  /** Words before the progress bar (default "epochs"). */
  label?: string;
}

/**
 * What one optimiser step reports. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const { loss, correct } = trainStep(model, batch, optimizer, crossEntropy, true);
 * ```
 */
export interface StepResult {
  /** The batch's mean loss before the step. */
  loss: number;
  /** How many of the batch's samples were classified right before the step (null when not counted). */
  correct: number | null;
}

/**
 * One step on one batch: forward, loss, backward (gradients of the loss with
 * respect to every trainable weight), optimiser step. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const { loss } = trainStep(model, batch, tf.train.sgd(0.1), crossEntropy);
 * ```
 */
export function trainStep(
  model: tf.LayersModel,
  batch: Batch,
  optimizer: tf.Optimizer,
  lossFn: LossFn,
  countCorrect = false,
): StepResult {
  const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let correctTensor: tf.Scalar | undefined;
  const loss = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const output = model.apply(batch.x, { training: true }) as tf.Tensor; // forward
      if (countCorrect) correctTensor = tf.keep(correctCount(batch.y, output));
      return lossFn(batch.y, output); // loss
    }, weights); // backward: d loss / d weight, for every weight
    optimizer.applyGradients(grads); // step: the optimiser moves every weight
    return value.dataSync()[0];
  });
  let correct: number | null = null;
  if (correctTensor) {
    correct = correctTensor.dataSync()[0];
    correctTensor.dispose();
  }
  return { loss, correct };
}

/**
 * Train `model` on the batches of `loader` for up to `epochs` epochs; returns
 * the history as a polars DataFrame (epoch, trainLoss, valLoss, accuracy,
 * seconds) with the best epoch. Frees every tensor it makes; the optimiser
 * keeps its own state until you `dispose()` it. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const { history, bestEpoch } = await train(model, loader, {
 *   optimizer: tf.train.adam(0.01), epochs: 50, validation: valSet, patience: 10,
 * });
 * ```
 */
export async function train(
  model: tf.LayersModel,
  loader: BatchSource<Batch>,
  options: TrainOptions,
): Promise<TrainResult> {
  const { optimizer, epochs, validation, patience, minDelta = 0, restoreBest = true } = options;
  checkOptions(loader, options);
  const lossName = options.loss ?? "crossEntropy";
  const lossFn = resolveLoss(lossName);
  const countCorrect = lossName === "crossEntropy";
  const valLoader = validation === undefined ? undefined : asLoader(validation);
  const bar = progress(epochs, { label: options.label ?? "epochs", mode: options.progress });
  const records: EpochRecord[] = (options.initialHistory ?? []).map((r) => ({ ...r }));
  const start = performance.now();
  const secondsBefore = records.length ? records[records.length - 1].seconds : 0;
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: WeightSnapshot | undefined;
  for (const r of records) { // a resumed run: the best epoch so far, as if it had never stopped
    const monitored = r.valLoss ?? r.trainLoss;
    if (monitored < best - minDelta) [best, bestEpoch] = [monitored, r.epoch];
  }
  if (records.length) bar.update(Math.min(records.length, epochs), "resumed");
  // A resumed run that had already run out of patience stays stopped.
  let stoppedEarly = patience !== undefined && records.length > 0 && records.length < epochs &&
    records.length - bestEpoch >= patience;

  for (let epoch = records.length + 1; epoch <= epochs && !stoppedEarly; epoch++) { // for each epoch ...
    if (options.learningRate) setLearningRate(optimizer, options.learningRate(epoch));
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (const batch of loader) { // ... for each batch: forward, loss, backward, step
      try {
        const step = trainStep(model, batch, optimizer, lossFn, countCorrect);
        lossSum += step.loss * batch.size;
        correct += step.correct ?? 0;
        seen += batch.size;
      } finally {
        tf.dispose(batch);
      }
    }
    const trainLoss = lossSum / seen;
    if (!Number.isFinite(trainLoss)) {
      await bar.finish(`stopped: loss ${trainLoss}`);
      throw new Error(
        `train: the training loss became ${trainLoss} in epoch ${epoch}; lower the learning rate or scale the inputs.`,
      );
    }
    const val = valLoader ? evaluate(model, valLoader, { loss: lossName }) : undefined;
    const record: EpochRecord = {
      epoch,
      trainLoss,
      valLoss: val ? val.loss : null,
      accuracy: countCorrect ? (val ? val.accuracy : correct / seen) : null,
      seconds: secondsBefore + (performance.now() - start) / 1000,
    };
    records.push(record);
    bar.update(epoch, describe(record));

    const monitored = record.valLoss ?? record.trainLoss;
    if (monitored < best - minDelta) {
      best = monitored;
      bestEpoch = epoch;
      if (patience !== undefined && restoreBest) bestWeights = snapshotWeights(model);
    }
    await options.onEpoch?.(record, model);
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress bar reach Jupyter
    if (patience !== undefined && epoch - bestEpoch >= patience) {
      stoppedEarly = epoch < epochs;
      break;
    }
  }

  const lastEpoch = records.length;
  if (bestWeights && bestEpoch !== lastEpoch) restoreWeights(model, bestWeights);
  await bar.finish(
    `${describe(records[lastEpoch - 1])}${
      stoppedEarly ? ` · stopped early, best epoch ${bestEpoch}` : ""
    }`,
  );
  return { history: historyFrame(records), records, bestEpoch, stoppedEarly };
}

function describe(r: EpochRecord): string {
  const parts = [`loss ${r.trainLoss.toFixed(4)}`];
  if (r.valLoss !== null) parts.push(`val ${r.valLoss.toFixed(4)}`);
  if (r.accuracy !== null) parts.push(`acc ${(100 * r.accuracy).toFixed(1)}%`);
  return parts.join(" · ");
}

function checkOptions(loader: BatchSource<Batch>, options: TrainOptions): void {
  const { optimizer, epochs, patience } = options;
  if (!Number.isInteger(epochs) || epochs <= 0) {
    throw new Error(`train: epochs must be a positive integer, got ${epochs}.`);
  }
  if (!optimizer || typeof optimizer.applyGradients !== "function") {
    throw new Error("train: options.optimizer must be a tfjs optimiser, e.g. tf.train.adam(0.01).");
  }
  if (patience !== undefined && (!Number.isInteger(patience) || patience <= 0)) {
    throw new Error(`train: patience must be a positive integer of epochs, got ${patience}.`);
  }
  const initial = options.initialHistory ?? [];
  if (!Array.isArray(initial) || initial.some((r, i) => r?.epoch !== i + 1)) {
    throw new Error(
      "train: initialHistory must hold the records of epochs 1..k in order (as a checkpoint's state.json does).",
    );
  }
  if (!loader || typeof loader[Symbol.iterator] !== "function") {
    throw new Error("train: the second argument must be a DataLoader over the training set.");
  }
  if (loader.length === 0) {
    throw new Error(
      `train: the loader yields no batches (${loader.dataset.length} samples, batchSize ${loader.batchSize}${
        loader.dropLast ? ", dropLast" : ""
      }); use a smaller batchSize or turn dropLast off.`,
    );
  }
}
