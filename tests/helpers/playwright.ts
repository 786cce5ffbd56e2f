/**
 * playwright-core, loaded under the test task's permissions. At import it
 * asks `fs.existsSync("/proc/sys/fs/binfmt_misc/WSLInterop")` (is this WSL?);
 * Node answers false, but Deno throws NotCapable for /proc/sys without
 * --allow-all, which the test task does not grant. So for the length of the
 * import, existsSync answers false on a permission error, as Node would.
 *
 * @module
 */
import fs from "node:fs";

/**
 * Import playwright-core with Node's never-throwing `existsSync` (see the module note). Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * const { chromium } = await importPlaywright();
 * const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
 * ```
 */
export async function importPlaywright(): Promise<typeof import("playwright-core")> {
  const original = fs.existsSync;
  fs.existsSync = (path: fs.PathLike) => {
    try {
      return original(path);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) return false;
      throw e;
    }
  };
  try {
    return await import("playwright-core");
  } finally {
    fs.existsSync = original;
  }
}
