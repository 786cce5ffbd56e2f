/**
 * `deno run -A tools/setup.ts test|journal`: what a fresh machine needs
 * beyond the npm packages. The tests and the journal draw printed characters
 * with Debian's font files; the journal also needs Jupyter (see journal.ts).
 *
 * @module
 */
import { HELD_OUT_FONTS, TRAINING_FONTS } from "../lib/ocr/fonts.ts";
import { ensureApt, runCli } from "./jupyter.ts";

/** Install the font packages the OCR chapters draw characters with, unless every file is there. */
export async function ensureFonts(): Promise<void> {
  const faces = [...TRAINING_FONTS, ...HELD_OUT_FONTS];
  const packages = [...new Set(faces.map((f) => f.package))].sort();
  const present = () =>
    Promise.resolve(faces.every((f) => {
      try {
        return Deno.statSync(f.file).isFile;
      } catch {
        return false;
      }
    }));
  await ensureApt(packages, present, "The fonts the OCR chapters draw with are");
}

if (import.meta.main) await runCli(ensureFonts);
