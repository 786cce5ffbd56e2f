/**
 * Optical character recognition: the models that read characters.
 *
 * @module
 */
export * from "./models.ts";
