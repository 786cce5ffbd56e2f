/**
 * A time series: equally spaced values with their times, read from a CSV
 * column with polars. Missing values are an error unless you choose how to
 * fill them.
 *
 * @module
 */
import pl from "nodejs-polars";

/**
 * Equally spaced observations. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const s: Series = { name: "toy", time: [1, 2, 3], values: [5, 7, 6], frequency: 1 };
 * ```
 */
export interface Series {
  /** What it measures, e.g. "AirPassengers". */
  name: string;
  /** Time of each value (decimal years for monthly data: 1949, 1949.083, ...). */
  time: number[];
  /** The values. */
  values: number[];
  /** Observations per unit of time (12 for monthly data per year), 1 when unknown. */
  frequency: number;
}

/**
 * How to treat missing values (empty cells, NaN): fail, or fill them. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * loadSeries("gappy.csv", { fill: "interpolate" satisfies Fill });
 * ```
 */
export type Fill = "error" | "interpolate" | "previous" | "drop";

/**
 * Options of {@link loadSeries} and {@link seriesFromFrame}. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const options: SeriesOptions = { column: "passengers", timeColumn: "month", fill: "drop" };
 * ```
 */
export interface SeriesOptions {
  /** Column holding the values (default "value"). */
  column?: string;
  /** Column holding the times (default "time"; absent -> 1, 2, 3, ...). */
  timeColumn?: string;
  /** Missing values: "error" (default), "interpolate" (linear), "previous" (carry forward), "drop". */
  fill?: Fill;
  /** The series' name (default: the file's name). */
  name?: string;
  /** Observations per unit of time; inferred from the time step when left out. */
  frequency?: number;
}

/** Frequency from the time step: 1/12 of a year -> 12. */
function inferFrequency(time: number[]): number {
  if (time.length < 2) return 1;
  const step = (time[time.length - 1] - time[0]) / (time.length - 1);
  const f = Math.round(1 / step);
  return step < 1 && f > 1 && Math.abs(1 / f - step) < 1e-3 ? f : 1;
}

/**
 * Fill missing values (NaN) in place of the chosen rule; "error" throws naming
 * the first missing positions. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * fillMissing([1, NaN, 3], "interpolate"); // { values: [1, 2, 3], keep: [0, 1, 2] }
 * ```
 */
export function fillMissing(
  values: number[],
  fill: Fill,
  where = "the series",
): { values: number[]; keep: number[] } {
  const missing = values.flatMap((v, i) => (Number.isFinite(v) ? [] : [i]));
  const all = values.map((_, i) => i);
  if (missing.length === 0) return { values: [...values], keep: all };
  if (missing.length === values.length) {
    throw new Error(`${where} holds no numbers at all; check the column name and the file.`);
  }
  if (fill === "error") {
    const rows = missing.slice(0, 5).map((i) => i + 1).join(", ");
    throw new Error(
      `${where} has ${missing.length} missing value(s) (NaN or empty), at row(s) ${rows}` +
        `${
          missing.length > 5 ? ", ..." : ""
        }; pass fill: "interpolate", "previous" or "drop" to fill them, or clean the file.`,
    );
  }
  if (fill === "drop") {
    const keep = all.filter((i) => Number.isFinite(values[i]));
    return { values: keep.map((i) => values[i]), keep };
  }
  const out = [...values];
  const known = all.filter((i) => Number.isFinite(values[i]));
  for (const i of missing) {
    const before = known.filter((k) => k < i).at(-1);
    const after = known.find((k) => k > i);
    if (fill === "previous") out[i] = values[before ?? after!];
    else if (before === undefined || after === undefined) out[i] = values[before ?? after!];
    else {out[i] = values[before] +
        ((values[after] - values[before]) * (i - before)) / (after - before);}
  }
  return { values: out, keep: all };
}

/**
 * A series from a polars DataFrame column. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const s = seriesFromFrame(pl.DataFrame({ time: [1, 2], value: [5, 6] }), { name: "toy" });
 * ```
 */
export function seriesFromFrame(df: pl.DataFrame, options: SeriesOptions = {}): Series {
  const column = options.column ?? "value";
  const timeColumn = options.timeColumn ?? "time";
  const name = options.name ?? column;
  if (!df.columns.includes(column)) {
    throw new Error(
      `${name}: no column "${column}"; the columns are ${
        df.columns.map((c) => `"${c}"`).join(", ")
      }. Pass column: "<name>".`,
    );
  }
  const raw = df.getColumn(column).toArray().map((
    v,
  ) => (v === null || v === undefined ? NaN : Number(v)));
  const where = `column "${column}" of ${name}`;
  const { values, keep } = fillMissing(raw, options.fill ?? "error", where);
  const allTimes = df.columns.includes(timeColumn)
    ? df.getColumn(timeColumn).toArray().map(Number)
    : raw.map((_, i) => i + 1);
  const time = keep.map((i) => allTimes[i]);
  return { name, time, values, frequency: options.frequency ?? inferFrequency(time) };
}

/**
 * Read one column of a CSV file as a {@link Series} with polars. Throws,
 * naming the columns there are, when the column is absent, and on missing
 * values unless `fill` says what to do. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const air = loadSeries("../data/series/AirPassengers.csv");
 * air.frequency; // 12
 * ```
 */
export function loadSeries(path: string, options: SeriesOptions = {}): Series {
  let df: pl.DataFrame;
  try {
    df = pl.readCSV(Deno.readTextFileSync(path));
  } catch (e) {
    throw new Error(`loadSeries: cannot read ${path} (${(e as Error).message}); check the path.`);
  }
  const name = options.name ?? path.split("/").at(-1)!.replace(/\.csv$/i, "");
  return seriesFromFrame(df, { ...options, name });
}

/**
 * The series as a polars DataFrame with columns time and value. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * seriesFrame(air).head(3);
 * ```
 */
export function seriesFrame(series: Series): pl.DataFrame {
  return pl.DataFrame({ time: series.time, [series.name]: series.values });
}

/**
 * The same series with every value passed through `fn` (e.g. Math.log). Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * const logAir = mapSeries(air, Math.log, "log AirPassengers");
 * ```
 */
export function mapSeries(series: Series, fn: (v: number) => number, name?: string): Series {
  const values = series.values.map(fn);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new Error(
      `mapSeries: value ${bad + 1} of ${series.name} (${series.values[bad]}) maps to ${
        values[bad]
      }; ` +
        "a log needs positive values.",
    );
  }
  return { ...series, name: name ?? series.name, values };
}

/**
 * The times of the `h` values after the end of a series, one time step apart. Introduced in 06_lstm.
 *
 * @example
 * ```ts
 * futureTimes(air, 2); // [1961, 1961.083]
 * ```
 */
export function futureTimes(series: Series, h: number): number[] {
  const n = series.time.length;
  const step = n > 1 ? (series.time[n - 1] - series.time[0]) / (n - 1) : 1;
  return Array.from({ length: h }, (_, i) => series.time[n - 1] + (i + 1) * step);
}
