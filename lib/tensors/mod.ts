/**
 * Tensors you can see: described in words, drawn for ranks 0 to 5, and
 * bridged to nested arrays and polars DataFrames.
 *
 * @module
 */
export * from "./describe.ts";
export * from "./draw.ts";
export * from "./convert.ts";
