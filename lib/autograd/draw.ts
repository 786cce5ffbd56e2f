/**
 * The tape drawn as a graph: a box per value (its label, data and gradient), a
 * circle per operation, left to right in the order the tape recorded them.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Figure, plot } from "../show/mod.ts";
import { tapeLayout, type ValueNode } from "./layout.ts";
import type { Tape } from "./tape.ts";

/**
 * Options of {@link drawTape}. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const options: DrawOptions = { title: "a = 1.5", columnWidth: 160 };
 * ```
 */
export interface DrawOptions {
  /** A title above the graph. */
  title?: string;
  /** Pixels between two columns (default 180). */
  columnWidth?: number;
  /** Pixels between two lanes (default 80). */
  laneHeight?: number;
}

const FILL: Record<string, string> = { input: "#fde68a", const: "#e5e7eb" };
const OP_FILL = "#bfdbfe";
const BOX_W = 104;
const BOX_H = 50;
const OP_R = 17;

/**
 * A number as the graph prints it: at most 4 significant digits.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * shortNumber(0.7615941559557649); // "0.7616"
 * shortNumber(0.41997434161402614); // "0.42"
 * ```
 */
export function shortNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/**
 * The three lines in a value's box: label, data, grad. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(0.5, "w");
 * nodeText(tapeLayout(tape).values[0]); // "w\ndata 0.5\ngrad 0"
 * ```
 */
export function nodeText(v: ValueNode): string {
  return `${v.label}\ndata ${shortNumber(v.data)}\ngrad ${shortNumber(v.grad)}`;
}

/**
 * Draw the tape as a graph (SVG, via lib/show's `plot`): one box per value
 * with its data and grad (leaves amber, constants grey, operation outputs
 * blue), one circle per operation, in tape order from left to right.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const w = tape.value(0.5, "w"), x = tape.value(2, "x"), b = tape.value(0, "b");
 * w.mul(x).add(b).tanh().named("y").backward();
 * const fig = drawTape(tape, { title: "one neuron" });
 * await fig.save("neuron.svg");
 * ```
 */
export function drawTape(tape: Tape, options: DrawOptions = {}): Figure {
  const { columnWidth = 180, laneHeight = 80 } = options;
  const layout = tapeLayout(tape);
  const margin = 8;
  const hw = BOX_W / 2 / columnWidth;
  const hh = BOX_H / 2 / laneHeight;
  const xMax = Math.max(0, layout.columns - 1) + 0.5;
  const yMax = Math.max(0, layout.lanes - 1) + 0.5;
  const boxes = (kinds: string[] | null, fill: string) =>
    Plot.rect(
      layout.values.filter((v) => kinds ? kinds.includes(v.kind) : !(v.kind in FILL)),
      {
        x1: (v: ValueNode) => v.x - hw,
        x2: (v: ValueNode) => v.x + hw,
        y1: (v: ValueNode) => v.y - hh,
        y2: (v: ValueNode) => v.y + hh,
        fill,
        stroke: "#555",
        rx: 6,
      },
    );
  // An "in" edge leaves the right side of its value's box (and of the box in
  // the column it runs past); its last point is the operation's centre.
  const inPoints = layout.edges.filter((e) => e.role === "in").flatMap((e, edge) =>
    e.points.map(([x, y], i) => ({ edge, x: i < e.points.length - 1 ? x + hw : x, y }))
  );
  const outEdges = layout.edges.filter((e) => e.role === "out").map((e) => e.points);
  return plot({
    title: options.title,
    width: (xMax + 0.5) * columnWidth + 2 * margin,
    height: (yMax + 0.5) * laneHeight + 2 * margin,
    margin,
    x: { domain: [-0.5, xMax], axis: null },
    y: { domain: [-0.5, yMax], axis: null, reverse: true },
    marks: [
      Plot.line(inPoints, { x: "x", y: "y", z: "edge", stroke: "#888", curve: "bump-x" }),
      Plot.link(outEdges, {
        x1: (p) => p[0][0],
        y1: (p) => p[0][1],
        x2: (p) => p[1][0] - hw,
        y2: (p) => p[1][1],
        stroke: "#888",
        markerEnd: "arrow",
      }),
      boxes(["input"], FILL.input),
      boxes(["const"], FILL.const),
      boxes(null, OP_FILL),
      Plot.text(layout.values, {
        x: "x",
        y: "y",
        text: nodeText,
        fontSize: 11,
        lineHeight: 1.15,
        fontFamily: "monospace",
      }),
      Plot.dot(layout.ops, { x: "x", y: "y", r: OP_R, fill: "white", stroke: "#555" }),
      Plot.text(layout.ops, { x: "x", y: "y", text: "symbol", fontSize: 10 }),
    ],
  });
}
