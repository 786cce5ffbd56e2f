/**
 * Optical character recognition: the models that read characters, and how
 * they are judged.
 *
 * @module
 */
export * from "./models.ts";
export * from "./evaluate.ts";
export * from "./recipe.ts";
export * from "./image.ts";
export * from "./encode.ts";
export * from "./resample.ts";
export * from "./threshold.ts";
export * from "./components.ts";
export * from "./order.ts";
export * from "./crop.ts";
export * from "./segment.ts";
export * from "./degrade.ts";
export * from "./fonts.ts";
export * from "./glyphs.ts";
export * from "./photo.ts";
export * from "./ink.ts";
export * from "./reader.ts";
export * from "./read.ts";
export * from "./recognise.ts";
export * from "./score.ts";
export * from "./printed.ts";
export * from "./colour.ts";
export * from "./figures.ts";
export * from "./table.ts";
