/**
 * Forecasts with uncertainty: a mean path, its standard errors, and a
 * normal prediction interval at a chosen level (95% by default).
 *
 * @module
 */

/**
 * A forecast h steps ahead with a prediction interval. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const f: Forecast = fit.forecast(12);
 * f.upper[0] - f.mean[0]; // 1.96 standard errors
 * ```
 */
export interface Forecast {
  /** Point forecasts, one per step ahead. */
  mean: number[];
  /** Standard errors of the forecasts (NaN when the method gives none). */
  se: number[];
  /** Lower ends of the interval. */
  lower: number[];
  /** Upper ends of the interval. */
  upper: number[];
  /** The interval's coverage, e.g. 0.95. */
  level: number;
}

/**
 * The standard normal quantile function, Φ⁻¹(p), by Wichura's algorithm AS 241
 * (about 16 significant digits). Introduced in 07_arima.
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new Error(`normalQuantile: p must lie in [0, 1], got ${p}.`);
  }
  const q = p - 0.5;
  const poly = (c: number[], x: number) => c.reduceRight((acc, v) => acc * x + v, 0);
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q *
      poly([
        3.387132872796366608,
        133.14166789178437745,
        1971.5909503065514427,
        13731.693765509461125,
        45921.953931549871457,
        67265.770927008700853,
        33430.575583588128105,
        2509.0809287301226727,
      ], r)) /
      poly([
        1,
        42.313330701600911252,
        687.1870074920579083,
        5394.1960214247511077,
        21213.794301586595867,
        39307.89580009271061,
        28729.085735721942674,
        5226.495278852545925,
      ], r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = poly([
      1.42343711074968357734,
      4.6303378461565452959,
      5.7694972214606914055,
      3.64784832476320460504,
      1.27045825245236838258,
      0.24178072517745061177,
      0.0227238449892691845833,
      7.7454501427834140764e-4,
    ], r) /
      poly([
        1,
        2.05319162663775882187,
        1.6763848301838038494,
        0.68976733498510000455,
        0.14810397642748007459,
        0.0151986665636164571966,
        5.475938084995344946e-4,
        1.05075007164441684324e-9,
      ], r);
  } else {
    r -= 5;
    val = poly([
      6.6579046435011037772,
      5.4637849111641143699,
      1.7848265399172913358,
      0.29656057182850489123,
      0.026532189526576123093,
      0.0012426609473880784386,
      2.71155556874348757815e-5,
      2.01033439929228813265e-7,
    ], r) /
      poly([
        1,
        0.59983220655588793769,
        0.13692988092273580531,
        0.0148753612908506148525,
        7.868691311456132591e-4,
        1.8463183175100546818e-5,
        1.4215117583164458887e-7,
        2.04426310338993978564e-15,
      ], r);
  }
  return q < 0 ? -val : val;
}

/**
 * A forecast from means and standard errors, with normal intervals
 * mean ± z·se at `level`. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * withInterval([10, 11], [1, 2]).upper; // [11.96, 14.92] (to 2 decimals)
 * ```
 */
export function withInterval(mean: number[], se: number[], level = 0.95): Forecast {
  if (!(level > 0 && level < 1)) {
    throw new Error(`withInterval: level must lie between 0 and 1 (0.95 for 95%), got ${level}.`);
  }
  const z = normalQuantile(0.5 + level / 2);
  return {
    mean: [...mean],
    se: [...se],
    lower: mean.map((m, i) => m - z * se[i]),
    upper: mean.map((m, i) => m + z * se[i]),
    level,
  };
}

/**
 * A forecast passed through an increasing function, e.g. `Math.exp` to go
 * back from logs: the mean and interval ends are mapped (the mapped mean is
 * then the median), standard errors no longer apply and become NaN.
 * Introduced in 07_arima.
 *
 * @example
 * ```ts
 * const passengers = mapForecast(fit.forecast(12), Math.exp);
 * ```
 */
export function mapForecast(f: Forecast, fn: (v: number) => number): Forecast {
  return {
    mean: f.mean.map(fn),
    se: f.se.map(() => NaN),
    lower: f.lower.map(fn),
    upper: f.upper.map(fn),
    level: f.level,
  };
}
