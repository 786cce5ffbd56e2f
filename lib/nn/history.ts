/**
 * A training run's history: one record per epoch, as a polars DataFrame, and
 * the questions one asks of it (when was a loss reached, when did it settle).
 *
 * @module
 */
import pl from "nodejs-polars";

/**
 * One epoch of training, as {@link TrainResult} records it. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * await train(model, loader, { optimizer, epochs: 5, onEpoch: (r) => console.log(r.epoch, r.trainLoss) });
 * ```
 */
export interface EpochRecord {
  /** Epoch number, from 1. */
  epoch: number;
  /** Mean training loss over the epoch's batches (measured as they were trained on). */
  trainLoss: number;
  /** Mean loss on the validation set after the epoch (null without one). */
  valLoss: number | null;
  /** Validation accuracy, or training accuracy without a validation set (null for non-classification losses). */
  accuracy: number | null;
  /** Seconds since training began, at the end of this epoch. */
  seconds: number;
}

/**
 * What {@link train} returns. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const { history, bestEpoch, stoppedEarly } = await train(model, loader, options);
 * ```
 */
export interface TrainResult {
  /** One row per epoch: epoch, trainLoss, valLoss, accuracy, seconds. */
  history: pl.DataFrame;
  /** The same rows as plain objects. */
  records: EpochRecord[];
  /** The epoch with the lowest monitored loss (valLoss, else trainLoss). */
  bestEpoch: number;
  /** Whether early stopping ended the run before `epochs`. */
  stoppedEarly: boolean;
}

/**
 * Epoch records as a DataFrame with columns epoch, trainLoss, valLoss,
 * accuracy, seconds (missing values are null). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * historyFrame([{ epoch: 1, trainLoss: 0.7, valLoss: null, accuracy: 0.5, seconds: 0.1 }]);
 * ```
 */
export function historyFrame(records: EpochRecord[]): pl.DataFrame {
  return pl.DataFrame([
    pl.Series("epoch", records.map((r) => r.epoch), pl.Int32),
    pl.Series("trainLoss", records.map((r) => r.trainLoss), pl.Float64),
    pl.Series("valLoss", records.map((r) => r.valLoss), pl.Float64),
    pl.Series("accuracy", records.map((r) => r.accuracy), pl.Float64),
    pl.Series("seconds", records.map((r) => r.seconds), pl.Float64),
  ]);
}

/**
 * The first epoch whose loss is at or below `target` (null if never): the
 * blunt measure of "how fast". Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * epochsToReach([0.9, 0.5, 0.2, 0.1], 0.3); // 3
 * ```
 */
export function epochsToReach(losses: number[], target: number): number | null {
  const i = losses.findIndex((l) => l <= target);
  return i < 0 ? null : i + 1;
}

/**
 * The blog's "convergence": the first epoch from which the loss stays within
 * `tolerance` (relative) of its final level, the mean of the last `window`
 * epochs, for the rest of the run. Null when it never settles, i.e. only the
 * final window is inside the band. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * convergenceEpoch([1, 0.5, 0.21, 0.2, 0.2, 0.2], { tolerance: 0.1, window: 2 }); // 3
 * ```
 */
export function convergenceEpoch(
  losses: number[],
  options: { tolerance?: number; window?: number } = {},
): number | null {
  const { tolerance = 0.1, window = 5 } = options;
  if (!Number.isInteger(window) || window <= 0 || losses.length <= window) {
    throw new Error(
      `convergenceEpoch: needs more than window=${window} losses to judge, got ${losses.length}.`,
    );
  }
  const tail = losses.slice(-window);
  const level = tail.reduce((a, b) => a + b, 0) / window;
  const inside = (l: number) => Math.abs(l - level) <= tolerance * Math.abs(level);
  let first = losses.length;
  while (first > 0 && inside(losses[first - 1])) first--;
  return first <= losses.length - window - 1 ? first + 1 : null;
}

/**
 * A run's history in any of the forms lib/nn hands out. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * plotRuns({ a: result, b: result.history, c: result.records });
 * ```
 */
export type RunHistory = TrainResult | EpochRecord[] | pl.DataFrame;

/**
 * A history as epoch records, whatever form it came in. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * recordsOf(result.history)[0].trainLoss;
 * ```
 */
export function recordsOf(run: RunHistory): EpochRecord[] {
  if (Array.isArray(run)) return run;
  const frame = run as pl.DataFrame;
  if (frame && typeof frame.toRecords === "function") {
    return frame.toRecords() as unknown as EpochRecord[];
  }
  if (run && Array.isArray((run as TrainResult).records)) return (run as TrainResult).records;
  throw new Error("recordsOf: expected a TrainResult, its history DataFrame, or epoch records.");
}

/**
 * One row per run: epochs run, final training and validation loss, final
 * accuracy, the first epoch with training loss at or below `target`, the
 * epoch the training loss settled ({@link convergenceEpoch}), and seconds;
 * rounded for reading (losses to 4 decimals, seconds to 3). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * runSummary({ SGD: sgdRun, Adam: adamRun }, { target: 0.2 });
 * ```
 */
export function runSummary(
  runs: Record<string, RunHistory>,
  options: { target: number; tolerance?: number; window?: number },
): pl.DataFrame {
  const rows = Object.entries(runs).map(([run, history]) => {
    const records = recordsOf(history);
    if (records.length === 0) throw new Error(`runSummary: run "${run}" has no epochs.`);
    const last = records[records.length - 1];
    const losses = records.map((r) => r.trainLoss);
    const window = Math.min(options.window ?? 5, records.length - 1);
    return {
      run,
      epochs: records.length,
      trainLoss: round(last.trainLoss, 4),
      valLoss: last.valLoss === null ? null : round(last.valLoss, 4),
      accuracy: last.accuracy === null ? null : round(last.accuracy, 4),
      epochsToTarget: epochsToReach(losses, options.target),
      settledAt: window > 0
        ? convergenceEpoch(losses, { tolerance: options.tolerance, window })
        : null,
      seconds: round(last.seconds, 3),
    };
  });
  return pl.DataFrame([
    pl.Series("run", rows.map((r) => r.run), pl.Utf8),
    pl.Series("epochs", rows.map((r) => r.epochs), pl.Int32),
    pl.Series("trainLoss", rows.map((r) => r.trainLoss), pl.Float64),
    pl.Series("valLoss", rows.map((r) => r.valLoss), pl.Float64),
    pl.Series("accuracy", rows.map((r) => r.accuracy), pl.Float64),
    nullableInts("epochsToTarget", rows.map((r) => r.epochsToTarget)),
    nullableInts("settledAt", rows.map((r) => r.settledAt)),
    pl.Series("seconds", rows.map((r) => r.seconds), pl.Float64),
  ]);
}

/** An Int32 column that keeps nulls (nodejs-polars turns null into 0 when built as Int32 directly). */
function nullableInts(name: string, values: (number | null)[]): pl.Series {
  return pl.Series(name, values, pl.Float64).cast(pl.Int32);
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
