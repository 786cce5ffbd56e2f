/**
 * The tfjs model format on disk, as `tf.loadLayersModel` reads it in a browser:
 * `model.json` (the topology and a weights manifest) next to `weights.bin`
 * (every weight's float32 values, one after another, little-endian).
 *
 * @module
 */
import { tf } from "../backend/mod.ts";
import { readableFolder, siblings } from "./atomic.ts";

/**
 * Name of the topology file in a model folder. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * JSON.parse(await Deno.readTextFile(`models/mlp/${MODEL_JSON}`)).format; // "layers-model"
 * ```
 */
export const MODEL_JSON = "model.json";
/**
 * Name of the weights file in a model folder written by {@link modelFiles}. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * (await Deno.stat(`models/mlp/${WEIGHTS_BIN}`)).size; // 4 bytes per parameter
 * ```
 */
export const WEIGHTS_BIN = "weights.bin";

const BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  uint16: 2,
  float16: 2,
  complex64: 8,
};

/**
 * The bytes a weights manifest's entries take in the weights files (null when
 * a string weight makes it unknowable in advance). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * weightBytes([{ name: "dense/kernel", shape: [784, 128], dtype: "float32" }]); // 401408
 * ```
 */
export function weightBytes(specs: tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    const bytes = BYTES[dtype];
    if (bytes === undefined) return null;
    total += size * bytes;
  }
  return total;
}

/**
 * A model's artifacts (topology, weight specs, weight data), exactly as
 * `model.save` hands them to an IO handler. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const artifacts = await modelArtifacts(mlpModel());
 * artifacts.format; // "layers-model"
 * ```
 */
export async function modelArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler((artifacts) => {
    captured = artifacts;
    return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) });
  }));
  if (!captured) throw new Error("modelArtifacts: tfjs saved nothing; is this a tfjs LayersModel?");
  return captured;
}

/**
 * The two files of a saved model, `model.json` and `weights.bin`, in tfjs's
 * own layout (the one `tf.loadLayersModel` reads from a URL or `file://`).
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const files = await modelFiles(model);
 * JSON.parse(new TextDecoder().decode(files["model.json"])).weightsManifest[0].paths; // ["weights.bin"]
 * ```
 */
export async function modelFiles(model: tf.LayersModel): Promise<Record<string, Uint8Array>> {
  const artifacts = await modelArtifacts(model);
  const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []));
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format ?? "layers-model",
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig != null) json.trainingConfig = artifacts.trainingConfig;
  if (artifacts.userDefinedMetadata != null) {
    json.userDefinedMetadata = artifacts.userDefinedMetadata;
  }
  if (artifacts.signature != null) json.signature = artifacts.signature;
  return {
    [MODEL_JSON]: new TextEncoder().encode(JSON.stringify(json)),
    [WEIGHTS_BIN]: weights,
  };
}

/**
 * A model folder read from disk and checked: its parsed `model.json`, the
 * weight specs in order, and all weight bytes. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const { json, specs, weights } = await readModelFolder("models/mlp", "loadModel");
 * ```
 */
export interface ModelFolder {
  /** The folder the files were read from. */
  dir: string;
  /** The parsed `model.json`. */
  json: tf.io.ModelJSON;
  /** Every weight's name, shape and dtype, in file order. */
  specs: tf.io.WeightsManifestEntry[];
  /** The weights files' bytes, concatenated in manifest order. */
  weights: ArrayBuffer;
}

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

async function listing(dir: string): Promise<string> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  } catch { /* unreadable: say nothing more */ }
  return names.length ? names.sort().join(", ") : "nothing";
}

/**
 * Read and check a model folder written by {@link modelFiles} (or by tfjs
 * itself): every problem becomes an error that names the file and the fix.
 * `who` names the caller in the messages. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const folder = await readModelFolder("models/mlp", "loadModel");
 * folder.specs.length; // 4 for an MLP with one hidden layer
 * ```
 */
export async function readModelFolder(path: string, who: string): Promise<ModelFolder> {
  let given = siblings(path).dir;
  try {
    const info = await Deno.stat(given);
    if (info.isFile && given.endsWith(MODEL_JSON)) {
      given = siblings(given.slice(0, -MODEL_JSON.length) || ".").dir;
    }
  } catch { /* missing: handled below */ }
  const dir = await readableFolder(given);
  if (dir === null) {
    const s = siblings(given);
    const interrupted = await Deno.stat(s.tmp).then(() => true, () => false);
    throw new Error(
      interrupted
        ? `${who}: no model in "${given}": the first save into it stopped before it finished ("${s.tmp}" is incomplete); save the model again.`
        : `${who}: no model folder at "${given}"; save one with saveModel(model, "${given}") first, or check the path.`,
    );
  }
  const jsonPath = `${dir}/${MODEL_JSON}`;
  const raw = await readOrNull(jsonPath);
  if (raw === null) {
    throw new Error(
      `${who}: "${jsonPath}" is missing (the folder holds ${await listing(
        dir,
      )}); point ${who} at a folder written by saveModel, with model.json and weights.bin.`,
    );
  }
  let json: tf.io.ModelJSON;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch (e) {
    throw new Error(
      `${who}: "${jsonPath}" is not valid JSON (${
        (e as Error).message
      }); it was probably half-written or damaged: save the model again or restore the file.`,
    );
  }
  if (json === null || typeof json !== "object" || json.modelTopology == null) {
    throw new Error(
      `${who}: "${jsonPath}" has no modelTopology, so it is not a tfjs model.json; save the model with saveModel (or model.save) to get one.`,
    );
  }
  if (json.format !== undefined && json.format !== "layers-model") {
    throw new Error(
      `${who}: "${jsonPath}" holds a ${json.format}, not a layers-model; load graph models with tf.loadGraphModel instead.`,
    );
  }
  const manifest = json.weightsManifest ?? [];
  if (
    !Array.isArray(manifest) ||
    manifest.some((g) => !Array.isArray(g?.paths) || !Array.isArray(g?.weights))
  ) {
    throw new Error(
      `${who}: "${jsonPath}" has a weightsManifest that is not a list of { paths, weights } groups; save the model again.`,
    );
  }
  const specs = manifest.flatMap((g) => g.weights);
  const parts: Uint8Array[] = [];
  for (const group of manifest) {
    for (const p of group.paths) {
      const file = `${dir}/${p.replace(/^\.\//, "")}`;
      const bytes = await readOrNull(file);
      if (bytes === null) {
        throw new Error(
          `${who}: "${file}" is missing (model.json lists it in weightsManifest); copy it next to model.json, or save the model again.`,
        );
      }
      parts.push(bytes);
    }
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const expected = weightBytes(specs);
  const files = manifest.flatMap((g) => g.paths).map((p) => `"${dir}/${p.replace(/^\.\//, "")}"`);
  if (expected !== null && expected !== total) {
    throw new Error(
      `${who}: ${files.join(" + ")} ${
        files.length === 1 ? "holds" : "hold"
      } ${total} bytes but "${jsonPath}" lists ${specs.length} weights taking ${expected} bytes; the weights were cut short or belong to another model: copy model.json and its weights together, or save the model again.`,
    );
  }
  const weights = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    weights.set(p, offset);
    offset += p.length;
  }
  return { dir, json, specs, weights: weights.buffer };
}
