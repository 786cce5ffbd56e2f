/**
 * Native kernels for the wasm backend: both cores and OpenBLAS for the
 * matrix products, convolutions, pooling and bias gradients that dominate a
 * training step.
 *
 * tfjs's wasm backend runs on one thread in Deno (emscripten's thread pool
 * cannot start there), which left our training at a fifth of PyTorch's speed
 * on the same machine. Deno can call C directly (FFI), and the tensors
 * already live in one flat wasm heap, so these kernels hand OpenBLAS pointers
 * into that heap: no copies. The C source (`native/kernels.c`) is compiled
 * on first use with the machine's `gcc` against Debian's OpenBLAS and cached
 * beside it; where either is missing, or `JOURNAL_NATIVE=0`, the journal runs
 * on plain wasm with the same results to float rounding.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { useNativeAdam } from "./native_adam.ts";

type Info = tf.TensorInfo;
type Args = Parameters<tf.KernelFunc>[0];

const HERE = new URL("./native/", import.meta.url);
const SOURCE = new URL("kernels.c", HERE).pathname;
/** Where Debian puts OpenBLAS (package `libopenblas0-pthread`), which the kernels link: the first found. */
export const OPENBLAS: readonly string[] = [
  "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
  "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
];

const SYMBOLS = {
  jk_threads: { parameters: ["i32"], result: "i32" },
  jk_matmul: {
    parameters: [
      "buffer",
      "u32",
      "u32",
      "u32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i64",
      "i32",
    ],
    result: "void",
  },
  jk_conv2d: { parameters: ["buffer", "u32", "u32", "u32", "buffer", "i64", "i32"], result: "i32" },
  jk_conv2d_filter_grad: { parameters: ["buffer", "u32", "u32", "u32", "buffer"], result: "i32" },
  jk_conv2d_input_grad: { parameters: ["buffer", "u32", "u32", "u32", "buffer"], result: "i32" },
  jk_max_pool: { parameters: ["buffer", "u32", "u32", "buffer"], result: "void" },
  jk_max_pool_grad: { parameters: ["buffer", "u32", "u32", "u32", "buffer"], result: "void" },
  jk_sum_rows: { parameters: ["buffer", "u32", "u32", "i32", "i32"], result: "void" },
  jk_relu: { parameters: ["buffer", "u32", "u32", "i32"], result: "void" },
  jk_relu_grad: { parameters: ["buffer", "u32", "u32", "u32", "i32"], result: "void" },
  jk_add_bias: { parameters: ["buffer", "u32", "u32", "u32", "i32", "i32"], result: "void" },
  jk_adam: {
    parameters: [
      "buffer",
      "u32",
      "u32",
      "u32",
      "u32",
      "i32",
      "f32",
      "f32",
      "f32",
      "f32",
      "f32",
      "f32",
      "f32",
      "f32",
    ],
    result: "void",
  },
} as const;

type Native = Deno.DynamicLibrary<typeof SYMBOLS>["symbols"];

/** What these kernels need of the wasm backend. */
interface WasmBackend {
  wasm: { HEAPU8: Uint8Array };
  makeOutput(shape: number[], dtype: tf.DataType): Info;
  getMemoryOffset(dataId: object): number;
  disposeData(dataId: object): void;
}

/** Whether the native kernels are in use, and if not, why not. */
export type NativeStatus = { loaded: true; threads: number } | { loaded: false; reason: string };

let status: NativeStatus = { loaded: false, reason: "not loaded yet" };
let lib: Native | undefined;

// No fused multiply-add: every product is rounded, as in tfjs's own kernels.
// `-z nodelete`: the pool's threads outlive any unloading at exit.
const FLAGS = [
  "-O3",
  "-march=native",
  "-ffp-contract=off",
  "-fno-math-errno",
  "-shared",
  "-fPIC",
  "-Wl,-z,nodelete",
];

function exists(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

// FNV-1a: names the build after its source and flags, so an edit rebuilds.
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

// Compile to a temporary name, then rename: a concurrent or interrupted build
// never leaves a half-written library where the loader looks.
function build(): { library: string } | { reason: string } {
  if (!exists(SOURCE)) return { reason: `${SOURCE} is missing` };
  const source = Deno.readTextFileSync(SOURCE);
  const library = new URL(`build/libjournal_kernels-${fingerprint(FLAGS + source)}.so`, HERE)
    .pathname;
  if (exists(library)) return { library };
  const openblas = OPENBLAS.find(exists);
  if (!openblas) {
    return { reason: "OpenBLAS is not installed (apt-get install libopenblas0-pthread)" };
  }
  Deno.mkdirSync(new URL("build/", HERE), { recursive: true });
  const tmp = `${library}.${Deno.pid}.tmp`;
  let out: Deno.CommandOutput;
  try {
    out = new Deno.Command("gcc", {
      args: [...FLAGS, "-o", tmp, SOURCE, openblas, "-lpthread"],
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
  } catch (e) {
    return { reason: `gcc could not be run (${(e as Error).message}); apt-get install gcc` };
  }
  if (!out.success) {
    try {
      Deno.removeSync(tmp);
    } catch { /* nothing was written */ }
    return { reason: `gcc failed: ${new TextDecoder().decode(out.stderr).slice(0, 500)}` };
  }
  Deno.renameSync(tmp, library);
  return { library };
}

/**
 * Build (if needed) and load the native library. Never throws: on any
 * failure it returns why, and the journal stays on plain wasm. Introduced in
 * 04_ocr_training.
 *
 * @example
 * ```ts
 * const s = loadNative();
 * console.log(s.loaded ? `native kernels, ${s.threads} threads` : s.reason);
 * ```
 */
export function loadNative(): NativeStatus {
  if (lib) return status;
  try {
    if (Deno.env.get("JOURNAL_NATIVE") === "0") {
      return status = { loaded: false, reason: "JOURNAL_NATIVE=0" };
    }
    const built = build();
    if ("reason" in built) return status = { loaded: false, reason: built.reason };
    lib = Deno.dlopen(built.library, SYMBOLS).symbols;
    return status = { loaded: true, threads: lib.jk_threads(0) };
  } catch (e) {
    return status = { loaded: false, reason: (e as Error).message };
  }
}

/** The current {@link NativeStatus}. */
export function nativeStatus(): NativeStatus {
  return status;
}

const pair = (v: number | number[]): [number, number] =>
  typeof v === "number" ? [v, v] : [v[0], v[1]];

// The geometry array the C side reads (see `conv_of` in kernels.c).
const geometry = new Int32Array(13);
function setGeometry(info: tf.backend_util.Conv2DInfo, outChannels: number): Int32Array {
  geometry.set([
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  ]);
  return geometry;
}

const isFloat = (...xs: (Info | undefined)[]) => xs.every((x) => !x || x.dtype === "float32");
const activations: Record<string, number> = { linear: 0, relu: 1 };

/** Run `kernel` natively, or the shipped one where the case is not covered. */
function withFallback(
  shipped: tf.KernelConfig | undefined,
  name: string,
  native: (args: Args, b: WasmBackend) => Info | undefined,
): tf.KernelConfig {
  return {
    kernelName: name,
    backendName: "wasm",
    setupFunc: shipped?.setupFunc,
    kernelFunc: (args: Args) => {
      const out = lib ? native(args, args.backend as unknown as WasmBackend) : undefined;
      if (out) return out;
      if (!shipped) throw new Error(`${name}: no wasm kernel covers this case.`);
      return shipped.kernelFunc(args);
    },
  };
}

function offset(b: WasmBackend, t: Info): number {
  return b.getMemoryOffset(t.dataId);
}

function matMul(args: Args, b: WasmBackend): Info | undefined {
  const { a, b: bm, bias, preluActivationWeights } = args.inputs as Record<string, Info>;
  const attrs = args.attrs as { transposeA: boolean; transposeB: boolean; activation?: string };
  const act = activations[attrs.activation ?? "linear"];
  if (act === undefined || preluActivationWeights || !isFloat(a, bm, bias)) return undefined;
  const ra = a.shape.length, rb = bm.shape.length;
  const [m, k] = attrs.transposeA ? [a.shape[ra - 1], a.shape[ra - 2]] : a.shape.slice(-2);
  const [k2, n] = attrs.transposeB ? [bm.shape[rb - 1], bm.shape[rb - 2]] : bm.shape.slice(-2);
  if (k !== k2) return undefined;
  const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
  const batchB = tf.util.sizeFromShape(bm.shape.slice(0, -2));
  const batch = Math.max(batchA, batchB);
  if ((batchA !== batch && batchA !== 1) || (batchB !== batch && batchB !== 1)) return undefined;
  if (bias && !(bias.shape.length === 1 && bias.shape[0] === n)) return undefined;
  const outer = (batchA >= batchB ? a : bm).shape.slice(0, -2);
  const out = b.makeOutput([...outer, m, n], "float32");
  if (m * n === 0) return out;
  lib!.jk_matmul(
    b.wasm.HEAPU8,
    offset(b, a),
    offset(b, bm),
    offset(b, out),
    batch,
    batchA,
    batchB,
    m,
    n,
    k,
    attrs.transposeA ? 1 : 0,
    attrs.transposeB ? 1 : 0,
    BigInt(bias ? offset(b, bias) : -1),
    act,
  );
  return out;
}

interface ConvAttrs {
  strides: number | [number, number];
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding;
  dataFormat?: "NHWC" | "NCHW";
  dilations?: number | [number, number];
  dimRoundingMode?: "floor" | "round" | "ceil";
  activation?: string;
}

function convInfo(xShape: number[], filterShape: number[], a: ConvAttrs) {
  if (a.dataFormat === "NCHW") return undefined;
  if (pair(a.dilations ?? 1).some((d) => d !== 1)) return undefined;
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    pair(a.strides),
    1,
    a.pad,
    a.dimRoundingMode,
  );
}

function conv2d(args: Args, b: WasmBackend): Info | undefined {
  const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, Info>;
  const a = args.attrs as unknown as ConvAttrs;
  const act = activations[a.activation ?? "linear"];
  if (act === undefined || preluActivationWeights || !isFloat(x, filter, bias)) return undefined;
  const info = convInfo(x.shape, filter.shape, a);
  const oc = filter.shape[3];
  if (!info || (bias && !(bias.shape.length === 1 && bias.shape[0] === oc))) return undefined;
  const biasAt = BigInt(bias ? offset(b, bias) : -1);
  return convCall(
    b,
    info.outShape,
    info,
    oc,
    (heap, g, out) => lib!.jk_conv2d(heap, offset(b, x), offset(b, filter), out, g, biasAt, act),
  );
}

/**
 * Allocate a convolution kernel's output, then call C with the heap (read
 * only after the allocation, which may grow it), the geometry and the
 * output's offset. The C side returns -1 only when its scratch buffer could
 * not be allocated: then the shipped kernel takes over.
 */
function convCall(
  b: WasmBackend,
  shape: number[],
  info: tf.backend_util.Conv2DInfo,
  outChannels: number,
  call: (heap: Uint8Array, geometry: Int32Array, out: number) => number,
): Info | undefined {
  const out = b.makeOutput(shape, "float32");
  if (tf.util.sizeFromShape(shape) === 0) return out;
  if (call(b.wasm.HEAPU8, setGeometry(info, outChannels), offset(b, out)) === 0) return out;
  b.disposeData(out.dataId);
  return undefined;
}

function filterGrad(args: Args, b: WasmBackend): Info | undefined {
  const { x, dy } = args.inputs as Record<string, Info>;
  const a = args.attrs as unknown as ConvAttrs & { filterShape: number[] };
  const info = isFloat(x, dy) ? convInfo(x.shape, a.filterShape, a) : undefined;
  if (!info) return undefined;
  return convCall(
    b,
    a.filterShape,
    info,
    a.filterShape[3],
    (heap, g, out) => lib!.jk_conv2d_filter_grad(heap, offset(b, x), offset(b, dy), out, g),
  );
}

function inputGrad(args: Args, b: WasmBackend): Info | undefined {
  const { dy, filter } = args.inputs as Record<string, Info>;
  const a = args.attrs as unknown as ConvAttrs & { inputShape: number[] };
  const info = isFloat(dy, filter) ? convInfo(a.inputShape, filter.shape, a) : undefined;
  if (!info) return undefined;
  return convCall(
    b,
    a.inputShape,
    info,
    filter.shape[3],
    (heap, g, out) => lib!.jk_conv2d_input_grad(heap, offset(b, dy), offset(b, filter), out, g),
  );
}

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: "valid" | "same" | number;
  dimRoundingMode?: "floor" | "round" | "ceil";
}

function poolInfo(x: Info, a: PoolAttrs) {
  return tf.backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
}

function maxPool(args: Args, b: WasmBackend): Info | undefined {
  const { x } = args.inputs as Record<string, Info>;
  if (!isFloat(x)) return undefined;
  const info = poolInfo(x, args.attrs as unknown as PoolAttrs);
  const out = b.makeOutput(info.outShape, "float32");
  const g = setGeometry(info, info.inChannels);
  lib!.jk_max_pool(b.wasm.HEAPU8, offset(b, x), offset(b, out), g);
  return out;
}

function maxPoolGrad(args: Args, b: WasmBackend): Info | undefined {
  const { dy, input } = args.inputs as Record<string, Info>;
  if (!isFloat(dy, input)) return undefined;
  const info = poolInfo(input, args.attrs as unknown as PoolAttrs);
  const out = b.makeOutput(input.shape, "float32");
  const g = setGeometry(info, info.inChannels);
  lib!.jk_max_pool_grad(b.wasm.HEAPU8, offset(b, input), offset(b, dy), offset(b, out), g);
  return out;
}

// Summing over every axis but the last (a bias gradient) is the one Sum that
// matters in training; the shipped kernel transposes first and is slow at it.
function sum(args: Args, b: WasmBackend): Info | undefined {
  const { x } = args.inputs as Record<string, Info>;
  const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
  const r = x.shape.length;
  const axes = tf.util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
  if (!isFloat(x) || r < 2 || axes.length !== r - 1 || axes.some((v, i) => v !== i)) {
    return undefined;
  }
  const n = x.shape[r - 1];
  const out = b.makeOutput(keepDims ? [...axes.map(() => 1), n] : [n], "float32");
  lib!.jk_sum_rows(
    b.wasm.HEAPU8,
    offset(b, x),
    offset(b, out),
    n === 0 ? 0 : tf.util.sizeFromShape(x.shape) / n,
    n,
  );
  return out;
}

// A layer's bias added to every row: the one broadcast Add a training step makes.
function add(args: Args, b: WasmBackend): Info | undefined {
  const { a, b: bias } = args.inputs as Record<string, Info>;
  const n = a.shape[a.shape.length - 1];
  if (!isFloat(a, bias) || a.shape.length < 2 || bias.shape.length !== 1 || bias.shape[0] !== n) {
    return undefined;
  }
  const out = b.makeOutput(a.shape, "float32");
  const rows = n === 0 ? 0 : tf.util.sizeFromShape(a.shape) / n;
  lib!.jk_add_bias(b.wasm.HEAPU8, offset(b, a), offset(b, bias), offset(b, out), rows, n);
  return out;
}

function relu(args: Args, b: WasmBackend): Info | undefined {
  const { x } = args.inputs as Record<string, Info>;
  if (!isFloat(x)) return undefined;
  const out = b.makeOutput(x.shape, "float32");
  lib!.jk_relu(b.wasm.HEAPU8, offset(b, x), offset(b, out), tf.util.sizeFromShape(x.shape));
  return out;
}

/** The kernel behind {@link useNativeKernels}'s relu gradient: `dy * step(x)` in one pass. */
const RELU_GRAD = "JournalReluGrad";

function reluGrad(args: Args, b: WasmBackend): Info | undefined {
  const { dy, x } = args.inputs as Record<string, Info>;
  if (!isFloat(dy, x) || !tf.util.arraysEqual(dy.shape, x.shape)) return undefined;
  const out = b.makeOutput(x.shape, "float32");
  const n = tf.util.sizeFromShape(x.shape);
  lib!.jk_relu_grad(b.wasm.HEAPU8, offset(b, dy), offset(b, x), offset(b, out), n);
  return out;
}

// tfjs's relu gradient takes three kernels (Step, Cast, Multiply) over the
// whole activation; on wasm with native kernels it takes one.
let shippedReluGradient: tf.GradConfig | undefined;
function useNativeReluGradient(on: boolean) {
  const shipped = shippedReluGradient ??= tf.getGradient("Relu");
  if (!shipped) return;
  tf.registerGradient(
    on
      ? {
        ...shipped,
        gradFunc: (dy, saved, attrs) => {
          const [x] = saved;
          const fused = nativeKernelsActive() && tf.getBackend() === "wasm" &&
            !Array.isArray(dy) && dy.dtype === "float32" && x.dtype === "float32";
          if (!fused) return shipped.gradFunc(dy, saved, attrs);
          return {
            x: () => tf.engine().runKernel(RELU_GRAD, { dy: dy as tf.Tensor, x }) as tf.Tensor,
          };
        },
      }
      : shipped,
  );
}

const NATIVE: Record<string, (args: Args, b: WasmBackend) => Info | undefined> = {
  BatchMatMul: matMul,
  _FusedMatMul: matMul,
  Conv2D: conv2d,
  FusedConv2D: conv2d,
  Conv2DBackpropFilter: filterGrad,
  Conv2DBackpropInput: inputGrad,
  MaxPool: maxPool,
  MaxPoolGrad: maxPoolGrad,
  Sum: sum,
  Add: add,
  Relu: relu,
  [RELU_GRAD]: reluGrad,
};

/** The kernels {@link useNativeKernels} replaces on the wasm backend. */
export const NATIVE_KERNELS: readonly string[] = Object.keys(NATIVE);

const displaced = new Map<string, tf.KernelConfig | undefined>();

/**
 * Whether {@link useNativeKernels} has put the native kernels in front of
 * wasm's. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * useNativeKernels(false);
 * nativeKernelsActive(); // false
 * ```
 */
export function nativeKernelsActive(): boolean {
  return displaced.size > 0;
}

/**
 * Put the native kernels in front of the wasm backend's (`true`), or take
 * them away again (`false`); each falls back to the kernel it displaced for
 * cases it does not cover (other dtypes, NCHW, dilations, prelu). Returns
 * whether native kernels are now in use. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * useNativeKernels(false); // plain wasm, e.g. to compare speed
 * useNativeKernels(true);
 * ```
 */
export function useNativeKernels(on: boolean): boolean {
  if (on && !loadNative().loaded) return false;
  useNativeAdam(on ? lib!.jk_adam : undefined);
  useNativeReluGradient(on);
  for (const name of NATIVE_KERNELS) {
    const active = displaced.has(name);
    if (on === active) continue;
    const current = tf.getKernel(name, "wasm");
    if (current) tf.unregisterKernel(name, "wasm");
    if (on) {
      displaced.set(name, current);
      tf.registerKernel(withFallback(current, name, NATIVE[name]));
    } else {
      const old = displaced.get(name);
      displaced.delete(name);
      if (old) tf.registerKernel(old);
    }
  }
  return on;
}
