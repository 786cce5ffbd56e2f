/**
 * The one place that chooses the tfjs backend. Every notebook, CLI and lib
 * module imports `tf` from here, so they all run on the same, ready backend.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

// Prod mode only silences tfjs's console banners ("looks like you are running
// in Node.js"), which would otherwise land in every notebook's stored output.
tf.enableProdMode();
await tf.setBackend("cpu");
await tf.ready();

export { tf };

/**
 * Seed-free helper to check which backend is active. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * backendName(); // "cpu"
 * ```
 */
export function backendName(): string {
  return tf.getBackend();
}
