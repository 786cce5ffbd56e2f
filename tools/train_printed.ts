/**
 * `deno task train-printed [--epochs N] [--out DIR] [--fresh]`:
 * train the printed-character reader (0-9, A-Z) with the recipe in
 * `lib/ocr/printed.ts`, report its accuracy on the held-out fonts (single
 * glyphs, and characters read off the test photos), and save it with its
 * `classes.json` to `data/models/printed-cnn` (atomically) unless `--out`
 * says otherwise. Checkpoints go to `journal/checkpoints/printed-cnn`; run it
 * again after a crash and it resumes (`--fresh` starts over).
 *
 * @module
 */
import {
  evaluatePrinted,
  PRINTED_RECIPE,
  printedGlyphs,
  READER_CONFIGS,
  readerDir,
  saveReader,
  trainPrinted,
} from "../lib/ocr/mod.ts";
import { runCli } from "./jupyter.ts";
import { trainArgs } from "./train_args.ts";

async function main() {
  const { epochs, out, checkpointDir } = await trainArgs(
    "train_printed",
    "printed-cnn",
    PRINTED_RECIPE.epochs,
    readerDir("printed"),
  );
  const t0 = performance.now();
  const data = printedGlyphs();
  const drawSeconds = (performance.now() - t0) / 1000;
  console.log(
    `train_printed: drew ${data.train.length} training and ${data.validation.length} ` +
      `validation glyphs in ${drawSeconds.toFixed(1)} s`,
  );
  const t1 = performance.now();
  const run = await trainPrinted({ checkpointDir, data, epochs, progress: "terminal" });
  const trainSeconds = (performance.now() - t1) / 1000;
  const report = await evaluatePrinted(run.model);
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  console.log(
    `train_printed: ${epochs} epochs in ${trainSeconds.toFixed(0)} s ` +
      `(${(drawSeconds + trainSeconds).toFixed(0)} s with drawing the glyphs)\n` +
      `  held-out fonts, single glyphs: ${pct(report.glyphAccuracy)} of ${report.glyphs}\n` +
      `  held-out fonts, test photos:   ${pct(report.photos.accuracy)} of ` +
      `${report.photos.total} characters`,
  );
  for (const m of report.photos.mistakes) {
    console.log(`    ${m.photo}: ${m.truth} read as ${m.read ?? "(missed)"}`);
  }
  await saveReader(run.model, out, READER_CONFIGS.printed);
  console.log(`train_printed: reader saved to ${out}`);
}

if (import.meta.main) await runCli(main);
