/**
 * Any layered model as a table: what each layer is, the shape it hands on,
 * and how many parameters it learns.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { tf } from "../backend/mod.ts";

/**
 * One row per layer: `layer` (its kind, e.g. Conv2D), `output` shape
 * (batch axis left out), `activation`, `parameters`. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * modelTable(cnnModel({ seed: 1 })); // Conv2D [26,26,16] relu 160 | MaxPooling2D [13,13,16] ...
 * ```
 */
export function modelTable(model: tf.LayersModel): pl.DataFrame {
  const rows = model.layers.map((layer) => {
    const shape = layer.outputShape as (number | null)[];
    const config = layer.getConfig() as { activation?: string };
    return {
      layer: layer.getClassName(),
      output: `[${shape.slice(1).join(", ")}]`,
      activation: config.activation ?? "",
      parameters: layer.countParams(),
    };
  });
  return pl.DataFrame([
    pl.Series("layer", rows.map((r) => r.layer), pl.Utf8),
    pl.Series("output", rows.map((r) => r.output), pl.Utf8),
    pl.Series("activation", rows.map((r) => r.activation), pl.Utf8),
    pl.Series("parameters", rows.map((r) => r.parameters), pl.Int32),
  ]);
}
