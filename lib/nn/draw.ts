/**
 * The network drawn: one column of neurons per layer, every neuron joined to
 * every neuron of the next layer, data flowing left to right.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { tf } from "../backend/mod.ts";
import { type Figure, plot } from "../show/mod.ts";
import { layerSummary } from "./feedforward.ts";

/**
 * Options of {@link drawNetwork}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * drawNetwork(model, { maxNeurons: 6, title: "my net" });
 * ```
 */
export interface DrawNetworkOptions {
  /** Most neurons drawn per layer; bigger layers show this many and a count (default 10). */
  maxNeurons?: number;
  /** Width in pixels (default 560). */
  width?: number;
  /** Height in pixels (default 320). */
  height?: number;
  /** Title above the drawing. */
  title?: string;
}

/**
 * Draw a dense network (a model, or plain layer sizes). With a model the
 * connections are coloured by their weight's sign (blue positive, red
 * negative) and shaded by its size. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * drawNetwork(model); // input, hidden and output layers as columns of circles
 * drawNetwork([2, 8, 8, 1]);
 * ```
 */
export function drawNetwork(
  network: tf.LayersModel | number[],
  options: DrawNetworkOptions = {},
): Figure {
  const maxNeurons = options.maxNeurons ?? 10;
  if (!Number.isInteger(maxNeurons) || maxNeurons < 2) {
    throw new Error(`drawNetwork: maxNeurons must be an integer of at least 2, got ${maxNeurons}.`);
  }
  const model = Array.isArray(network) ? undefined : network;
  const layers: { role: string; units: number; activation: string }[] = Array.isArray(network)
    ? network.map((units, i, all) => ({
      role: i === 0 ? "input" : i === all.length - 1 ? "output" : "hidden",
      units,
      activation: "",
    }))
    : layerSummary(network);
  if (layers.length < 2 || layers.some((l) => !Number.isInteger(l.units) || l.units <= 0)) {
    throw new Error("drawNetwork: needs at least two layers of positive sizes, e.g. [2, 8, 1].");
  }
  const kernels = model
    ? model.layers.map((layer) => layer.getWeights()[0].arraySync() as number[][])
    : [];

  const shown = layers.map((l) => Math.min(l.units, maxNeurons));
  const tallest = Math.max(...shown);
  const yOf = (layer: number, j: number) => (tallest - 1) / 2 - j + (shown[layer] - 1) / 2;
  const neurons = layers.flatMap((l, i) =>
    Array.from({ length: shown[i] }, (_, j) => ({ x: i, y: yOf(i, j), role: l.role }))
  );
  const links: { x1: number; y1: number; x2: number; y2: number; w: number }[] = [];
  for (let i = 0; i + 1 < layers.length; i++) {
    for (let a = 0; a < shown[i]; a++) {
      for (let b = 0; b < shown[i + 1]; b++) {
        links.push({
          x1: i,
          y1: yOf(i, a),
          x2: i + 1,
          y2: yOf(i + 1, b),
          w: kernels[i]?.[a]?.[b] ?? 0,
        });
      }
    }
  }
  const biggest = Math.max(1e-9, ...links.map((l) => Math.abs(l.w)));
  const labels = layers.map((l, i) => ({
    x: i,
    y: -0.9,
    text: [
      `${l.role} ${l.units}`,
      l.activation && l.activation !== "linear" ? l.activation : "",
      l.units > shown[i] ? `(${shown[i]} drawn)` : "",
    ].filter((t) => t !== "").join("\n"),
  }));
  const roleColour = { input: "#4269d0", hidden: "#97bbf5", output: "#efb118" };
  return plot({
    title: options.title,
    width: options.width ?? 560,
    height: options.height ?? 320,
    axis: null,
    x: { domain: [-0.5, layers.length - 0.5] },
    y: { domain: [-2.4, tallest - 0.4] },
    marks: [
      Plot.link(links, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: (l) => (model ? (l.w >= 0 ? "#4269d0" : "#e4572e") : "#999999"),
        strokeOpacity: (l) => (model ? 0.1 + 0.8 * Math.abs(l.w) / biggest : 0.35),
      }),
      Plot.dot(neurons, {
        x: "x",
        y: "y",
        r: 7,
        fill: (n) => roleColour[n.role as keyof typeof roleColour],
        stroke: "#333333",
      }),
      Plot.text(labels, { x: "x", y: "y", text: "text", fontSize: 11, lineAnchor: "top" }),
    ],
  });
}
