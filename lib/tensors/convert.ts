/**
 * The bridge from tensors to plain arrays and to polars DataFrames, and back
 * (the journal's answer to PyTorch's NumPy bridge).
 *
 * @module
 */
import pl from "nodejs-polars";
import { tf } from "../backend/mod.ts";

/** Nested JavaScript arrays of any depth, or a single number. */
export type Nested = number | Nested[];

/**
 * The tensor as nested arrays (a scalar as a plain number). Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * toNested(tf.tensor([[1, 2], [3, 4]])); // [[1, 2], [3, 4]]
 * ```
 */
export function toNested(t: tf.Tensor): Nested {
  return t.arraySync() as Nested;
}

/**
 * Nested arrays back to a tensor, with a clear error when rows are ragged.
 * Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * fromNested([[1, 2], [3, 4]]).shape; // [2, 2]
 * ```
 */
export function fromNested(values: Nested, dtype: "float32" | "int32" = "float32"): tf.Tensor {
  shapeOfNested(values); // validates before tfjs gives a vaguer message
  return tf.tensor(values as tf.TensorLike, undefined, dtype);
}

function shapeOfNested(values: Nested, path = "values"): number[] {
  if (typeof values === "number") return [];
  if (!Array.isArray(values)) {
    throw new Error(`fromNested: ${path} is ${typeof values}, expected a number or an array.`);
  }
  if (values.length === 0) return [0];
  const inner = values.map((v, i) => shapeOfNested(v, `${path}[${i}]`));
  for (let i = 1; i < inner.length; i++) {
    if (inner[i].join(",") !== inner[0].join(",")) {
      throw new Error(
        `fromNested: ragged array: ${path}[0] has shape [${
          inner[0]
        }] but ${path}[${i}] has shape [${inner[i]}]. ` +
          "Every row must have the same length.",
      );
    }
  }
  return [values.length, ...inner[0]];
}

/** The column names {@link toDataFrame} uses for a tensor of this rank: `i0 … i(r-1)`, then `value`. */
export function indexColumns(rank: number): string[] {
  return Array.from({ length: rank }, (_, a) => `i${a}`);
}

/**
 * The tensor as a long polars DataFrame: one row per element, its index on
 * each axis (`i0`, `i1`, …) and its `value`. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * toDataFrame(tf.tensor([[1, 2], [3, 4]])).shape; // { height: 4, width: 3 }
 * ```
 */
export function toDataFrame(t: tf.Tensor): pl.DataFrame {
  const values = Array.from(t.dataSync() as ArrayLike<number>, Number);
  const columns: Record<string, number[]> = {};
  const shape = t.shape;
  indexColumns(shape.length).forEach((name, axis) => {
    const stride = shape.slice(axis + 1).reduce((p, n) => p * n, 1);
    columns[name] = values.map((_, flat) => Math.floor(flat / stride) % shape[axis]);
  });
  const df = pl.DataFrame({ ...columns, value: values });
  const ints = indexColumns(shape.length).map((c) => pl.col(c).cast(pl.Int32));
  return ints.length ? df.withColumns(...ints) : df;
}

/**
 * A long DataFrame (index columns `i0 …` and `value`) back to a tensor. Rows
 * may come in any order; missing or repeated elements are an error.
 * Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * fromDataFrame(toDataFrame(tf.tensor([[1, 2], [3, 4]]))).arraySync(); // [[1, 2], [3, 4]]
 * ```
 */
export function fromDataFrame(df: pl.DataFrame, shape?: number[]): tf.Tensor {
  if (!df.columns.includes("value")) {
    throw new Error(
      `fromDataFrame: no "value" column (have ${df.columns.join(", ")}); use toDataFrame's layout.`,
    );
  }
  const axes = df.columns.filter((c) => /^i\d+$/.test(c)).sort((a, b) =>
    Number(a.slice(1)) - Number(b.slice(1))
  );
  axes.forEach((c, a) => {
    if (c !== `i${a}`) {
      throw new Error(
        `fromDataFrame: index columns must be i0, i1, … without gaps; found ${axes.join(", ")}.`,
      );
    }
  });
  const idx = axes.map((c) => df.getColumn(c).toArray() as number[]);
  const outShape = shape ?? idx.map((col) => (col.length ? Math.max(...col) + 1 : 0));
  if (outShape.length !== axes.length) {
    throw new Error(
      `fromDataFrame: shape [${outShape}] has ${outShape.length} axes but the frame has ${axes.length}.`,
    );
  }
  const size = outShape.reduce((p, n) => p * n, 1);
  if (df.height !== size) {
    throw new Error(
      `fromDataFrame: shape [${outShape}] needs ${size} rows, the frame has ${df.height}.`,
    );
  }
  const values = df.getColumn("value").toArray() as number[];
  const out = new Float32Array(size);
  const seen = new Uint8Array(size);
  for (let r = 0; r < df.height; r++) {
    let flat = 0;
    for (let a = 0; a < axes.length; a++) {
      const i = idx[a][r];
      if (!(i >= 0 && i < outShape[a])) {
        throw new Error(
          `fromDataFrame: row ${r} has ${axes[a]} = ${i}, outside 0..${outShape[a] - 1}.`,
        );
      }
      flat = flat * outShape[a] + i;
    }
    if (seen[flat]) {
      throw new Error(`fromDataFrame: element [${idx.map((c) => c[r])}] appears twice (row ${r}).`);
    }
    seen[flat] = 1;
    out[flat] = values[r];
  }
  return tf.tensor(out, outShape);
}
