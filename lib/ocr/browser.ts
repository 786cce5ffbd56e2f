/**
 * The part of lib/ocr that runs in a browser: the webcam page of
 * `deno task webcam` bundles this module (with `deno bundle --platform
 * browser`) and reads every camera frame with the very functions chapter 5
 * calls in Jupyter. Everything reachable from here must stay free of files,
 * Deno APIs, jimp, canvas and polars; `tests/webcam_test.ts` bundles it and
 * checks.
 *
 * @module
 */
export { type GreyImage, greyImage, type Mask, rgbaToGrey } from "./grey.ts";
export { downscale, MAX_SIDE } from "./resample.ts";
export { NoCharactersError, segment, type Segmentation, type SegmentOptions } from "./segment.ts";
export { type ReadCharacter, readGrey, type ReadGreyOptions, type Reading } from "./recognise.ts";
export type { InkMode } from "./ink.ts";
export type { Box } from "./components.ts";
export { tf } from "../backend/mod.ts";
