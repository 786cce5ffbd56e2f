/**
 * Saving and loading on disk: models in tfjs's standard folder layout
 * (`model.json` + `weights.bin`), written atomically; checkpoints every epoch
 * (`latest/` and `best/`, optimiser state included); and training that
 * resumes from the latest checkpoint after a crash. Imports `nn`, `data` and
 * `backend`.
 *
 * @module
 */
export * from "./atomic.ts";
export * from "./artifacts.ts";
export * from "./model.ts";
export * from "./optimizer.ts";
export * from "./checkpoint.ts";
export * from "./resume.ts";
