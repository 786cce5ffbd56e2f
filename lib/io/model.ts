/**
 * The one line the blog wished it had written: save the model. A folder in
 * tfjs's standard layout, written atomically; loaded back whole, or as
 * weights into a model built by code, with errors that say what went wrong.
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { type AtomicWriteOptions, writeFolderAtomically } from "./atomic.ts";
import { MODEL_JSON, modelFiles, readModelFolder, WEIGHTS_BIN } from "./artifacts.ts";

/**
 * Save `model` into the folder `dir` as `model.json` + `weights.bin`, the
 * layout `tf.loadLayersModel` reads (in a browser from a URL, too).
 * Atomic: a crash mid-save leaves the previous model in `dir` intact.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * await saveModel(model, "models/mlp");
 * // in a browser: await tf.loadLayersModel("https://example.org/models/mlp/model.json")
 * ```
 */
export async function saveModel(
  model: tf.LayersModel,
  dir: string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  if (!model || typeof (model as tf.LayersModel).save !== "function") {
    throw new Error(
      `saveModel: the first argument must be a tfjs LayersModel (got ${typeof model}).`,
    );
  }
  await writeFolderAtomically(dir, await modelFiles(model), options);
}

/**
 * Load a model saved by {@link saveModel} (or by tfjs) from its folder, or
 * from the path of its `model.json`. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const model = await loadModel("models/mlp");
 * model.predict(tf.zeros([1, 28, 28, 1]));
 * ```
 */
export async function loadModel(dir: string): Promise<tf.LayersModel> {
  const folder = await readModelFolder(dir, "loadModel");
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: folder.json.modelTopology,
    format: folder.json.format,
    generatedBy: folder.json.generatedBy,
    convertedBy: folder.json.convertedBy,
    weightSpecs: folder.specs,
    weightData: folder.weights,
  };
  if (folder.json.trainingConfig != null) artifacts.trainingConfig = folder.json.trainingConfig;
  if (folder.json.userDefinedMetadata != null) {
    artifacts.userDefinedMetadata = folder.json.userDefinedMetadata;
  }
  try {
    return await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  } catch (e) {
    throw new Error(
      `loadModel: tfjs could not build a model from "${folder.dir}/${MODEL_JSON}" and its weights (${
        (e as Error).message
      }); the files do not belong together: save the model again.`,
    );
  }
}

/** Layer names to class names, from a saved topology (nested models included). */
function layerClasses(topology: unknown): Map<string, string> {
  const classes = new Map<string, string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const config = o.config as Record<string, unknown> | undefined;
    if (typeof o.class_name === "string" && config && typeof config.name === "string") {
      classes.set(config.name, o.class_name);
    }
    Object.values(o).forEach(visit);
  };
  visit(topology);
  return classes;
}

/** "dense_Dense1/kernel" -> ["dense_Dense1", "kernel"]. */
function splitName(name: string): [string, string] {
  const cut = name.lastIndexOf("/");
  return cut < 0 ? ["", name] : [name.slice(0, cut), name.slice(cut + 1)];
}

const shapeText = (shape: number[]) => `[${shape.join(", ")}]`;

/**
 * Load the weights saved in `dir` into `model`, a model built by code with
 * the same architecture (its layer names may differ: tfjs numbers them per
 * process). Checks every weight's layer kind, role and shape first and says
 * which layer does not fit. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const model = cnnModel({ seed: 1 });
 * await loadWeightsInto(model, "models/cnn"); // the trained weights, in a fresh model
 * ```
 */
export async function loadWeightsInto(model: tf.LayersModel, dir: string): Promise<void> {
  const folder = await readModelFolder(dir, "loadWeightsInto");
  const jsonPath = `${folder.dir}/${MODEL_JSON}`;
  const binPath = `${folder.dir}/${WEIGHTS_BIN}`;
  const savedClass = layerClasses(folder.json.modelTopology);
  const owner = new Map<tf.LayerVariable, tf.layers.Layer>();
  for (const layer of model.layers) for (const w of layer.weights) owner.set(w, layer);
  const targets = model.weights;
  const describe = (list: { layer: string; cls: string }[]) =>
    [...new Map(list.map((l) => [l.layer, `${l.layer} (${l.cls})`])).values()].join(", ");
  const saved = folder.specs.map((s) => {
    const [layer, role] = splitName(s.name);
    return { spec: s, layer, role, cls: savedClass.get(layer) ?? "?" };
  });
  const wanted = targets.map((w) => {
    const [layer, role] = splitName(w.originalName);
    const cls = owner.get(w)?.getClassName() ?? "?";
    return { w, layer: owner.get(w)?.name ?? layer, role, cls };
  });
  if (saved.length !== wanted.length) {
    throw new Error(
      `loadWeightsInto: "${jsonPath}" holds ${saved.length} weight tensors (layers ${
        describe(saved)
      }) but the model has ${wanted.length} (layers ${
        describe(wanted)
      }); build the model with the architecture it was saved with, or load the whole model with loadModel("${dir}").`,
    );
  }
  wanted.forEach((t, i) => {
    const s = saved[i];
    const sameName = t.w.originalName === s.spec.name;
    const where = `layer "${t.layer}" (${t.cls})`;
    if (!sameName && (t.role !== s.role || (s.cls !== "?" && t.cls !== s.cls))) {
      throw new Error(
        `loadWeightsInto: weight ${i} does not fit: the model's ${where} expects its ${t.role}, but "${jsonPath}" has "${s.spec.name}" of a ${s.cls} layer there; build the model with the architecture it was saved with, or load the whole model with loadModel("${dir}").`,
      );
    }
    if (shapeText(t.w.shape as number[]) !== shapeText(s.spec.shape)) {
      throw new Error(
        `loadWeightsInto: ${where} does not fit: its ${t.role} has shape ${
          shapeText(t.w.shape as number[])
        } in the model but ${
          shapeText(s.spec.shape)
        } in "${binPath}" (saved as "${s.spec.name}"); build the model with the sizes it was saved with (e.g. the same classes and image size), or load the whole model with loadModel("${dir}").`,
      );
    }
  });
  const named = tf.io.decodeWeights(folder.weights, folder.specs);
  const tensors = folder.specs.map((s) => named[s.name]);
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(Object.values(named));
  }
}
