/**
 * An LSTM forecaster in tfjs: sliding windows of the (training) series in,
 * the next `horizon` values out, trained with chapter 3's loop. Each window
 * is taken relative to its own last value, so the network learns the shape
 * of what comes next rather than the level, and a trend carries on past the
 * values it saw in training. Scaling is fitted on the training windows only,
 * and every initialiser and the batch order are seeded.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { ArrayDataset, DataLoader, Rng } from "../data/mod.ts";
import { train, type TrainResult } from "../nn/mod.ts";
import { Scaler } from "./split.ts";
import { slidingWindows } from "./windows.ts";

/**
 * Options of {@link trainLstm}. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const options: LstmOptions = { lookback: 12, units: 16, epochs: 60, seed: 1 };
 * ```
 */
export interface LstmOptions {
  /** Past values the network sees per prediction (e.g. 12 months). */
  lookback: number;
  /** Values predicted at once (default 1; forecasts further ahead feed predictions back in). */
  horizon?: number;
  /** LSTM units (default 16). */
  units?: number;
  /** Training epochs (default 100). */
  epochs?: number;
  /** Windows per batch (default 16). */
  batchSize?: number;
  /** Adam's learning rate (default 0.01). */
  learningRate?: number;
  /** Seed for the initial weights and the batch order (default 42). */
  seed?: number;
  /** Where the progress bar draws (default: Jupyter in the kernel, else the terminal). */
  progress?: "jupyter" | "terminal" | "silent";
}

/**
 * A trained LSTM with what it needs to forecast: the window length, the
 * scaler fitted on the training windows, the training history. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const lstm = await trainLstm(train.values, { lookback: 12, horizon: 12 });
 * lstm.forecast(train.values, 12); // the next 12 values
 * lstm.dispose();
 * ```
 */
export class LstmForecaster {
  constructor(
    /** The network: LSTM layer, then a dense layer with `horizon` outputs. */
    readonly model: tf.LayersModel,
    /** Scales the relative windows, fitted on the training windows. */
    readonly scaler: Scaler,
    /** Past values per input window. */
    readonly lookback: number,
    /** Values out per prediction. */
    readonly horizon: number,
    /** The training run (history DataFrame, records, best epoch). */
    readonly training: TrainResult,
  ) {}

  /**
   * Forecast `h` values after the end of `history`: predict `horizon` values,
   * append them, repeat. Introduced in 06_lstm.
   *
   * @example
   * ```ts
   * lstm.forecast(train.values, 24);
   * ```
   */
  forecast(history: number[], h: number): number[] {
    if (!Number.isInteger(h) || h < 1) {
      throw new Error(`forecast: h must be a whole number of steps >= 1, got ${h}.`);
    }
    if (history.length < this.lookback) {
      throw new Error(
        `forecast: needs the last ${this.lookback} values (the lookback), got ${history.length}.`,
      );
    }
    const path = [...history];
    while (path.length < history.length + h) {
      const window = path.slice(-this.lookback);
      const last = window[window.length - 1];
      const input = this.scaler.transform(window.map((v) => v - last));
      const out = tf.tidy(() => {
        const x = tf.tensor3d(input, [1, this.lookback, 1]);
        return Array.from((this.model.predict(x) as tf.Tensor).dataSync());
      });
      path.push(...this.scaler.inverse(out).map((v) => v + last));
    }
    return path.slice(history.length, history.length + h);
  }

  /**
   * Free the network's weights. Introduced in 06_lstm.
   *
   * @example
   * ```ts
   * lstm.dispose();
   * ```
   */
  dispose(): void {
    this.model.dispose();
  }
}

/**
 * Build the network: one LSTM layer and a dense output, seeded. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * lstmModel({ lookback: 12, horizon: 1, units: 16, seed: 1 }).summary();
 * ```
 */
export function lstmModel(
  options: { lookback: number; horizon: number; units: number; seed: number },
): tf.Sequential {
  const { lookback, horizon, units, seed } = options;
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    units,
    inputShape: [lookback, 1],
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 1 }),
  }));
  model.add(tf.layers.dense({
    units: horizon,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
  }));
  return model;
}

/**
 * Train an LSTM forecaster on `values` (the training part only) with the
 * chapter 3 loop, Adam and mean squared error. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const lstm = await trainLstm(logAirTrain, { lookback: 12, horizon: 12, epochs: 60, seed: 7 });
 * ```
 */
export async function trainLstm(values: number[], options: LstmOptions): Promise<LstmForecaster> {
  const { lookback, horizon = 1, units = 16, epochs = 100, batchSize = 16 } = options;
  const seed = options.seed ?? 42;
  const windows = slidingWindows(values, { lookback, horizon });
  if (windows.inputs.length < 2) {
    throw new Error(
      `trainLstm: ${values.length} values give only ${windows.inputs.length} window(s) of ${lookback} + ${horizon}; ` +
        "use a shorter lookback or horizon, or a longer series.",
    );
  }
  const relative = windows.inputs.map((w, i) => {
    const last = w[w.length - 1];
    return { x: w.map((v) => v - last), y: windows.targets[i].map((v) => v - last) };
  });
  const scaler = Scaler.fit(relative.flatMap((r) => [...r.x, ...r.y]), "standard");
  const dataset = new ArrayDataset(
    relative.map((r) => scaler.transform(r.x)),
    relative.map((r) => scaler.transform(r.y)),
    [lookback, 1],
  );
  const loader = new DataLoader(dataset, { batchSize, shuffle: true, rng: new Rng(seed) });
  const model = lstmModel({ lookback, horizon, units, seed });
  const optimizer = tf.train.adam(options.learningRate ?? 0.01);
  try {
    const training = await train(model, loader, {
      optimizer,
      epochs,
      loss: "mse",
      progress: options.progress,
      label: "LSTM epochs",
    });
    return new LstmForecaster(model, scaler, lookback, horizon, training);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    optimizer.dispose();
  }
}

/**
 * Train an LSTM on `history`, forecast the `h` values after it, free the
 * network: one run, as a comparison over several seeds needs. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const runs = [];
 * for (const seed of [1, 2, 3]) runs.push(await lstmForecast(train.values, 12, { lookback: 12, seed }));
 * ```
 */
export async function lstmForecast(
  history: number[],
  h: number,
  options: LstmOptions,
): Promise<number[]> {
  const lstm = await trainLstm(history, options);
  try {
    return lstm.forecast(history, h);
  } finally {
    lstm.dispose();
  }
}
