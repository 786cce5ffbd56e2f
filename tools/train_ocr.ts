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
import { trainArgs } from "./train_args.ts";

const root = new URL("..", import.meta.url).pathname;

async function main() {
  const { epochs, out, checkpointDir } = await trainArgs(
    "train-ocr",
    "digits-cnn",
    DIGITS_RECIPE.epochs,
    `${root}data/models/digits-cnn`,
  );
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
