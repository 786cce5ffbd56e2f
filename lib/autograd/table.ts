/**
 * The tape as a table: one row per entry, in the order it was recorded.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Entry, Tape } from "./tape.ts";

/**
 * How the table names an entry's operation, e.g. "mul" or "pow 3".
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2).pow(3);
 * tape.entries.map(operationName); // ["input", "pow 3"]
 * ```
 */
export function operationName(entry: Entry): string {
  return entry.kind === "pow" ? `pow ${entry.p}` : entry.kind;
}

/**
 * The tape as a polars DataFrame with columns `step`, `operation`, `inputs`
 * (the labels it read), `output` (its label), `value` and `gradient`.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const x = tape.value(3, "x");
 * x.mul(x).named("y").backward();
 * tapeTable(tape).toRecords();
 * // [{ step: 0, operation: "input", inputs: "", output: "x", value: 3, gradient: 6 },
 * //  { step: 1, operation: "mul", inputs: "x, x", output: "y", value: 9, gradient: 1 }]
 * ```
 */
export function tapeTable(tape: Tape): pl.DataFrame {
  const rows = tape.entries;
  return pl.DataFrame({
    step: pl.Series("step", rows.map((e) => e.step), pl.Int32),
    operation: rows.map(operationName),
    inputs: rows.map((e) => e.inputs.map((v) => v.label).join(", ")),
    output: rows.map((e) => e.output.label),
    value: pl.Series("value", rows.map((e) => e.output.data), pl.Float64),
    gradient: pl.Series("gradient", rows.map((e) => e.output.grad), pl.Float64),
  });
}
