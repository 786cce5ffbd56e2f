/**
 * A reader on disk: a model folder (`model.json` + `weights.bin`) with a
 * `classes.json` beside them that says which character each output class is
 * and how characters are cut out for it. The blog's "load the model we made
 * earlier", with the class names kept next to the weights.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { loadModel, modelFiles, writeFolderAtomically } from "../io/mod.ts";
import type { InkMode } from "./ink.ts";

/**
 * The readers the journal ships: handwritten digits (chapter 4) and printed
 * characters 0-9, A-Z (chapter 5). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const kind: ReaderKind = "printed";
 * ```
 */
export type ReaderKind = "digits" | "printed";

/**
 * Name of the file beside `model.json` that holds a {@link ReaderConfig}. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * JSON.parse(await Deno.readTextFile(`${readerDir("digits")}/${CLASSES_JSON}`)).classes; // "0123456789"
 * ```
 */
export const CLASSES_JSON = "classes.json";

/**
 * What a model's classes mean and how its input is cut: stored as `classes.json`. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const config: ReaderConfig = { classes: "0123456789", ink: "grey" };
 * ```
 */
export interface ReaderConfig {
  /** Class i is the character `classes[i]`. */
  classes: string;
  /** How characters are cut out for this model (see `InkMode`). */
  ink: InkMode;
}

/**
 * A loaded model with its {@link ReaderConfig}: what `readImage` reads with. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { model, classes, ink, dir }: Reader = await loadReader("digits");
 * ```
 */
export interface Reader extends ReaderConfig {
  model: tf.LayersModel;
  /** The folder it was loaded from. */
  dir: string;
}

/**
 * The settings of the shipped readers, as their `classes.json` holds them. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * READER_CONFIGS.printed.classes.length; // 36
 * ```
 */
export const READER_CONFIGS: Record<ReaderKind, ReaderConfig> = {
  digits: { classes: "0123456789", ink: "grey" },
  printed: { classes: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", ink: "mask" },
};

/** How to make each shipped reader again, for error messages. */
const REMAKE: Record<ReaderKind, string> = {
  digits: "run notebooks/04_ocr_training.ipynb or `deno task train-ocr`",
  printed: "run `deno task train-printed`",
};

/**
 * The folder a shipped reader lives in: `data/models/<kind>-cnn` of this
 * repository, wherever the caller runs from. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * readerDir("printed"); // ".../data/models/printed-cnn"
 * ```
 */
export function readerDir(kind: ReaderKind): string {
  if (!(kind in READER_CONFIGS)) {
    throw new Error(
      `Unknown reader "${kind}": choose one of ${Object.keys(READER_CONFIGS).join(", ")}.`,
    );
  }
  return new URL(`../../data/models/${kind}-cnn`, import.meta.url).pathname;
}

/**
 * Check a reader's config against its model: a non-empty class string of
 * distinct characters, one per output, and a known ink mode. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * checkReaderConfig(model, { classes: "0123456789", ink: "grey" }, "my model"); // throws when it does not fit
 * ```
 */
export function checkReaderConfig(
  model: tf.LayersModel,
  config: ReaderConfig,
  where: string,
): void {
  const { classes, ink } = config ?? {};
  if (typeof classes !== "string" || classes.length === 0) {
    throw new Error(
      `${where}: the class string is missing; give one character per output class, e.g. "0123456789".`,
    );
  }
  if (new Set(classes).size !== [...classes].length) {
    throw new Error(`${where}: the class string "${classes}" repeats a character.`);
  }
  if (ink !== "mask" && ink !== "grey") {
    throw new Error(`${where}: ink must be "mask" or "grey", got ${JSON.stringify(ink)}.`);
  }
  const units = model.outputs[0].shape.at(-1);
  if (units !== [...classes].length) {
    throw new Error(
      `${where}: the model has ${units} output classes but the class string "${classes}" ` +
        `names ${[...classes].length}; give one character per class.`,
    );
  }
}

/**
 * Save a model and its {@link ReaderConfig} together into `dir`
 * (`model.json`, `weights.bin`, `classes.json`), atomically. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await saveReader(model, "data/models/printed-cnn", READER_CONFIGS.printed);
 * ```
 */
export async function saveReader(
  model: tf.LayersModel,
  dir: string,
  config: ReaderConfig,
): Promise<void> {
  checkReaderConfig(model, config, `saveReader("${dir}")`);
  const text = JSON.stringify({ classes: config.classes, ink: config.ink }, null, 2) + "\n";
  await writeFolderAtomically(dir, { ...(await modelFiles(model)), [CLASSES_JSON]: text });
}

/** Read `classes.json`, or null when the folder has none. */
async function readConfig(dir: string): Promise<ReaderConfig | null> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${dir}/${CLASSES_JSON}`);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${dir}/${CLASSES_JSON} is not valid JSON (${(e as Error).message}); ` +
        `save the reader again with saveReader.`,
    );
  }
}

/**
 * Load a shipped reader (`"digits"` or `"printed"`) from `data/models/`, or
 * any reader folder saved by {@link saveReader} (pass its path as `dir`).
 * A folder whose `classes.json` is missing is an error naming how to make it,
 * except a 10-class model, which reads the digits 0-9 (chapter 4 may have
 * saved it without one). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const reader = await loadReader("printed");
 * reader.classes; // "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
 * ```
 */
export async function loadReader(kind: ReaderKind, dir = readerDir(kind)): Promise<Reader> {
  const remake = REMAKE[kind] ?? "save it with saveReader";
  try {
    Deno.statSync(`${dir}/model.json`);
  } catch {
    throw new Error(
      `No ${kind} reader at ${dir} (its model.json is missing): ${remake} to make it.`,
    );
  }
  const model = await loadModel(dir);
  let config = await readConfig(dir);
  if (config === null) {
    if (model.outputs[0].shape.at(-1) !== 10) {
      model.dispose();
      throw new Error(
        `${dir} has a model but no ${CLASSES_JSON} saying which character each class is: ` +
          `${remake}, or save it with saveReader(model, dir, { classes, ink }).`,
      );
    }
    config = READER_CONFIGS.digits;
  }
  try {
    checkReaderConfig(model, config, `${dir}/${CLASSES_JSON}`);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { model, classes: config.classes, ink: config.ink, dir };
}
