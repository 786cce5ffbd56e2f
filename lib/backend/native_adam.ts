/**
 * Adam's update as one native call per weight, in place.
 *
 * tfjs's `AdamOptimizer` spends about a dozen kernels per weight on each
 * step (moments, bias correction, square root, division, assignment); on a
 * small model that bookkeeping costs more than the arithmetic. The native
 * step does the same float32 operations in the same order, so the weights
 * and moments come out bit for bit the same as tfjs's; the test holds it to
 * that. It steps aside (back to tfjs's code) whenever a weight or a moment
 * shares its memory with another tensor, so nothing else sees a change.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** The native entry point (`jk_adam` in native/kernels.c). */
export type AdamStep = (
  heap: Uint8Array,
  x: number,
  g: number,
  m: number,
  v: number,
  n: number,
  beta1: number,
  oneMinusBeta1: number,
  beta2: number,
  oneMinusBeta2: number,
  oneMinusAcc1: number,
  oneMinusAcc2: number,
  epsilon: number,
  negRate: number,
) => void;

interface WasmBackend {
  wasm: { HEAPU8: Uint8Array };
  getMemoryOffset(dataId: object): number;
  refCount(dataId: object): number;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

type Slot = { originalName: string; variable: tf.Variable };
interface AdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Slot[];
  accumulatedSecondMoment: Slot[];
  incrementIterations(): void;
}
type Gradients = tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[];

const proto = tf.AdamOptimizer.prototype as unknown as {
  applyGradients(this: tf.AdamOptimizer, g: Gradients): void;
};
const shipped = proto.applyGradients;
const f32 = Math.fround;

function slot(slots: Slot[], i: number, name: string, suffix: string, value: tf.Variable) {
  // As tfjs creates them: zeros shaped like the weight, not trainable.
  slots[i] ??= {
    originalName: `${name}/${suffix}`,
    variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
  };
  return slots[i].variable;
}

function fusedStep(step: AdamStep, opt: AdamInternals, gradients: Gradients): boolean {
  const b = tf.backend() as unknown as WasmBackend;
  if (tf.getBackend() !== "wasm") return false;
  const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
  const work: [tf.Variable, tf.Tensor, tf.Variable, tf.Variable][] = [];
  for (const [i, name] of names.entries()) {
    const value = tf.engine().registeredVariables[name];
    const m = slot(opt.accumulatedFirstMoment, i, name, "m", value);
    const v = slot(opt.accumulatedSecondMoment, i, name, "v", value);
    const g = Array.isArray(gradients) ? gradients[i].tensor : gradients[name];
    if (g == null) continue;
    const own = [value, m, v].every((t) => b.refCount(t.dataId) === 1);
    const float = [value, g, m, v].every((t) => t.dtype === "float32" && t.size === value.size);
    if (!own || !float) return false;
    work.push([value, g, m, v]);
  }
  for (const acc of [opt.accBeta1, opt.accBeta2]) if (b.refCount(acc.dataId) !== 1) return false;
  const acc1 = b.typedArrayFromHeap(opt.accBeta1), acc2 = b.typedArrayFromHeap(opt.accBeta2);
  const [beta1, beta2] = [f32(opt.beta1), f32(opt.beta2)];
  const args = [
    beta1,
    f32(1 - opt.beta1),
    beta2,
    f32(1 - opt.beta2),
    f32(1 - acc1[0]),
    f32(1 - acc2[0]),
    f32(opt.epsilon),
    f32(-opt.learningRate),
  ] as const;
  const heap = b.wasm.HEAPU8;
  const at = (t: tf.Tensor) => b.getMemoryOffset(t.dataId);
  for (const [value, g, m, v] of work) {
    step(heap, at(value), at(g), at(m), at(v), value.size, ...args);
  }
  acc1[0] = f32(acc1[0] * beta1);
  acc2[0] = f32(acc2[0] * beta2);
  opt.incrementIterations();
  return true;
}

/**
 * Route every `tf.train.adam` optimiser's step through `step` (a native
 * call), or back to tfjs's own code when `step` is undefined. Introduced in
 * 04_ocr_training.
 *
 * @example
 * ```ts
 * useNativeAdam(lib.jk_adam); // all Adam optimisers, including existing ones
 * useNativeAdam(undefined); // tfjs's own step again
 * ```
 */
export function useNativeAdam(step: AdamStep | undefined): void {
  proto.applyGradients = step
    ? function (this: tf.AdamOptimizer, gradients: Gradients) {
      if (!fusedStep(step, this as unknown as AdamInternals, gradients)) {
        shipped.call(this, gradients);
      }
    }
    : shipped;
}
