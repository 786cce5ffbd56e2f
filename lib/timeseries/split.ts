/**
 * Splitting a series by time (the past to learn from, the future to test on,
 * never shuffled) and scaling fitted on the training part only, so nothing
 * from the test months leaks into the model.
 *
 * @module
 */
import type { Series } from "./series.ts";

/**
 * A series cut in time: train, optional validation, then test. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const { train, validation, test }: TimeSplit = splitByTime(air, { test: 12, validation: 12 });
 * ```
 */
export interface TimeSplit {
  /** The earliest part, to fit on. */
  train: Series;
  /** The part after train, to tune on (empty when not asked for). */
  validation: Series;
  /** The final part, held out. */
  test: Series;
}

/**
 * A slice of a series by index. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * sliceSeries(air, 0, 12).values.length; // 12
 * ```
 */
export function sliceSeries(series: Series, start: number, end?: number): Series {
  return {
    ...series,
    time: series.time.slice(start, end),
    values: series.values.slice(start, end),
  };
}

/**
 * Split by time: the last `test` values are held out, the `validation`
 * values before them are for tuning, the rest trains. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const { train, test } = splitByTime(air, { test: 24 }); // 120 months + the final 24
 * ```
 */
export function splitByTime(
  series: Series,
  sizes: { test: number; validation?: number },
): TimeSplit {
  const n = series.values.length;
  const test = sizes.test, validation = sizes.validation ?? 0;
  for (const [name, k] of Object.entries({ test, validation })) {
    if (!Number.isInteger(k) || k < 0) {
      throw new Error(`splitByTime: ${name} must be a whole number of values >= 0, got ${k}.`);
    }
  }
  if (test + validation >= n) {
    throw new Error(
      `splitByTime: ${series.name} has ${n} values; holding out ${test} + ${validation} leaves nothing to train on. Hold out fewer.`,
    );
  }
  const cut = n - test - validation;
  return {
    train: sliceSeries(series, 0, cut),
    validation: sliceSeries(series, cut, n - test),
    test: sliceSeries(series, n - test),
  };
}

/**
 * An affine scaler x -> (x - center) / scale, fitted once and applied to any
 * part of the series. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const scaler = Scaler.fit(train.values, "minmax");
 * scaler.inverse(scaler.transform([5])); // [5]
 * ```
 */
export class Scaler {
  private constructor(
    /** "standard" (mean 0, sd 1) or "minmax" (onto [0, 1]). */
    readonly kind: "standard" | "minmax",
    /** Subtracted first. */
    readonly center: number,
    /** Divided by next. */
    readonly scale: number,
  ) {}

  /**
   * Fit on the training values only: mean and standard deviation, or min and
   * range. Introduced in 06_lstm.
   *
   * @example
   * ```ts
   * Scaler.fit([1, 2, 3], "minmax").transform([1, 3]); // [0, 1]
   * ```
   */
  static fit(train: number[], kind: "standard" | "minmax" = "standard"): Scaler {
    if (train.length < 2) {
      throw new Error(`Scaler.fit: needs at least 2 training values, got ${train.length}.`);
    }
    if (train.some((v) => !Number.isFinite(v))) {
      throw new Error("Scaler.fit: the training values hold NaN or infinity; fill them first.");
    }
    let center: number, scale: number;
    if (kind === "minmax") {
      center = Math.min(...train);
      scale = Math.max(...train) - center;
    } else {
      center = train.reduce((s, v) => s + v, 0) / train.length;
      scale = Math.sqrt(train.reduce((s, v) => s + (v - center) ** 2, 0) / (train.length - 1));
    }
    if (!(scale > 0)) {
      throw new Error(
        "Scaler.fit: the training values are all equal, so there is nothing to scale by.",
      );
    }
    return new Scaler(kind, center, scale);
  }

  /**
   * Scale values. Introduced in 06_lstm.
   *
   * @example
   * ```ts
   * scaler.transform(test.values)
   * ```
   */
  transform(values: number[]): number[] {
    return values.map((v) => (v - this.center) / this.scale);
  }

  /**
   * Undo the scaling. Introduced in 06_lstm.
   *
   * @example
   * ```ts
   * scaler.inverse(predictions)
   * ```
   */
  inverse(values: number[]): number[] {
    return values.map((v) => v * this.scale + this.center);
  }
}
