/**
 * Drawing tensors of rank 0 to 5, every value written in its cell.
 *
 * A matrix is a grid; rank 3 stacks matrices one behind another in depth (the
 * blog's (4, 2, 3) picture); rank 4 is a row of such stacks; rank 5 a grid of
 * them.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Figure, plot } from "../show/mod.ts";
import { tf } from "../backend/mod.ts";

/** The most elements {@link drawTensor} will draw. */
export const MAX_DRAWN_ELEMENTS = 1024;
/** The highest rank {@link drawTensor} can draw. */
export const MAX_DRAWN_RANK = 5;

/** Options of {@link drawTensor}. */
export interface DrawTensorOptions {
  /** A title above the drawing. */
  title?: string;
  /** Significant digits written for non-integer values (default 3). */
  digits?: number;
  /** Cell size in pixels (default 34). */
  cellSize?: number;
  /** Plot colour scheme for the values (default "blues"). */
  scheme?: Plot.ColorScheme;
  /** Outline the cells whose index makes this true, e.g. to show a slice. */
  highlight?: (index: number[]) => boolean;
}

/** One drawn element: where it sits and what it holds. */
interface Cell {
  index: number[];
  value: number;
  layer: number;
  fx: number;
  fy: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  title: string;
  label: string;
  hot: boolean;
}

function indexOf(flat: number, shape: number[]): number[] {
  const index = new Array(shape.length).fill(0);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis];
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}

function formatValue(v: number, digits: number): string {
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(digits)).toString();
}

/**
 * Draw a tensor with its values written in coloured cells and its axes
 * labelled. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * const t = tf.range(1, 25).reshape([4, 2, 3]);
 * drawTensor(t, { title: "4 matrices of 2 x 3" }); // displays in Jupyter
 * ```
 */
export function drawTensor(
  input: tf.Tensor | number | tf.TensorLike,
  options: DrawTensorOptions = {},
): Figure {
  const t = input instanceof tf.Tensor ? input : tf.tensor(input as tf.TensorLike);
  try {
    return drawValues(t.shape, t.dtype, t.dataSync() as ArrayLike<number>, options);
  } finally {
    if (t !== input) t.dispose();
  }
}

function drawValues(
  shape: number[],
  dtype: string,
  values: ArrayLike<number>,
  options: DrawTensorOptions,
): Figure {
  const rank = shape.length;
  const size = values.length;
  const slices = "Slice it first, e.g. t.slice([0, 0, 0], [1, -1, -1]) or tf.unstack(t)[0].";
  if (rank > MAX_DRAWN_RANK) {
    throw new Error(
      `drawTensor draws ranks 0 to ${MAX_DRAWN_RANK}; this tensor has rank ${rank} (shape [${shape}]). ${slices}`,
    );
  }
  if (size > MAX_DRAWN_ELEMENTS) {
    throw new Error(
      `drawTensor draws at most ${MAX_DRAWN_ELEMENTS} elements; shape [${shape}] holds ${size}. ${slices}`,
    );
  }
  if (dtype === "string") throw new Error("drawTensor draws numbers; this tensor holds strings.");
  const digits = options.digits ?? 3;
  const cellPx = options.cellSize ?? 34;
  // Pad the shape on the left to [gridRows, gridCols, layers, rows, cols].
  const full = [...new Array(5 - rank).fill(1), ...shape];
  const [, , layers, rows, cols] = full;
  const ox = Math.max(1, cols * 0.5); // each layer further back sits up and to the right
  const oy = rows + 0.6;
  const cells: Cell[] = [];
  for (let flat = 0; flat < size; flat++) {
    const index = indexOf(flat, shape);
    const [fy, fx, layer, row, col] = indexOf(flat, full);
    const value = Number(values[flat]);
    cells.push({
      index,
      value,
      layer,
      fx,
      fy,
      x1: col + layer * ox,
      x2: col + 1 + layer * ox,
      y1: -row - 1 + layer * oy,
      y2: -row + layer * oy,
      title: `[${index.join(", ")}] = ${value}`,
      label: formatValue(value, digits),
      hot: options.highlight ? options.highlight(index) : false,
    });
  }
  // Back layers first, so the front matrix is drawn last.
  cells.sort((a, b) => b.layer - a.layer);
  const xMax = cols + (layers - 1) * ox;
  const yMin = -rows;
  const yMax = (layers - 1) * oy;
  const pad = 0.9;
  const depthLinks = [];
  for (let k = 0; k + 1 < layers; k++) {
    for (const [cx, cy] of [[0, 0], [cols, 0], [cols, -rows]]) {
      depthLinks.push({
        x1: cx + k * ox,
        y1: cy + k * oy,
        x2: cx + (k + 1) * ox,
        y2: cy + (k + 1) * oy,
      });
    }
  }
  const facetX = rank >= 4;
  const facetY = rank >= 5;
  const labels = axisLabels(shape, cols, rows, layers, ox, oy);
  const fxLabel = facetX ? `axis ${rank - 4} (stack)` : undefined;
  const fyLabel = facetY ? "axis 0 (grid row)" : undefined;
  const xSpan = xMax + 2 * pad;
  const ySpan = yMax - yMin + 2 * pad;
  const fontPx = Math.max(8, Math.round(cellPx * 0.32));
  const longest = Math.max(1, ...cells.map((c) => c.label.length));
  const cellW = Math.max(cellPx, Math.ceil(longest * fontPx * 0.62 + 8)); // wide enough for the longest value
  const facetsX = facetX ? full[1] : 1;
  const facetsY = facetY ? full[0] : 1;
  const facets = { fx: facetX ? "fx" : undefined, fy: facetY ? "fy" : undefined };
  const cellPlace = { x1: "x1", x2: "x2", y1: "y1", y2: "y2", ...facets };
  const titleSpace = options.title ? 22 : 0;
  // The title is drawn inside the SVG (not Plot's <figure> caption) so the
  // drawing stays one SVG that Jupyter shows as image/svg+xml.
  const titleMark = options.title
    ? [Plot.text([options.title], {
      frameAnchor: "top-left",
      dy: -(facetX ? 30 : 10) - titleSpace + 14,
      textAnchor: "start",
      fontSize: 13,
      fontWeight: "bold",
      facet: "super",
      className: "tensor-title",
    })]
    : [];
  return plot({
    width: Math.round(xSpan * cellW * facetsX + (facetX ? 40 : 20)),
    height: Math.round(ySpan * cellPx * facetsY + (facetX ? 40 : 20) + titleSpace),
    marginLeft: facetY ? 60 : 10,
    marginRight: 10,
    marginTop: (facetX ? 30 : 10) + titleSpace,
    marginBottom: 10,
    x: { domain: [-pad - 0.4, xMax + pad], axis: null },
    y: { domain: [yMin - pad, yMax + pad], axis: null },
    fx: facetX ? { label: fxLabel, axis: "top", tickFormat: (i: number) => `[${i}]` } : undefined,
    fy: facetY ? { label: fyLabel, axis: "left", tickFormat: (i: number) => `[${i}]` } : undefined,
    color: { type: "linear", scheme: options.scheme ?? "blues" },
    marks: [
      Plot.link(depthLinks, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "#999",
        strokeDasharray: "3,3",
      }),
      Plot.rect(cells, {
        ...cellPlace,
        fill: "value",
        stroke: "white",
        title: "title",
        className: "tensor-cell",
        inset: 0.5,
      }),
      Plot.rect(cells.filter((c) => c.hot), {
        ...cellPlace,
        stroke: "#d62728",
        strokeWidth: 3,
        className: "tensor-highlight",
      }),
      Plot.text(cells, {
        x: (d: Cell) => (d.x1 + d.x2) / 2,
        y: (d: Cell) => (d.y1 + d.y2) / 2,
        ...facets,
        text: "label",
        fill: "black",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontSize: fontPx,
        className: "tensor-value",
      }),
      Plot.text(labels, {
        x: "x",
        y: "y",
        text: "text",
        rotate: "rotate",
        fill: "#555",
        fontSize: 10,
        textAnchor: "middle",
        className: "tensor-axis",
        facetAnchor: facetX || facetY ? "top-left" : undefined,
      }),
      ...titleMark,
    ],
  });
}

function axisLabels(
  shape: number[],
  cols: number,
  rows: number,
  layers: number,
  ox: number,
  oy: number,
) {
  const rank = shape.length;
  const out: { x: number; y: number; text: string; rotate: number }[] = [];
  if (rank >= 1) {
    out.push({ x: cols / 2, y: -rows - 0.45, text: `axis ${rank - 1}: ${cols} →`, rotate: 0 });
  }
  if (rank >= 2) {
    out.push({ x: -0.5, y: -rows / 2, text: `axis ${rank - 2}: ${rows} ↓`, rotate: -90 });
  }
  if (rank >= 3 && layers > 1) {
    const k = layers - 1;
    out.push({
      x: cols + k * ox / 2 + 0.5,
      y: -rows + k * oy / 2 - 0.2,
      text: `axis ${rank - 3}: ${layers} deep`,
      rotate: -Math.atan2(oy, ox) * 180 / Math.PI,
    });
  }
  return out;
}
