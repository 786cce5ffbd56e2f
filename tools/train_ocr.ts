/**
 * `deno task train-ocr [--epochs N] [--out DIR] [--fresh]`: train the digit
 * reader from the terminal, with a progress bar, for readers who would rather
 * go to the gym. Checkpoints go to `journal/checkpoints/digits-cnn`; run it
 * again after a crash and it resumes. The model is saved (atomically) to
 * `data/models/digits-cnn` unless `--out` says otherwise.
 *
 * @module
 */
import { evaluate } from "../lib/nn/mod.ts";
import { ImageDataset, imageLoader, loadMnist } from "../lib/data/mod.ts";
import { DIGITS_RECIPE, READER_CONFIGS, saveReader, trainDigits } from "../lib/ocr/mod.ts";
import { runCli } from "./jupyter.ts";

const root = new URL("..", import.meta.url).pathname;

function option(name: string): string | undefined {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1] : undefined;
}

async function main() {
  const known = new Set(["--epochs", "--out", "--fresh", "--"]);
  for (const a of Deno.args) {
    if (a.startsWith("--") && !known.has(a)) {
      throw new Error(`train-ocr: unknown option ${a}; use --epochs N, --out DIR, --fresh.`);
    }
  }
  const epochs = Number(option("--epochs") ?? DIGITS_RECIPE.epochs);
  if (!(Number.isInteger(epochs) && epochs > 0)) {
    throw new Error(`train-ocr: --epochs must be a positive integer.`);
  }
  const out = option("--out") ?? `${root}data/models/digits-cnn`;
  const checkpointDir = `${root}journal/checkpoints/digits-cnn`;
  if (Deno.args.includes("--fresh")) {
    await Deno.remove(checkpointDir, { recursive: true }).catch(() => {});
  }
  const data = loadMnist({ seed: 42 });
  const t0 = performance.now();
  const run = await trainDigits({ checkpointDir, data, epochs, progress: "terminal" });
  const seconds = (performance.now() - t0) / 1000;
  if (run.resumedFrom > 0) console.log(`train-ocr: resumed after epoch ${run.resumedFrom}`);
  const test = evaluate(
    run.model,
    imageLoader(new ImageDataset(data.test, { isTraining: true }), { batchSize: 256 }),
  );
  console.log(
    `train-ocr: ${epochs} epochs in ${seconds.toFixed(0)} s; test accuracy ${
      (100 * (test.accuracy ?? 0)).toFixed(2)
    }% ` +
      `on ${test.samples} held-out digits`,
  );
  await saveReader(run.model, out, READER_CONFIGS.digits); // the model and the classes it reads
  console.log(`train-ocr: model saved to ${out}`);
}

if (import.meta.main) await runCli(main);
