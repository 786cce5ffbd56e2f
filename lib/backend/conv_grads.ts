/**
 * Convolution gradients for the wasm backend, written as convolutions.
 *
 * tfjs's wasm backend ships no `Conv2DBackpropFilter`, so a CNN cannot train
 * on it. Both gradients of a convolution are themselves convolutions, which
 * the backend runs fast (XNNPACK): the filter gradient correlates the input
 * with the output gradient, batch and channel axes swapped; the input
 * gradient correlates the padded output gradient with the rotated filter.
 * Measured here, this beat an im2col + matMul version about 3x.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

type Info = tf.TensorInfo;
type KernelFunc = (
  args: { inputs: Record<string, Info>; backend: unknown; attrs?: object },
) => Info;

interface Backend {
  disposeData(dataId: object): void;
}

function kernel(name: string, backendName: string): KernelFunc {
  const k = tf.getKernel(name, backendName);
  if (!k) {
    throw new Error(
      `The ${backendName} backend has no ${name} kernel, which the convolution gradients need.`,
    );
  }
  return k.kernelFunc as unknown as KernelFunc;
}

/** Conv attributes as tfjs passes them to a gradient kernel. */
interface ConvAttrs {
  strides: [number, number] | number;
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dimRoundingMode?: "floor" | "round" | "ceil";
}

function pair(v: [number, number] | number): [number, number] {
  return typeof v === "number" ? [v, v] : v;
}

/**
 * Build the two kernels for a backend, calling that backend's own Conv2D,
 * Transpose, PadV2, Reverse and Slice. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * for (const k of convGradientKernels("wasm")) tf.registerKernel(k);
 * ```
 */
export function convGradientKernels(
  backendName: string,
  fallbackInput?: tf.KernelConfig,
): tf.KernelConfig[] {
  const conv2d = () => kernel("Conv2D", backendName);
  const transpose = () => kernel("Transpose", backendName);
  const padV2 = () => kernel("PadV2", backendName);
  const reverse = () => kernel("Reverse", backendName);
  const slice = () => kernel("Slice", backendName);

  // Run a chain of kernels, freeing every intermediate result but the last.
  function chain(backend: Backend, steps: ((prev: Info) => Info)[], first: Info): Info {
    let cur = first;
    for (const step of steps) {
      const next = step(cur);
      if (cur !== first && next !== cur) backend.disposeData(cur.dataId);
      cur = next;
    }
    return cur;
  }

  const filterGrad: tf.KernelConfig = {
    kernelName: "Conv2DBackpropFilter",
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: Info; dy: Info };
      const a = attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
      if (a.dataFormat === "NCHW") throw new Error("Conv2DBackpropFilter: only NHWC is supported.");
      const [sh, sw] = pair(a.strides);
      const [kh, kw, ci, co] = a.filterShape;
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        a.filterShape,
        [sh, sw],
        1,
        a.pad,
        a.dimRoundingMode,
      );
      const { top, bottom, left, right } = info.padInfo;
      const b = backend as Backend;
      const dyT = transpose()({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } });
      const out = chain(b, [
        (t) =>
          top || bottom || left || right
            ? padV2()({
              inputs: { x: t },
              backend,
              attrs: { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 },
            })
            : t,
        // [B, H, W, Ci] -> [Ci, H, W, B]: channels become the batch, the batch the channels.
        (t) => transpose()({ inputs: { x: t }, backend, attrs: { perm: [3, 1, 2, 0] } }),
        (t) =>
          conv2d()({
            inputs: { x: t, filter: dyT },
            backend,
            attrs: { strides: [1, 1], pad: "valid", dilations: [sh, sw], dataFormat: "NHWC" },
          }),
        // A stride that does not divide the input evenly leaves extra rows: keep the first kh x kw.
        (t) =>
          t.shape[1] === kh && t.shape[2] === kw ? t : slice()({
            inputs: { x: t },
            backend,
            attrs: { begin: [0, 0, 0, 0], size: [ci, kh, kw, co] },
          }),
        (t) => transpose()({ inputs: { x: t }, backend, attrs: { perm: [1, 2, 0, 3] } }),
      ], x);
      b.disposeData(dyT.dataId);
      return out;
    },
  };

  const inputGrad: tf.KernelConfig = {
    kernelName: "Conv2DBackpropInput",
    backendName,
    // The shipped kernel we fall back to must still be set up by the backend.
    setupFunc: fallbackInput?.setupFunc,
    kernelFunc: (args) => {
      const { dy, filter } = args.inputs as { dy: Info; filter: Info };
      const a = args.attrs as unknown as ConvAttrs & {
        inputShape: [number, number, number, number];
      };
      const [sh, sw] = pair(a.strides);
      if (sh !== 1 || sw !== 1 || a.dataFormat === "NCHW") {
        if (!fallbackInput) {
          throw new Error("Conv2DBackpropInput: only stride 1, NHWC is supported here.");
        }
        return fallbackInput.kernelFunc(args) as Info;
      }
      const backend = args.backend;
      const [kh, kw] = filter.shape;
      const [, h, w] = a.inputShape;
      const [, ho, wo] = dy.shape;
      const info = tf.backend_util.computeConv2DInfo(
        a.inputShape,
        filter.shape as [number, number, number, number],
        1,
        1,
        a.pad,
        a.dimRoundingMode,
      );
      const { top, left } = info.padInfo;
      const padTop = kh - 1 - top, padLeft = kw - 1 - left;
      const padBottom = h + kh - 1 - ho - padTop, padRight = w + kw - 1 - wo - padLeft;
      if (Math.min(padTop, padLeft, padBottom, padRight) < 0) {
        if (!fallbackInput) {
          throw new Error("Conv2DBackpropInput: this padding is not supported here.");
        }
        return fallbackInput.kernelFunc(args) as Info;
      }
      const b = backend as Backend;
      // The filter rotated 180 degrees, its in/out channels swapped.
      const rotated = chain(b, [
        (t) => reverse()({ inputs: { x: t }, backend, attrs: { dims: [0, 1] } }),
        (t) => transpose()({ inputs: { x: t }, backend, attrs: { perm: [0, 1, 3, 2] } }),
      ], filter);
      const out = chain(b, [
        (t) =>
          padV2()({
            inputs: { x: t },
            backend,
            attrs: {
              paddings: [[0, 0], [padTop, padBottom], [padLeft, padRight], [0, 0]],
              constantValue: 0,
            },
          }),
        (t) =>
          conv2d()({
            inputs: { x: t, filter: rotated },
            backend,
            attrs: { strides: [1, 1], pad: "valid", dilations: [1, 1], dataFormat: "NHWC" },
          }),
      ], dy);
      b.disposeData(rotated.dataId);
      return out;
    },
  };
  return [filterGrad, inputGrad];
}
