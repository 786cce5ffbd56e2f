/**
 * Decision boundaries of 2D classifiers: the plane coloured by the class the
 * network would predict there, with the data on top.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { tf } from "../backend/mod.ts";
import type { Dataset, Example } from "../data/mod.ts";
import { type Figure, plot } from "../show/mod.ts";

/**
 * Class colours shared by regions and points. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * CLASS_COLOURS[1]; // the colour of class 1, in regions and points
 * ```
 */
export const CLASS_COLOURS = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#a463f2", "#97bbf5"];

/**
 * Options of {@link decisionBoundary} and {@link scatter2d}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * decisionBoundary(model, data, { resolution: 40, width: 240, title: "epoch 10" });
 * ```
 */
export interface BoundaryOptions {
  /** Grid cells per side where the model is asked (default 60). */
  resolution?: number;
  /** Title above the plot. */
  title?: string;
  /** Width in pixels (default 300). */
  width?: number;
  /** Height in pixels (default 260). */
  height?: number;
  /** The plane shown, `[[xmin, xmax], [ymin, ymax]]` (default: the data plus a margin). */
  extent?: [[number, number], [number, number]];
  /** Radius of the data points (default 2.5). */
  radius?: number;
}

interface Point {
  x: number;
  y: number;
  label: number;
}

function pointsOf(data: Dataset<Example>): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < data.length; i++) {
    const { x, y } = data.get(i);
    if (x.length !== 2 || typeof y !== "number") {
      throw new Error(
        `decisionBoundary: sample ${i} has ${x.length} features and a ${typeof y} target; needs 2D points with class numbers.`,
      );
    }
    points.push({ x: x[0], y: x[1], label: y });
  }
  return points;
}

function extentOf(points: Point[], options: BoundaryOptions): [[number, number], [number, number]] {
  if (options.extent) return options.extent;
  const pad = (lo: number, hi: number): [number, number] => {
    const m = 0.1 * (hi - lo || 1);
    return [lo - m, hi + m];
  };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return [pad(Math.min(...xs), Math.max(...xs)), pad(Math.min(...ys), Math.max(...ys))];
}

function dots(points: Point[], options: BoundaryOptions): Plot.Markish {
  return Plot.dot(points, {
    x: "x",
    y: "y",
    r: options.radius ?? 2.5,
    fill: (p: Point) => CLASS_COLOURS[p.label % CLASS_COLOURS.length],
    stroke: "white",
    strokeWidth: 0.5,
  });
}

/**
 * The data set's points coloured by class. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * scatter2d(twoMoons(200, { rng: new Rng(0) }), { title: "two moons" });
 * ```
 */
export function scatter2d(data: Dataset<Example>, options: BoundaryOptions = {}): Figure {
  const points = pointsOf(data);
  const [xDomain, yDomain] = extentOf(points, options);
  return plot({
    title: options.title,
    width: options.width ?? 300,
    height: options.height ?? 260,
    x: { domain: xDomain, label: "x₁" },
    y: { domain: yDomain, label: "x₂" },
    marks: [dots(points, options)],
  });
}

/**
 * The plane coloured by the class `model` predicts (it outputs logits: one
 * for two classes, one per class for more), the boundary outlined, and the
 * data on top. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * decisionBoundary(model, moons, { title: "after 20 epochs" });
 * ```
 */
export function decisionBoundary(
  model: tf.LayersModel,
  data: Dataset<Example>,
  options: BoundaryOptions = {},
): Figure {
  const n = options.resolution ?? 60;
  if (!Number.isInteger(n) || n < 2) {
    throw new Error(`decisionBoundary: resolution must be an integer of at least 2, got ${n}.`);
  }
  const points = pointsOf(data);
  const [[x1, x2], [y1, y2]] = extentOf(points, options);
  const grid = new Float32Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      grid[2 * (j * n + i)] = x1 + ((i + 0.5) * (x2 - x1)) / n;
      grid[2 * (j * n + i) + 1] = y1 + ((j + 0.5) * (y2 - y1)) / n;
    }
  }
  // margins[k][cell] > 0 where class k wins: its logit minus the best other logit.
  const margins = tf.tidy(() => {
    const logits = model.predict(tf.tensor2d(grid, [n * n, 2])) as tf.Tensor;
    if (logits.rank !== 2) {
      throw new Error(
        `decisionBoundary: the model should output [n, classes], got [${logits.shape}].`,
      );
    }
    const k = logits.shape[1] as number;
    if (k === 1) {
      const z = Array.from(logits.dataSync());
      return [z.map((v) => -v), z];
    }
    const rows = logits.arraySync() as number[][];
    return Array.from(
      { length: k },
      (_, c) => rows.map((r) => r[c] - Math.max(...r.filter((_, o) => o !== c))),
    );
  });
  const regions = margins.map((values, c) =>
    Plot.contour(values, {
      x1,
      y1,
      x2,
      y2,
      width: n,
      height: n,
      thresholds: [0],
      fill: CLASS_COLOURS[c % CLASS_COLOURS.length],
      fillOpacity: 0.22,
      stroke: "#555555",
      strokeWidth: 0.8,
    })
  );
  return plot({
    title: options.title,
    width: options.width ?? 300,
    height: options.height ?? 260,
    x: { domain: [x1, x2], label: "x₁" },
    y: { domain: [y1, y2], label: "x₂" },
    marks: [...regions, dots(points, options)],
  });
}
