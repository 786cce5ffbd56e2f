/**
 * Data for training: seeded randomness, datasets, batching, toy data sets.
 * Sits at the bottom of lib next to `show`: it imports only `backend`.
 *
 * @module
 */
export * from "./rng.ts";
export * from "./dataset.ts";
export * from "./collate.ts";
export * from "./loader.ts";
export * from "./toy.ts";
export * from "./mnist.ts";
export * from "./transforms.ts";
export * from "./images.ts";
export * from "./folder.ts";
