/**
 * Feed-forward networks: an input layer, one or more hidden layers, an output
 * layer, data always passed forward. Built from a list of layer sizes, with
 * seeded initial weights.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import pl from "nodejs-polars";
import type { Rng } from "../data/mod.ts";

/**
 * Activation functions a hidden layer may use. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * feedForward({ sizes: [2, 8, 1], activation: "relu", rng: new Rng(0) });
 * ```
 */
export type Activation = "relu" | "tanh" | "sigmoid" | "elu" | "selu" | "softplus" | "linear";

/**
 * Options of {@link feedForward}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * feedForward({ sizes: [2, 16, 16, 3], activation: "tanh", rng: new Rng(1) });
 * ```
 */
export interface FeedForwardOptions {
  /** Units per layer, input first, output last: `[2, 16, 16, 1]` has two hidden layers. */
  sizes: number[];
  /** The seeded generator the initial weights are drawn from. */
  rng: Rng;
  /** Activation of the hidden layers (default "relu"). */
  activation?: Activation;
  /** Activation of the output layer (default "linear": the net outputs logits). */
  outputActivation?: Activation | "softmax";
}

/**
 * Build a feed-forward network as a `tf.Sequential` of dense layers; weights
 * start Glorot-uniform with seeds drawn from `rng`, biases at zero, so the
 * same seed gives the same network. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const model = feedForward({ sizes: [2, 16, 16, 1], activation: "tanh", rng: new Rng(3) });
 * model.predict(tf.tensor2d([[0.5, -0.2]])); // one logit
 * ```
 */
export function feedForward(options: FeedForwardOptions): tf.Sequential {
  const { sizes, rng, activation = "relu", outputActivation = "linear" } = options;
  if (!Array.isArray(sizes) || sizes.length < 3) {
    throw new Error(
      `feedForward: sizes needs an input, at least one hidden and an output layer (3+ numbers), got [${sizes}].`,
    );
  }
  sizes.forEach((s, i) => {
    if (!Number.isInteger(s) || s <= 0) {
      throw new Error(`feedForward: layer ${i} size must be a positive integer, got ${s}.`);
    }
  });
  if (rng === undefined || typeof rng.nextSeed !== "function") {
    throw new Error("feedForward: pass a seeded generator, `rng: new Rng(seed)`.");
  }
  const model = tf.sequential();
  for (let i = 1; i < sizes.length; i++) {
    const last = i === sizes.length - 1;
    model.add(tf.layers.dense({
      units: sizes[i],
      inputShape: i === 1 ? [sizes[0]] : undefined,
      activation: last ? outputActivation : activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: rng.nextSeed() }),
      biasInitializer: "zeros",
      name: last ? `output_${uid()}` : `hidden${i}_${uid()}`,
    }));
  }
  return model;
}

let counter = 0;
function uid(): number {
  return ++counter;
}

/**
 * One dense layer as {@link layerSummary} describes it. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * layerSummary(model)[1]; // { role: "hidden", units: 16, activation: "tanh", parameters: 48 }
 * ```
 */
export interface LayerInfo {
  /** "input", "hidden" or "output". */
  role: "input" | "hidden" | "output";
  /** Neurons in the layer. */
  units: number;
  /** Activation applied to the layer's outputs ("" for the input). */
  activation: string;
  /** Weights plus biases feeding the layer (0 for the input). */
  parameters: number;
}

/**
 * The layers of a dense network, input first: role, size, activation and
 * parameter count. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * layerSummary(model).map((l) => l.units); // [2, 16, 16, 1]
 * ```
 */
export function layerSummary(model: tf.LayersModel): LayerInfo[] {
  const inputShape = model.inputs[0]?.shape ?? [];
  if (inputShape.length !== 2) {
    throw new Error(
      `layerSummary: expects a network of dense layers on flat inputs, got input shape [${inputShape}].`,
    );
  }
  const layers: LayerInfo[] = [{
    role: "input",
    units: inputShape[1] as number,
    activation: "",
    parameters: 0,
  }];
  model.layers.forEach((layer, i) => {
    const config = layer.getConfig() as { units?: number; activation?: string };
    if (config.units === undefined) {
      throw new Error(
        `layerSummary: layer "${layer.name}" is not dense; only dense layers can be listed.`,
      );
    }
    layers.push({
      role: i === model.layers.length - 1 ? "output" : "hidden",
      units: config.units,
      activation: config.activation ?? "linear",
      parameters: layer.countParams(),
    });
  });
  return layers;
}

/**
 * {@link layerSummary} as a polars DataFrame (one row per layer). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * layerTable(model); // role | units | activation | parameters
 * ```
 */
export function layerTable(model: tf.LayersModel): pl.DataFrame {
  const layers = layerSummary(model);
  return pl.DataFrame([
    pl.Series("role", layers.map((l) => l.role), pl.Utf8),
    pl.Series("units", layers.map((l) => l.units), pl.Int32),
    pl.Series("activation", layers.map((l) => l.activation), pl.Utf8),
    pl.Series("parameters", layers.map((l) => l.parameters), pl.Int32),
  ]);
}
