/**
 * Checkpoints every epoch: `<dir>/latest/` (to resume from) and `<dir>/best/`
 * (the epoch with the lowest monitored loss), each a model folder like
 * {@link saveModel}'s plus `state.json` (epoch, best so far, history) and, in
 * `latest/`, `optimizer.bin` (the optimiser's moments). Each folder is
 * written atomically, so a checkpoint is always whole.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { EpochRecord } from "../nn/mod.ts";
import { readableFolder, writeFolderAtomically } from "./atomic.ts";
import { modelFiles, readModelFolder } from "./artifacts.ts";
import { loadModel, loadWeightsInto } from "./model.ts";
import { encodeOptimizer, type OptimizerManifest, restoreOptimizer } from "./optimizer.ts";

/**
 * Name of the state file in a checkpoint folder. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * JSON.parse(await Deno.readTextFile(`checkpoints/mlp/latest/${STATE_JSON}`)).epoch; // e.g. 3
 * ```
 */
export const STATE_JSON = "state.json";
/**
 * Name of the optimiser's binary state in `latest/`. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * (await Deno.stat(`checkpoints/mlp/latest/${OPTIMIZER_BIN}`)).size; // Adam: 8 bytes per parameter, plus 4
 * ```
 */
export const OPTIMIZER_BIN = "optimizer.bin";

/**
 * The contents of a checkpoint's `state.json`. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const state = await new Checkpointer("checkpoints/mlp").latest();
 * state?.epoch; // the last finished epoch, e.g. 3
 * ```
 */
export interface CheckpointState {
  /** The epoch this checkpoint was taken after (from 1). */
  epoch: number;
  /** The monitored loss of that epoch: valLoss, else trainLoss. */
  metric: number;
  /** The best epoch so far and its monitored loss. */
  best: { epoch: number; metric: number };
  /** One record per finished epoch, 1..epoch. */
  records: EpochRecord[];
  /** The optimiser's class, settings and the layout of `optimizer.bin` (null in `best/`). */
  optimizer: OptimizerManifest | null;
  /** When it was written (ISO 8601). */
  savedAt: string;
}

/**
 * Options of a {@link Checkpointer}. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * new Checkpointer("checkpoints/cnn", { minDelta: 1e-4 });
 * ```
 */
export interface CheckpointerOptions {
  /** How much lower the monitored loss must be to count as a new best (default 0, as in `train`). */
  minDelta?: number;
}

/**
 * Keeps `latest/` and `best/` checkpoints of a training run in one folder, and
 * puts the latest back into a model and optimiser to resume. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const ckpt = new Checkpointer("checkpoints/mlp");
 * await train(model, loader, { optimizer, epochs: 10, onEpoch: ckpt.onEpoch(optimizer) });
 * const best = await ckpt.loadBest();
 * ```
 */
export class Checkpointer {
  /** The folder holding `latest/` and `best/`. */
  readonly dir: string;
  /** The records seen so far (restored ones first). */
  readonly records: EpochRecord[] = [];
  private readonly minDelta: number;
  private best: { epoch: number; metric: number } | null = null;

  /**
   * A checkpointer writing into `dir` (created when first needed). Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * const ckpt = new Checkpointer("checkpoints/mlp");
   * ```
   */
  constructor(dir: string, options: CheckpointerOptions = {}) {
    this.dir = dir.replace(/[\\/]+$/, "") || ".";
    this.minDelta = options.minDelta ?? 0;
  }

  /** The folder of the latest checkpoint, `<dir>/latest`. */
  get latestDir(): string {
    return `${this.dir}/latest`;
  }

  /** The folder of the best checkpoint, `<dir>/best`. */
  get bestDir(): string {
    return `${this.dir}/best`;
  }

  /**
   * Record one finished epoch: write `latest/` (model, optimiser, state) and,
   * when its monitored loss is the best so far, `best/` first. Returns whether
   * it was a new best. Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * await ckpt.save(model, optimizer, record); // true when record is the best epoch so far
   * ```
   */
  async save(
    model: tf.LayersModel,
    optimizer: tf.Optimizer,
    record: EpochRecord,
  ): Promise<boolean> {
    const expected = this.records.length + 1;
    if (record.epoch !== expected) {
      throw new Error(
        `Checkpointer.save: got epoch ${record.epoch} but ${this.records.length} epochs are recorded in "${this.dir}", so epoch ${expected} comes next; restore() the checkpoint before training on, or use a fresh folder.`,
      );
    }
    this.records.push({ ...record });
    const metric = record.valLoss ?? record.trainLoss;
    const improved = Number.isFinite(metric) &&
      (this.best === null || metric < this.best.metric - this.minDelta);
    if (improved) this.best = { epoch: record.epoch, metric };
    const best = this.best ?? { epoch: record.epoch, metric };
    const files = await modelFiles(model);
    const state = (optimizerManifest: OptimizerManifest | null): string =>
      JSON.stringify(
        {
          epoch: record.epoch,
          metric,
          best,
          records: this.records,
          optimizer: optimizerManifest,
          savedAt: new Date().toISOString(),
        } satisfies CheckpointState,
        null,
        1,
      );
    // best/ before latest/: after a crash in between, the resumed run redoes this epoch.
    if (improved) {
      await writeFolderAtomically(this.bestDir, { ...files, [STATE_JSON]: state(null) });
    }
    const { manifest, data } = await encodeOptimizer(optimizer);
    await writeFolderAtomically(this.latestDir, {
      ...files,
      [OPTIMIZER_BIN]: data,
      [STATE_JSON]: state(manifest),
    });
    return improved;
  }

  /**
   * An `onEpoch` hook for `train` that checkpoints after every epoch. Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * await train(model, loader, { optimizer, epochs: 5, onEpoch: ckpt.onEpoch(optimizer) });
   * ```
   */
  onEpoch(optimizer: tf.Optimizer): (record: EpochRecord, model: tf.LayersModel) => Promise<void> {
    return async (record, model) => {
      await this.save(model, optimizer, record);
    };
  }

  /**
   * The latest checkpoint's state, or null when there is none yet. Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * (await ckpt.latest())?.epoch; // e.g. 3
   * ```
   */
  latest(): Promise<CheckpointState | null> {
    return readState(this.latestDir);
  }

  /**
   * The best checkpoint's state, or null when there is none yet. Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * (await ckpt.bestState())?.epoch; // the epoch with the lowest validation loss
   * ```
   */
  bestState(): Promise<CheckpointState | null> {
    return readState(this.bestDir);
  }

  /**
   * Put the latest checkpoint back: its weights into `model`, its moments and
   * step count into `optimizer` (fresh, of the same class), its history into
   * this checkpointer. Returns its state, or null when there is no checkpoint
   * (nothing changes). Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * const state = await ckpt.restore(model, optimizer);
   * const nextEpoch = (state?.epoch ?? 0) + 1;
   * ```
   */
  async restore(model: tf.LayersModel, optimizer: tf.Optimizer): Promise<CheckpointState | null> {
    const state = await this.latest();
    if (state === null) return null;
    await loadWeightsInto(model, this.latestDir);
    if (state.optimizer) {
      const folder = await readModelFolder(this.latestDir, "Checkpointer.restore");
      const file = `${folder.dir}/${OPTIMIZER_BIN}`;
      let data: Uint8Array;
      try {
        data = await Deno.readFile(file);
      } catch {
        throw new Error(
          `Checkpointer.restore: "${file}" is missing though "${folder.dir}/${STATE_JSON}" lists an optimiser state; the checkpoint is damaged: delete "${this.dir}" to start over.`,
        );
      }
      await restoreOptimizer(optimizer, state.optimizer, data, file, model);
    }
    this.records.splice(0, this.records.length, ...state.records);
    this.best = state.best;
    return state;
  }

  /**
   * The best checkpoint's model, loaded whole. Introduced in 04_ocr_training.
   *
   * @example
   * ```ts
   * const model = await ckpt.loadBest();
   * ```
   */
  loadBest(): Promise<tf.LayersModel> {
    return loadModel(this.bestDir);
  }
}

/** A checkpoint folder's state.json, checked; null when the folder does not exist. */
async function readState(dir: string): Promise<CheckpointState | null> {
  if ((await readableFolder(dir)) === null) return null; // none yet, or the first one never finished
  const folder = await readModelFolder(dir, "Checkpointer");
  const file = `${folder.dir}/${STATE_JSON}`;
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch {
    throw new Error(
      `Checkpointer: "${file}" is missing, so "${folder.dir}" is a model folder but not a checkpoint; point the Checkpointer at the folder that holds latest/ and best/.`,
    );
  }
  let state: CheckpointState;
  try {
    state = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `Checkpointer: "${file}" is not valid JSON (${
        (e as Error).message
      }); the checkpoint is damaged: delete "${dir}" to start over.`,
    );
  }
  const records = state?.records;
  const consecutive = Array.isArray(records) && records.length === state.epoch &&
    records.every((r, i) => r?.epoch === i + 1);
  if (!Number.isInteger(state?.epoch) || state.epoch < 1 || !consecutive) {
    throw new Error(
      `Checkpointer: "${file}" does not hold epoch records 1..epoch (epoch ${state?.epoch}, ${
        Array.isArray(records) ? records.length : "no"
      } records); the checkpoint is damaged: delete "${dir}" to start over.`,
    );
  }
  return state;
}
