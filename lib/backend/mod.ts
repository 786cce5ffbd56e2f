/**
 * The one place that chooses the tfjs backend. Every notebook, CLI and lib
 * module imports `tf` from here, so they all run on the same, ready backend.
 *
 * The default is tfjs's WebAssembly backend (XNNPACK, SIMD): about 5x faster
 * than the pure-JS cpu backend on our MLP, and able to train a CNN once the
 * project registers the kernels it lacks (see {@link registerProjectKernels}).
 * Set `TFJS_BACKEND=cpu` to compare.
 *
 * On Linux with gcc and Debian's OpenBLAS, the wasm backend also gets the
 * project's native kernels (see `native.ts`): both cores for the products,
 * convolutions and the optimiser step. `JOURNAL_NATIVE=0` turns them off.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { convGradientKernels } from "./conv_grads.ts";
import { maxPoolGradKernel } from "./maxpool_grad.ts";
import { explicitTransposeMatMul } from "./matmul.ts";
import { sharedIdentityKernel } from "./identity.ts";
import { nativeKernelsActive, nativeStatus, useNativeKernels } from "./native.ts";

export { tf };
export { convGradientKernels } from "./conv_grads.ts";
export { maxPoolGradKernel } from "./maxpool_grad.ts";
export { explicitTransposeMatMul } from "./matmul.ts";
export { sharedIdentityKernel } from "./identity.ts";
export {
  loadNative,
  NATIVE_KERNELS,
  type NativeStatus,
  nativeStatus,
  OPENBLAS,
  useNativeKernels,
} from "./native.ts";

/** The backends the journal knows, fastest first. */
export const BACKENDS = ["wasm", "cpu"] as const;
/** A backend name from {@link BACKENDS}. */
export type BackendName = typeof BACKENDS[number];

let registered = false;

/**
 * Register the kernels the wasm backend lacks or runs slowly: both
 * convolution gradients (as convolutions), max-pool's gradient, and matrix
 * products with a transposed operand. Safe to
 * call twice. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * registerProjectKernels();
 * tf.getKernel("Conv2DBackpropFilter", "wasm") !== undefined; // true
 * ```
 */
export function registerProjectKernels(): void {
  if (registered) return;
  registered = true;
  const shippedInputGrad = tf.getKernel("Conv2DBackpropInput", "wasm");
  for (const name of ["Conv2DBackpropInput", "MaxPoolGrad", "Identity"]) {
    if (tf.getKernel(name, "wasm")) tf.unregisterKernel(name, "wasm");
  }
  for (const k of convGradientKernels("wasm", shippedInputGrad)) tf.registerKernel(k);
  tf.registerKernel(maxPoolGradKernel("wasm"));
  tf.registerKernel(sharedIdentityKernel("wasm"));
  for (const name of ["BatchMatMul", "_FusedMatMul"]) {
    const shipped = tf.getKernel(name, "wasm");
    if (!shipped) continue;
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel(explicitTransposeMatMul(shipped));
  }
}

/**
 * Switch to a backend and wait until it is ready. Introduced in 01_tensors.
 *
 * @example
 * ```ts
 * await useBackend("cpu");
 * tf.getBackend(); // "cpu"
 * ```
 */
export async function useBackend(name: BackendName): Promise<void> {
  if (!BACKENDS.includes(name)) {
    throw new Error(`Unknown backend "${name}"; choose one of ${BACKENDS.join(", ")}.`);
  }
  if (!(await tf.setBackend(name))) {
    throw new Error(`The tfjs ${name} backend failed to start; try TFJS_BACKEND=cpu.`);
  }
  await tf.ready();
}

function wantedBackend(): BackendName {
  let name: string | undefined;
  try {
    name = Deno.env.get("TFJS_BACKEND");
  } catch { /* no env permission: use the default */ }
  return (name ?? "wasm") as BackendName;
}

// Prod mode only silences tfjs's console banners ("looks like you are running
// in Node.js"), which would otherwise land in every notebook's stored output.
tf.enableProdMode();
registerProjectKernels();
useNativeKernels(true);
await useBackend(wantedBackend());

/**
 * The active backend in words: its name, and on wasm whether the project's
 * native kernels run (and on how many threads) or why not. Introduced in
 * 01_tensors.
 *
 * @example
 * ```ts
 * backendName(); // "wasm + native kernels (OpenBLAS, 2 threads)"
 * ```
 */
export function backendName(): string {
  const name = tf.getBackend();
  if (name !== "wasm") return name;
  const native = nativeStatus();
  if (!native.loaded) return `wasm (no native kernels: ${native.reason})`;
  return nativeKernelsActive()
    ? `wasm + native kernels (OpenBLAS, ${native.threads} threads)`
    : "wasm (native kernels switched off)";
}
