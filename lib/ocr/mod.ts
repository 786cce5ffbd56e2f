/**
 * Optical character recognition: the models that read characters, and how
 * they are judged.
 *
 * @module
 */
export * from "./models.ts";
export * from "./evaluate.ts";
export * from "./recipe.ts";
