/**
 * `deno run -A tools/setup.ts test|journal`: what a fresh machine needs
 * beyond the npm packages. The tests and the journal draw printed characters
 * with Debian's font files; the journal also needs Jupyter (see journal.ts);
 * training builds its native kernels with gcc against Debian's OpenBLAS;
 * the webcam page's test drives Debian's Chromium (`test` installs it where
 * it can, and the test is skipped, saying why, where it cannot).
 *
 * @module
 */
import { HELD_OUT_FONTS, TRAINING_FONTS } from "../lib/ocr/fonts.ts";
import { canApt, ensureApt, runCli } from "./jupyter.ts";
import { loadNative } from "../lib/backend/native.ts";

/**
 * Make the native kernels buildable: gcc and Debian's OpenBLAS, installed as
 * root on Debian. Elsewhere the journal runs on plain wasm, and this says how
 * to turn them on. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * await ensureNative();
 * ```
 */
export async function ensureNative(): Promise<void> {
  const status = loadNative();
  if (status.loaded || Deno.env.get("JOURNAL_NATIVE") === "0") return;
  if (!canApt()) {
    console.log(
      `setup: no native kernels (${status.reason}); training runs on plain wasm, several ` +
        "times slower. To have them: sudo apt-get install -y gcc libc6-dev libopenblas0-pthread",
    );
    return;
  }
  await ensureApt(
    ["gcc", "libc6-dev", "libopenblas0-pthread"],
    () => Promise.resolve(loadNative().loaded),
    "gcc and OpenBLAS, for the native kernels, are",
  );
}

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

/**
 * Where Debian's `chromium` package puts the browser the webcam test drives. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * await chromium.launch({ executablePath: CHROMIUM });
 * ```
 */
export const CHROMIUM = "/usr/bin/chromium";

/** Whether Debian's Chromium is installed. */
function chromiumPresent(): Promise<boolean> {
  try {
    return Promise.resolve(Deno.statSync(CHROMIUM).isFile);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Install Debian's Chromium for the webcam page's test unless it is there
 * (as root on Debian, with apt-get); never downloads a browser of its own.
 * Returns the browser's path, or the reason it cannot be had. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const chromium = await ensureChromium();
 * if ("reason" in chromium) console.log(`skipping: ${chromium.reason}`);
 * ```
 */
export async function ensureChromium(): Promise<{ path: string } | { reason: string }> {
  if (await chromiumPresent()) return { path: CHROMIUM };
  if (!canApt()) {
    return {
      reason: `${CHROMIUM} is missing and this process cannot install it (it needs root on ` +
        "Debian): `sudo apt-get install -y --no-install-recommends chromium`",
    };
  }
  await ensureApt(["chromium"], chromiumPresent, "Chromium (for the webcam page's test) is");
  return { path: CHROMIUM };
}

if (import.meta.main) {
  await runCli(async () => {
    await ensureFonts();
    await ensureNative();
    if (Deno.args.includes("test")) {
      const chromium = await ensureChromium();
      if ("reason" in chromium) {
        console.log(`setup: the webcam test will be skipped: ${chromium.reason}`);
      }
    }
  });
}
