/**
 * A zero-copy `Identity` for the wasm backend.
 *
 * The shipped wasm kernel copies its input into a new buffer; a layers model
 * calls Identity a dozen times a training step, each a full copy of an
 * activation (2.8 MB for chapter 4's first convolution at batch 64). Like the
 * cpu backend's, this one shares the input's memory and counts the reference,
 * which is how the wasm backend's own Reshape already works.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

interface RefCountingBackend {
  incRef(dataId: object): void;
}

/**
 * The kernel config for a backend that counts references (`incRef`).
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * tf.unregisterKernel("Identity", "wasm");
 * tf.registerKernel(sharedIdentityKernel("wasm"));
 * ```
 */
export function sharedIdentityKernel(backendName: string): tf.KernelConfig {
  return {
    kernelName: "Identity",
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const { x } = inputs as { x: tf.TensorInfo };
      (backend as unknown as RefCountingBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  };
}
