/**
 * Forecast accuracy: mean absolute error, root mean squared error and mean
 * absolute percentage error, and a table that puts models side by side.
 *
 * @module
 */
import pl from "nodejs-polars";

function pairs(actual: number[], predicted: number[], who: string): void {
  if (actual.length !== predicted.length || actual.length === 0) {
    throw new Error(
      `${who}: got ${actual.length} actual and ${predicted.length} predicted values; they must match and not be empty.`,
    );
  }
  if ([...actual, ...predicted].some((v) => !Number.isFinite(v))) {
    throw new Error(`${who}: the values hold NaN or infinity.`);
  }
}

/**
 * Mean absolute error. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * mae([1, 2], [2, 4]); // 1.5
 * ```
 */
export function mae(actual: number[], predicted: number[]): number {
  pairs(actual, predicted, "mae");
  return actual.reduce((s, a, i) => s + Math.abs(a - predicted[i]), 0) / actual.length;
}

/**
 * Root mean squared error. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * rmse([0, 0], [3, 4]); // 3.5355...
 * ```
 */
export function rmse(actual: number[], predicted: number[]): number {
  pairs(actual, predicted, "rmse");
  return Math.sqrt(actual.reduce((s, a, i) => s + (a - predicted[i]) ** 2, 0) / actual.length);
}

/**
 * Mean absolute percentage error, in percent. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * mape([100, 200], [110, 180]); // 10
 * ```
 */
export function mape(actual: number[], predicted: number[]): number {
  pairs(actual, predicted, "mape");
  if (actual.some((a) => a === 0)) {
    throw new Error("mape: an actual value is 0, where a percentage error is undefined; use mae.");
  }
  return (100 * actual.reduce((s, a, i) => s + Math.abs((a - predicted[i]) / a), 0)) /
    actual.length;
}

/**
 * One row per model with its MAE, RMSE and MAPE on `actual`, best (lowest
 * RMSE) first. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * accuracyTable(test.values, { naive: naiveForecast, lstm: lstmForecast });
 * ```
 */
export function accuracyTable(actual: number[], forecasts: Record<string, number[]>): pl.DataFrame {
  const rows = Object.entries(forecasts).map(([model, f]) => ({
    model,
    MAE: mae(actual, f),
    RMSE: rmse(actual, f),
    "MAPE %": mape(actual, f),
  }));
  rows.sort((a, b) => a.RMSE - b.RMSE);
  return pl.DataFrame({
    model: rows.map((r) => r.model),
    MAE: rows.map((r) => r.MAE),
    RMSE: rows.map((r) => r.RMSE),
    "MAPE %": rows.map((r) => r["MAPE %"]),
  });
}
