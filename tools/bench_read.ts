/**
 * How long reading one photo takes once the model is loaded (the issue's
 * goal: at most 200 ms), measured, never asserted: `benchReading()` for
 * `tools/bench.ts`, or `deno run -A tools/bench_read.ts` to print it.
 *
 * @module
 */
import { tf } from "../lib/backend/mod.ts";
import { loadReader, type ReaderKind, readImage, segment, toGreyImage } from "../lib/ocr/mod.ts";

const root = new URL("..", import.meta.url).pathname;

/**
 * What {@link benchReading} measured, in milliseconds (medians over the runs). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { msPerPhoto, decodeMs, segmentMs, modelMs }: ReadingBench = await benchReading();
 * ```
 */
export interface ReadingBench {
  /** Reading the photo file end to end: read, decode, grey, segment, model. */
  msPerPhoto: number;
  /** The slowest run. */
  msWorst: number;
  /** The parts: decoding the file to grey, segmenting, the model on the batch. */
  decodeMs: number;
  segmentMs: number;
  modelMs: number;
  /** Loading the reader (model and classes) once, before the runs. */
  loadMs: number;
  photo: string;
  width: number;
  height: number;
  characters: number;
  runs: number;
  backend: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Time reading one photo (by default the shipped `data/ocr/photo_printed.jpg`,
 * 46 characters) with a loaded reader: two warm-up reads, then `runs` timed ones.
 * Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { msPerPhoto } = await benchReading({ runs: 10 }); // about 35 ms on the wasm backend
 * ```
 */
export async function benchReading(
  options: { photo?: string; kind?: ReaderKind; runs?: number } = {},
): Promise<ReadingBench> {
  const { photo = `${root}data/ocr/photo_printed.jpg`, kind = "printed", runs = 20 } = options;
  const t0 = performance.now();
  const reader = await loadReader(kind);
  const loadMs = performance.now() - t0;
  const total: number[] = [], decode: number[] = [], seg: number[] = [], model: number[] = [];
  let characters = 0, width = 0, height = 0;
  for (let r = 0; r < runs + 2; r++) {
    const a = performance.now();
    const reading = await readImage(photo, reader);
    const b = performance.now();
    const grey = await toGreyImage(photo);
    const c = performance.now();
    const s = segment(grey);
    const d = performance.now();
    tf.tidy(() => {
      const n = s.characters.length;
      return (reader.model.predict(tf.tensor4d(s.crops, [n, 28, 28, 1])) as tf.Tensor).dataSync();
    });
    const e = performance.now();
    if (r < 2) continue;
    total.push(b - a), decode.push(c - b), seg.push(d - c), model.push(e - d);
    characters = reading.characters.length, width = reading.width, height = reading.height;
  }
  reader.model.dispose();
  return {
    msPerPhoto: median(total),
    msWorst: Math.max(...total),
    decodeMs: median(decode),
    segmentMs: median(seg),
    modelMs: median(model),
    loadMs,
    photo: photo.replace(root, ""),
    width,
    height,
    characters,
    runs,
    backend: tf.getBackend(),
  };
}

if (import.meta.main) console.log(JSON.stringify(await benchReading(), null, 2));
