/**
 * Reading a grey image that is already in memory: segment it into
 * characters, cut each one out for the model, run them all through it in one
 * batch and write the text down. `readImage` (read.ts) calls this after
 * decoding a file; the webcam page (`deno task webcam`) calls it on every
 * camera frame, so nothing here touches files, jimp or Deno.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { GreyImage } from "./grey.ts";
import type { Box } from "./components.ts";
import { lineText } from "./order.ts";
import { segment, type Segmentation, type SegmentOptions } from "./segment.ts";
import { greyCrops, type InkMode } from "./ink.ts";
import { CHAR_FIELD } from "./crop.ts";

/**
 * One character read: what it is, where, how sure the model was, and its second guess. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { char, box, confidence, line }: ReadCharacter = reading.characters[0];
 * ```
 */
export interface ReadCharacter {
  char: string;
  /** Its box in the (possibly downscaled) image. */
  box: Box;
  /** The model's probability for `char`, in (0, 1]. */
  confidence: number;
  /** Its line, 0 at the top. */
  line: number;
  /** Whether a word gap comes before it on its line. */
  spaceBefore: boolean;
  /** The model's second choice and its probability. */
  runnerUp: { char: string; confidence: number };
}

/**
 * The steps of a reading, to show: the segmentation and the batch the model saw. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { segmentation, inputs, ink }: ReadingSteps = (await readImage(path, reader, { steps: true })).steps!;
 * ```
 */
export interface ReadingSteps {
  segmentation: Segmentation;
  /** The model's input: n * 28 * 28 values, ink 1. */
  inputs: Float32Array;
  /** How the characters were cut for the model. */
  ink: InkMode;
}

/**
 * What `readImage` and {@link readGrey} return. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { text, characters }: Reading = await readImage("photo.jpg", reader);
 * ```
 */
export interface Reading {
  /** The text: lines joined with "\n", words split by spaces. */
  text: string;
  /** Every character, in reading order. */
  characters: ReadCharacter[];
  /** Width and height of the image the boxes refer to. */
  width: number;
  height: number;
  /** Every step, when asked for with `steps: true`. */
  steps?: ReadingSteps;
}

/**
 * Options of {@link readGrey}: the segmentation's, and what the model's classes mean. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * readGrey(grey, model, { classes: "0123456789", ink: "grey", threshold: { k: 0.3 } } satisfies ReadGreyOptions);
 * ```
 */
export interface ReadGreyOptions extends SegmentOptions {
  /** One character per output class, e.g. "0123456789". */
  classes: string;
  /** How characters are cut for the model ("mask" by default). */
  ink?: InkMode;
  /** Keep every step in `reading.steps` (false). */
  steps?: boolean;
}

/** Whether the model's last layer already outputs probabilities. */
function endsInSoftmax(model: tf.LayersModel): boolean {
  const last = model.layers.at(-1)?.getConfig() as { activation?: string } | undefined;
  return last?.activation === "softmax";
}

/**
 * Read the text in a grey image with a model: segment it into characters in
 * reading order, cut each out (`ink`), run them through the model in one
 * batch, and return the text with a box, a confidence and a runner-up per
 * character. Throws `NoCharactersError` for a blank image. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const reading = readGrey(rgbaToGrey(frame.data, frame.width, frame.height), model, { classes: "0123456789", ink: "grey" });
 * reading.text; // "332905"
 * ```
 */
export function readGrey(
  grey: GreyImage,
  model: tf.LayersModel,
  options: ReadGreyOptions,
): Reading {
  const { classes, ink = "mask" } = options;
  const field = options.centre?.field ?? CHAR_FIELD;
  const wanted = model.inputs[0].shape;
  if (wanted[1] !== field || wanted[2] !== field || wanted[3] !== 1) {
    throw new Error(
      `The model takes inputs of shape [${wanted.join(", ")}] but characters are cut ` +
        `as ${field}x${field}x1; set options.centre.field to the model's image side.`,
    );
  }
  const segmentation = segment(grey, options);
  const n = segmentation.characters.length;
  const inputs = ink === "grey"
    ? greyCrops(
      grey,
      segmentation.labelled,
      segmentation.characters,
      segmentation.thresholded.polarity,
      options.centre,
    )
    : segmentation.crops;
  const [values, indices] = tf.tidy(() => {
    const out = model.predict(tf.tensor4d(inputs, [n, field, field, 1])) as tf.Tensor2D;
    const probs = endsInSoftmax(model) ? out : tf.softmax(out);
    const top = tf.topk(probs, Math.min(2, probs.shape[1]));
    return [top.values.dataSync(), top.indices.dataSync()];
  });
  const k = values.length / n, symbols = [...classes];
  const labels = Array.from({ length: n }, (_, i) => symbols[indices[i * k]]);
  const lineOf = new Int32Array(n), spaceBefore = new Array<boolean>(n).fill(false);
  segmentation.lines.forEach((line, l) =>
    line.indices.forEach((i, j) => {
      lineOf[i] = l;
      spaceBefore[i] = line.spaceBefore[j];
    })
  );
  const characters = segmentation.characters.map((c, i) => ({
    char: labels[i],
    box: { ...c.box },
    confidence: values[i * k],
    line: lineOf[i],
    spaceBefore: spaceBefore[i],
    runnerUp: k > 1
      ? { char: symbols[indices[i * k + 1]], confidence: values[i * k + 1] }
      : { char: labels[i], confidence: values[i * k] },
  }));
  const reading: Reading = {
    text: lineText(segmentation.lines, labels),
    characters,
    width: grey.width,
    height: grey.height,
  };
  if (options.steps) reading.steps = { segmentation, inputs, ink };
  return reading;
}
