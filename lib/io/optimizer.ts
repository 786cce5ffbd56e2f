/**
 * An optimiser's state on disk: its step count and its per-weight slots
 * (Adam's first and second moments, momentum's velocities) as binary data with
 * a tfjs weights manifest, so a resumed run steps exactly as the killed one would have.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { weightBytes } from "./artifacts.ts";

/**
 * What `state.json` records about an optimiser; its values live in a binary
 * file beside it. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { manifest } = await encodeOptimizer(tf.train.adam(0.01));
 * manifest.className; // "Adam"
 * ```
 */
export interface OptimizerManifest {
  /** The tfjs class, e.g. "Adam" or "SGD". */
  className: string;
  /** Its settings (learning rate, betas, ...), for reading. */
  config: Record<string, unknown>;
  /** Optimiser steps taken so far. */
  iterations: number;
  /** The step counter and every slot, in `optimizer.getWeights()` order. */
  weights: tf.io.WeightsManifestEntry[];
}

/**
 * An optimiser's full state as a manifest and its bytes (from
 * `optimizer.getWeights()`). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { manifest, data } = await encodeOptimizer(optimizer);
 * data.length; // (1 + 2 * weights) values for Adam, 4 bytes each
 * ```
 */
export async function encodeOptimizer(
  optimizer: tf.Optimizer,
): Promise<{ manifest: OptimizerManifest; data: Uint8Array }> {
  const named = await optimizer.getWeights();
  try {
    const { data, specs } = await tf.io.encodeWeights(named);
    return {
      manifest: {
        className: optimizer.getClassName(),
        config: optimizer.getConfig() as Record<string, unknown>,
        iterations: optimizer.iterations,
        weights: specs,
      },
      data: new Uint8Array(data),
    };
  } finally {
    // getWeights makes a fresh step-counter tensor; the slots are the optimiser's own variables.
    tf.dispose(named.map((n) => n.tensor).filter((t) => !(t instanceof tf.Variable)));
  }
}

/**
 * Put a saved optimiser state back into `optimizer` (same class, for a model
 * of the same architecture). `file` names the data's source in errors.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const optimizer = tf.train.adam(0.01);
 * await restoreOptimizer(optimizer, manifest, data, "checkpoints/latest/optimizer.bin", model);
 * ```
 */
export async function restoreOptimizer(
  optimizer: tf.Optimizer,
  manifest: OptimizerManifest,
  data: Uint8Array,
  file: string,
  model?: tf.LayersModel,
): Promise<void> {
  const cls = optimizer.getClassName();
  if (cls !== manifest.className) {
    throw new Error(
      `restoreOptimizer: "${file}" holds the state of the optimiser ${manifest.className}, but the one given is ${cls}; pass the optimiser the run started with (e.g. tf.train.${manifest.className.toLowerCase()}(...)), or delete the checkpoint to start over.`,
    );
  }
  const expected = weightBytes(manifest.weights);
  if (expected !== null && expected !== data.length) {
    throw new Error(
      `restoreOptimizer: "${file}" holds ${data.length} bytes but its manifest lists ${expected}; the checkpoint is damaged: delete it to start over.`,
    );
  }
  if (model) checkSlots(manifest, model, file);
  const buffer = data.buffer.slice(
    data.byteOffset,
    data.byteOffset + data.byteLength,
  ) as ArrayBuffer;
  const decoded = tf.io.decodeWeights(buffer, manifest.weights);
  const before = await optimizer.getWeights();
  await optimizer.setWeights(
    manifest.weights.map((s) => ({ name: s.name, tensor: decoded[s.name] })),
  );
  // setWeights copies into new variables: free the decoded copies and the slots it replaced.
  const after = new Set((await optimizer.getWeights()).map((n) => n.tensor));
  tf.dispose(Object.values(decoded));
  const stale = before.map((n) => n.tensor).filter((t) => !after.has(t));
  tf.dispose(stale);
  tf.dispose([...after].filter((t) => !(t instanceof tf.Variable)));
}

/** The slots come in groups, one slot per trainable weight each, in weight order: check the shapes line up. */
function checkSlots(manifest: OptimizerManifest, model: tf.LayersModel, file: string): void {
  const slots = manifest.weights.filter((s) => s.name !== "iter");
  const trainable = model.trainableWeights;
  if (slots.length === 0) return; // no step taken yet
  if (trainable.length === 0 || slots.length % trainable.length !== 0) {
    throw new Error(
      `restoreOptimizer: "${file}" holds ${slots.length} ${manifest.className} slots, which do not split over the model's ${trainable.length} trainable weights; the checkpoint belongs to another architecture: delete it to start over.`,
    );
  }
  slots.forEach((s, i) => {
    const w = trainable[i % trainable.length];
    if (s.shape.join(",") !== w.shape.join(",")) {
      throw new Error(
        `restoreOptimizer: slot "${s.name}" in "${file}" has shape [${s.shape}] but the model's weight "${w.originalName}" has [${w.shape}]; the checkpoint belongs to another architecture: delete it to start over.`,
      );
    }
  });
}
