/**
 * Neural networks: feed-forward builders, losses, the training loop and its
 * history, and figures of networks, curves and decision boundaries. Imports
 * `data`, `show` and `backend`.
 *
 * @module
 */
export * from "./feedforward.ts";
export * from "./weights.ts";
export * from "./losses.ts";
export * from "./evaluate.ts";
export * from "./history.ts";
export * from "./train.ts";
export * from "./curves.ts";
export * from "./draw.ts";
export * from "./boundary.ts";
export * from "./schedule.ts";
export * from "./summary.ts";
