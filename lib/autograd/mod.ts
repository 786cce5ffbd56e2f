/**
 * A tiny autograd engine over float64 scalars: a {@link Tape} records every
 * operation in the order it ran, `backward()` walks it in reverse, and the
 * tape can be printed as a table or drawn as a graph. Chapter 02_autograd.
 *
 * @example
 * ```ts
 * import { drawTape, Tape, tapeTable } from "../lib/autograd/mod.ts";
 * const tape = new Tape();
 * const w = tape.value(0.5, "w"), x = tape.value(2, "x"), b = tape.value(0, "b");
 * const y = w.mul(x).add(b).tanh();
 * y.backward();
 * tapeTable(tape); // a polars DataFrame, one row per step
 * drawTape(tape); // an SVG figure of the graph
 * ```
 *
 * @module
 */
export * from "./ops.ts";
export * from "./nograd.ts";
export * from "./value.ts";
export * from "./tape.ts";
export * from "./reduce.ts";
export * from "./table.ts";
export * from "./layout.ts";
export * from "./draw.ts";
export * from "./check.ts";
