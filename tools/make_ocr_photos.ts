/**
 * `deno run -A tools/make_ocr_photos.ts [--out DIR]`: make the photo-like
 * test images of chapter 5 again, with `truth.json` (the call that made each,
 * its size, text and every character's box), into `data/ocr/` or `--out`.
 * Seeded: on the same fonts and canvas version the files come out the same.
 *
 * @module
 */
import { loadMnist } from "../lib/data/mod.ts";
import {
  colourPhotoJpeg,
  encodeJpeg,
  HELD_OUT_FONTS,
  type Photo,
  photoOfDigits,
  photoOfText,
} from "../lib/ocr/mod.ts";
import { runCli } from "./jupyter.ts";

const root = new URL("..", import.meta.url).pathname;

/**
 * Every photo: file name, the call written into truth.json, and how it is made. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const [photo, jpeg] = await PHOTOS[0].make(); // photo_printed.jpg and its truth
 * ```
 */
export const PHOTOS: { file: string; made: string; make: () => Promise<[Photo, Uint8Array]> }[] = [
  {
    file: "photo_printed.jpg",
    made:
      'photoOfText(["HELLO WORLD 42","OCR READS 0123456789","THE QUICK BROWN FOX"], HELD_OUT_FONTS[4] /* Noto Sans */, { seed: 2024 })',
    make: async () => {
      const lines = ["HELLO WORLD 42", "OCR READS 0123456789", "THE QUICK BROWN FOX"];
      const p = photoOfText(lines, HELD_OUT_FONTS[4], { seed: 2024 });
      return [p, await encodeJpeg(p.image, 92)];
    },
  },
  {
    file: "photo_board.jpg",
    made:
      'photoOfText(["CHALK 2025", "ON A BOARD"], HELD_OUT_FONTS[0] /* Liberation Sans */, { seed: 2026, invert: true })',
    make: async () => {
      const p = photoOfText(["CHALK 2025", "ON A BOARD"], HELD_OUT_FONTS[0], {
        seed: 2026,
        invert: true,
      });
      return [p, await encodeJpeg(p.image, 92)];
    },
  },
  {
    file: "photo_digits.jpg",
    made:
      "photoOfDigits(loadMnist({ seed: 42 }).test, [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]], { seed: 2025 })",
    make: async () => {
      const { test } = loadMnist({ seed: 42 });
      const lines = [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]];
      const p = photoOfDigits(test, lines, { seed: 2025 });
      return [p, await encodeJpeg(p.image, 92)];
    },
  },
  {
    file: "photo_colour.jpg",
    made:
      'colourPhotoJpeg(photoOfText(["2 FLAT WHITES", "1 ESPRESSO", "TOTAL 9 EUR"], HELD_OUT_FONTS[5] /* Noto Sans Bold */, { seed: 2027, perspective: 0.05, lighting: 0.6 }).image)',
    make: async () => {
      const lines = ["2 FLAT WHITES", "1 ESPRESSO", "TOTAL 9 EUR"];
      const p = photoOfText(lines, HELD_OUT_FONTS[5], {
        seed: 2027,
        perspective: 0.05,
        lighting: 0.6,
      });
      return [p, await colourPhotoJpeg(p.image)];
    },
  },
];

async function main() {
  const i = Deno.args.indexOf("--out");
  const out = i >= 0 ? Deno.args[i + 1] : `${root}data/ocr`;
  await Deno.mkdir(out, { recursive: true });
  const truth: Record<string, unknown> = {};
  for (const { file, made, make } of PHOTOS) {
    const [p, bytes] = await make();
    await Deno.writeFile(`${out}/${file}`, bytes);
    truth[file] = {
      made,
      width: p.image.width,
      height: p.image.height,
      text: p.text,
      characters: p.truth.map((t) => ({
        char: t.char,
        line: t.line,
        box: [t.box.x, t.box.y, t.box.width, t.box.height],
      })),
    };
    console.log(`make_ocr_photos: ${out}/${file} (${p.image.width}x${p.image.height})`);
  }
  await Deno.writeTextFile(`${out}/truth.json`, JSON.stringify(truth) + "\n");
  // Laid out as `deno fmt` keeps it in the repository.
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "-q", `${out}/truth.json`] }).output();
}

if (import.meta.main) await runCli(main);
