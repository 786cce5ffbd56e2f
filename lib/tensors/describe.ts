/**
 * Tensors in words: what each axis holds.
 *
 * @module
 */
import type { tf } from "../backend/mod.ts";

/** Anything with a shape and a dtype: a tf.Tensor, or a plain description of one. */
export type Shaped = Pick<tf.Tensor, "shape" | "dtype"> | { shape: number[]; dtype?: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function holds(shape: number[]): string {
  const [a, b, c, d, e] = shape;
  switch (shape.length) {
    case 0:
      return "a single number (a scalar)";
    case 1:
      return `a vector of ${plural(a, "number")}`;
    case 2:
      return `a matrix of ${plural(a, "row")} x ${plural(b, "column")}`;
    case 3:
      return `${plural(a, "matrix", "matrices")} of ${plural(b, "row")} x ${plural(c, "column")}`;
    case 4:
      return `${plural(a, "stack")} of ${plural(b, "matrix", "matrices")} of ${
        plural(c, "row")
      } x ${plural(d, "column")}`;
    case 5:
      return `a ${a} x ${b} grid of stacks, each ${plural(c, "matrix", "matrices")} of ${
        plural(d, "row")
      } x ${plural(e, "column")}`;
    default:
      return `${shape.length} axes of sizes ${shape.join(", ")}`;
  }
}

/**
 * The tensor in words: rank, shape, dtype, element count and what each axis
 * holds. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * describeTensor(tf.zeros([4, 2, 3]));
 * // "rank 3 tensor, shape [4, 2, 3], float32, 24 elements: 4 matrices of 2 rows x 3 columns"
 * ```
 */
export function describeTensor(t: Shaped): string {
  const shape = [...t.shape];
  const size = shape.reduce((p, n) => p * n, 1);
  const dtype = t.dtype ?? "float32";
  return `rank ${shape.length} tensor, shape [${shape.join(", ")}], ${dtype}, ${
    plural(size, "element")
  }: ${holds(shape)}`;
}
