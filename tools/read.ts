/**
 * `deno task read <image> [--model digits|printed] [--json]`: read the text
 * in an image file (PNG, JPEG, GIF or BMP) and print it; with `--json`, print
 * the text with every character's box, line and confidence as JSON. The
 * printed-character reader is the default. Exits 1 with a message saying
 * what was wrong (no such file, not an image, no characters found).
 *
 * @module
 */
import { loadReader, type ReaderKind, readImage } from "../lib/ocr/mod.ts";
import { runCli } from "./jupyter.ts";

const USAGE = "usage: deno task read <image> [--model digits|printed] [--json]";

/**
 * The command line of `deno task read`, checked; a clear error for anything else. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * parseReadArgs(["photo.jpg", "--model", "digits"]); // { image: "photo.jpg", kind: "digits", json: false }
 * ```
 */
export function parseReadArgs(args: string[]): { image: string; kind: ReaderKind; json: boolean } {
  let image: string | undefined, kind: ReaderKind = "printed", json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") continue;
    if (a === "--json") json = true;
    else if (a === "--model") {
      const m = args[++i];
      if (m !== "digits" && m !== "printed") {
        throw new Error(
          `read: --model must be digits or printed, got ${m ?? "nothing"}.\n${USAGE}`,
        );
      }
      kind = m;
    } else if (a === "--help" || a === "-h") throw new Error(USAGE);
    else if (a.startsWith("--")) throw new Error(`read: unknown option ${a}.\n${USAGE}`);
    else if (image === undefined) image = a;
    else throw new Error(`read: one image at a time (got ${image} and ${a}).\n${USAGE}`);
  }
  if (image === undefined) throw new Error(`read: which image? ${USAGE}`);
  return { image, kind, json };
}

async function main() {
  const { image, kind, json } = parseReadArgs(Deno.args);
  const reader = await loadReader(kind);
  const reading = await readImage(image, reader);
  if (!json) {
    console.log(reading.text);
    return;
  }
  const round = (x: number) => Number(x.toPrecision(4));
  const head = { image, model: kind, width: reading.width, height: reading.height };
  const characters = reading.characters.map((c) =>
    JSON.stringify({
      char: c.char,
      confidence: round(c.confidence),
      line: c.line,
      box: [c.box.x, c.box.y, c.box.width, c.box.height],
      runnerUp: { char: c.runnerUp.char, confidence: round(c.runnerUp.confidence) },
    })
  );
  // One character a line: readable, and still one JSON document.
  console.log(
    `${JSON.stringify({ ...head, text: reading.text }).slice(0, -1)},"characters":[\n  ` +
      `${characters.join(",\n  ")}\n]}`,
  );
}

if (import.meta.main) await runCli(main);
