/**
 * The printed-character reader's recipe, in one place, so chapter 5 and
 * `tools/train_printed.ts` agree: 36 classes (0-9, A-Z), glyphs drawn from
 * the 15 training fonts with augmentation (rotation, size, blur, noise,
 * uneven light), 20 drawings per character and font; the chapter 4 CNN
 * (32 and 64 filters, a hidden layer of 128, dropout 0.25) trained with Adam
 * for 6 epochs, its rate decaying from 2e-3 to 1e-4; judged on fonts it
 * never saw, as single glyphs and as photos.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { ImageDataset, imageLoader, type ImageSet, Rng } from "../data/mod.ts";
import { exponentialDecay, train, type TrainResult } from "../nn/mod.ts";
import { trainWithCheckpoints } from "../io/mod.ts";
import { cnnModel } from "./models.ts";
import { CHARSET, glyphSet } from "./glyphs.ts";
import { HELD_OUT_FONTS, TRAINING_FONTS } from "./fonts.ts";
import { predictImages } from "./evaluate.ts";
import { type AccuracyReport, readingAccuracy, textTestPhotos } from "./score.ts";
import { type Reader, READER_CONFIGS } from "./reader.ts";

/**
 * The recipe's settings. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * PRINTED_RECIPE.epochs; // 6
 * ```
 */
export const PRINTED_RECIPE = {
  seed: 7,
  epochs: 6,
  batchSize: 64,
  learningRate: { initial: 2e-3, final: 1e-4 },
  model: { filters: [32, 64] as [number, number], hidden: 128, dropout: 0.25 },
  /** Training glyphs: every character in every training font, 20 drawings each. */
  train: { perGlyph: 20, seed: 1 },
  /** Validation glyphs: fresh drawings of the training fonts. */
  validation: { perGlyph: 2, seed: 3 },
  /** Test glyphs: the held-out fonts, never trained on. */
  heldOut: { perGlyph: 5, seed: 2 },
} as const;

/**
 * The recipe's model: the chapter 4 CNN with 36 outputs. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * printedModel().countParams(); // 228,388
 * ```
 */
export function printedModel(): tf.Sequential {
  return cnnModel({
    seed: 1,
    classes: CHARSET.length,
    ...PRINTED_RECIPE.model,
    filters: [...PRINTED_RECIPE.model.filters],
  });
}

/**
 * The recipe's glyphs: training and validation drawn from the training fonts. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { train, validation } = printedGlyphs(); // 10,800 and 1,080 glyphs
 * ```
 */
export function printedGlyphs(): { train: ImageSet; validation: ImageSet } {
  return {
    train: glyphSet({ fonts: TRAINING_FONTS, ...PRINTED_RECIPE.train }),
    validation: glyphSet({ fonts: TRAINING_FONTS, ...PRINTED_RECIPE.validation }),
  };
}

/**
 * The test glyphs: every character in every held-out font, 5 drawings each. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * heldOutGlyphs().length; // 36 * 6 * 5 = 1,080
 * ```
 */
export function heldOutGlyphs(): ImageSet {
  return glyphSet({ fonts: HELD_OUT_FONTS, ...PRINTED_RECIPE.heldOut });
}

/**
 * Options of {@link trainPrinted}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await trainPrinted({ checkpointDir: "journal/checkpoints/printed-cnn", epochs: 2 } satisfies TrainPrintedOptions);
 * ```
 */
export interface TrainPrintedOptions {
  /** Where checkpoints go; a run killed midway resumes from here (none by default). */
  checkpointDir?: string;
  /** The glyphs (default {@link printedGlyphs}). */
  data?: { train: ImageSet; validation?: ImageSet };
  /** Epochs (default the recipe's 6). */
  epochs?: number;
  /** Where the progress bar draws. */
  progress?: "jupyter" | "terminal" | "silent";
}

/**
 * Train the printed-character reader with the recipe (checkpointing every
 * epoch when given a folder). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { model, records } = await trainPrinted({ progress: "terminal" });
 * ```
 */
export async function trainPrinted(
  options: TrainPrintedOptions = {},
): Promise<TrainResult & { model: tf.LayersModel }> {
  const data = options.data ?? printedGlyphs();
  const epochs = options.epochs ?? PRINTED_RECIPE.epochs;
  const loader = imageLoader(new ImageDataset(data.train, { isTraining: true }), {
    batchSize: PRINTED_RECIPE.batchSize,
    shuffle: true,
    rng: new Rng(PRINTED_RECIPE.seed),
  });
  const validation = data.validation
    ? imageLoader(new ImageDataset(data.validation, { isTraining: true }), { batchSize: 256 })
    : undefined;
  const { initial, final } = PRINTED_RECIPE.learningRate;
  const optimizer = tf.train.adam(initial);
  const settings = {
    optimizer,
    epochs,
    validation,
    learningRate: exponentialDecay(initial, final, epochs),
    progress: options.progress,
    label: "printed CNN",
  };
  if (options.checkpointDir) {
    return await trainWithCheckpoints(printedModel, loader, settings, options.checkpointDir);
  }
  const model = printedModel();
  return { ...(await train(model, loader, settings)), model };
}

/**
 * How the printed reader does on fonts it never saw. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { glyphAccuracy, photos }: PrintedReport = await evaluatePrinted(reader);
 * ```
 */
export interface PrintedReport {
  /** Share of the held-out glyphs ({@link heldOutGlyphs}) classified right. */
  glyphAccuracy: number;
  /** How many held-out glyphs. */
  glyphs: number;
  /** Characters read right on the held-out-font test photos (`textTestPhotos`). */
  photos: AccuracyReport;
}

/**
 * Judge a printed reader on the held-out fonts: single glyphs, and every
 * character of the test photos read through the whole pipeline. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const report = await evaluatePrinted(await loadReader("printed"));
 * report.photos.accuracy; // at least 0.97
 * ```
 */
export async function evaluatePrinted(
  reader: Reader | tf.LayersModel,
): Promise<PrintedReport> {
  const r: Reader = reader instanceof tf.LayersModel
    ? { model: reader, dir: "(in memory)", ...READER_CONFIGS.printed }
    : reader;
  const test = heldOutGlyphs();
  const { labels } = predictImages(r.model, test);
  const right = labels.filter((y, i) => y === test.labels[i]).length;
  return {
    glyphAccuracy: right / test.length,
    glyphs: test.length,
    photos: await readingAccuracy(r, textTestPhotos()),
  };
}
