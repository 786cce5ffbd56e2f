/**
 * Training that survives a crash: checkpoint every epoch, and on the next run
 * pick up from the latest checkpoint (weights, optimiser moments, epoch count,
 * history, data order) as if nothing had happened.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import type { Batch, BatchSource } from "../data/mod.ts";
import { train, type TrainOptions, type TrainResult } from "../nn/mod.ts";
import { Checkpointer } from "./checkpoint.ts";
import { loadWeightsInto } from "./model.ts";

/**
 * What {@link trainWithCheckpoints} returns: `train`'s result over all epochs
 * (the restored ones too), the model, and where it resumed. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { model, records, resumedFrom } = await trainWithCheckpoints(makeModel, loader, options, "ckpt");
 * ```
 */
export interface CheckpointedRun extends TrainResult {
  /** The trained model (the best epoch's weights when early stopping restored them). */
  model: tf.LayersModel;
  /** The epoch the run resumed after (0 when it started fresh). */
  resumedFrom: number;
  /** The checkpointer that kept `latest/` and `best/`. */
  checkpointer: Checkpointer;
}

interface EpochAware {
  setEpoch(epoch: number): void;
}

function isEpochAware(loader: unknown): loader is EpochAware {
  return typeof (loader as Partial<EpochAware>)?.setEpoch === "function";
}

/**
 * The loader, numbering its passes from `first` (so a shuffling DataLoader
 * orders epoch k the same in a resumed run as in an unbroken one).
 */
function numberedEpochs(loader: BatchSource<Batch>, first: number): BatchSource<Batch> {
  if (!isEpochAware(loader)) return loader;
  let next = first;
  return {
    get length() {
      return loader.length;
    },
    batchSize: loader.batchSize,
    dropLast: loader.dropLast,
    dataset: loader.dataset,
    [Symbol.iterator]() {
      loader.setEpoch(next++);
      return loader[Symbol.iterator]();
    },
  };
}

/**
 * Train a model from `makeModel` with {@link train}, checkpointing into
 * `checkpointDir` after every epoch; when a `latest/` checkpoint is there
 * (a run was killed), restore it first (weights, optimiser state, history)
 * and go on from the next epoch. Run the same call again after a crash and it
 * finishes with every epoch counted once. `options.optimizer` must be fresh.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const loader = new DataLoader(train, { batchSize: 64, shuffle: true, rng: new Rng(1) });
 * const run = await trainWithCheckpoints(() => cnnModel({ seed: 1 }), loader, {
 *   optimizer: tf.train.adam(1e-3), epochs: 10, validation,
 * }, "checkpoints/cnn");
 * run.resumedFrom; // 0 on the first run, e.g. 4 after a crash in epoch 5
 * ```
 */
export async function trainWithCheckpoints(
  makeModel: () => tf.LayersModel,
  loader: BatchSource<Batch>,
  options: TrainOptions,
  checkpointDir: string,
): Promise<CheckpointedRun> {
  if (typeof makeModel !== "function") {
    throw new Error(
      "trainWithCheckpoints: the first argument must be a function that builds the model, e.g. () => mlpModel({ seed: 1 }).",
    );
  }
  if (options.initialHistory !== undefined) {
    throw new Error(
      "trainWithCheckpoints: leave initialHistory out; the history comes from the checkpoint.",
    );
  }
  const model = makeModel();
  const checkpointer = new Checkpointer(checkpointDir, { minDelta: options.minDelta });
  const state = await checkpointer.restore(model, options.optimizer);
  const resumedFrom = state?.epoch ?? 0;
  const userHook = options.onEpoch;
  const result = await train(model, numberedEpochs(loader, resumedFrom + 1), {
    ...options,
    initialHistory: state?.records,
    label: options.label ?? (resumedFrom ? `epochs (resumed after ${resumedFrom})` : undefined),
    onEpoch: async (record, m) => {
      await checkpointer.save(m, options.optimizer, record);
      await userHook?.(record, m);
    },
  });
  // train() can only put back a best epoch it trained itself; an earlier one is in best/.
  const last = result.records.length;
  const restoreBest = options.patience !== undefined && (options.restoreBest ?? true);
  if (restoreBest && result.bestEpoch <= resumedFrom && result.bestEpoch !== last) {
    const best = await checkpointer.bestState();
    if (best?.epoch === result.bestEpoch) {
      await loadWeightsInto(model, checkpointer.bestDir);
    } else {
      console.warn(
        `trainWithCheckpoints: the best epoch is ${result.bestEpoch} but "${checkpointer.bestDir}" holds epoch ${best?.epoch}, so the model keeps epoch ${last}'s weights; delete "${checkpointDir}" and train again to get the best ones.`,
      );
    }
  }
  return { ...result, model, resumedFrom, checkpointer };
}
