/**
 * What the webcam server (`tools/webcam.ts`) tells its page about the trained
 * models: types only, shared by the Deno side and the browser side.
 *
 * @module
 */

/**
 * How a model's characters are cut out: `"mask"` or `"grey"` (see lib/ocr/ink.ts). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const ink: Ink = "grey"; // the handwritten digits model
 * ```
 */
export type Ink = "mask" | "grey";

/**
 * One trained model the server offers the page. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const digits: ModelEntry = {
 *   name: "digits-cnn", title: "Handwritten digits 0-9 (chapter 4)",
 *   url: "/models/digits-cnn/model.json", classes: "0123456789", ink: "grey",
 * };
 * ```
 */
export interface ModelEntry {
  /** Its folder under the models folder, e.g. "digits-cnn". */
  name: string;
  /** What it reads and which chapter trained it. */
  title: string;
  /** Where its model.json is served (weights.bin sits beside it). */
  url: string;
  /** Class i is the character `classes[i]`. */
  classes: string;
  /** How characters are cut out for it. */
  ink: Ink;
}

/**
 * What `GET /models.json` answers. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const reply: ModelsReply = await (await fetch("/models.json")).json();
 * reply.models.map((m) => m.title);
 * ```
 */
export interface ModelsReply {
  /** The models found, the handwritten digits first. */
  models: ModelEntry[];
  /** The folder the server looked in. */
  dir: string;
  /** One line per shipped model that is missing, saying how to make it. */
  missing: string[];
  /** The shipped class strings, for a model the reader picks from disk without a classes.json. */
  defaults: { classes: string; ink: Ink }[];
}
