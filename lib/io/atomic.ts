/**
 * Atomic folders: every file of a folder is written into a temporary sibling
 * (`<dir>.tmp`), synced to disk, and then swapped in with two renames
 * (`<dir>` to `<dir>.old`, `<dir>.tmp` to `<dir>`), so a crash at any moment
 * leaves the old folder or the new one whole, never a mix of the two: until
 * the new folder is renamed into place, recovery puts the old one back.
 *
 * @module
 */
import { dirname, normalize } from "node:path";

/**
 * The steps of {@link writeFolderAtomically}, in the order they happen:
 * "wrote" (one file, synced), "synced" (the temporary folder), "moved-aside"
 * (the old folder renamed to `<dir>.old`), "moved-in" (the new folder renamed
 * into place), "cleaned" (the old folder removed). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const step: AtomicStep = "moved-in";
 * ```
 */
export type AtomicStep = "wrote" | "synced" | "moved-aside" | "moved-in" | "cleaned";

/**
 * Options of {@link writeFolderAtomically}. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const options: AtomicWriteOptions = { onStep: (step, path) => console.log(step, path) };
 * ```
 */
export interface AtomicWriteOptions {
  /** Called after each step with the path it touched (to log progress, or to simulate a crash in a test by throwing). */
  onStep?: (step: AtomicStep, path: string) => void | Promise<void>;
}

/**
 * What {@link recoverFolder} found and did. Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * const outcome: Recovery = await recoverFolder("models/mlp"); // "intact" most of the time
 * ```
 */
export type Recovery =
  /** The folder was there (stale `.tmp`/`.old` leftovers, if any, were removed). */
  | "intact"
  /** A save stopped between its two renames; the previous folder, `<dir>.old`, was moved back into place. */
  | "restored"
  /** Only a half-written `<dir>.tmp` was left (the first save stopped); it was removed. */
  | "discarded"
  /** Nothing there at all. */
  | "absent";

/** `dir` without a trailing separator, so that `${dir}.tmp` is a sibling. */
function clean(dir: string): string {
  const n = normalize(dir);
  return n.length > 1 ? n.replace(/[\\/]+$/, "") : n;
}

/**
 * The temporary and the previous sibling of a folder: `<dir>.tmp`, `<dir>.old`.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * siblings("models/mlp/"); // { dir: "models/mlp", tmp: "models/mlp.tmp", old: "models/mlp.old" }
 * ```
 */
export function siblings(dir: string): { dir: string; tmp: string; old: string } {
  const d = clean(dir);
  return { dir: d, tmp: `${d}.tmp`, old: `${d}.old` };
}

async function kind(path: string): Promise<"dir" | "file" | "none"> {
  try {
    const info = await Deno.stat(path);
    return info.isDirectory ? "dir" : "file";
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return "none";
    throw e;
  }
}

async function removeIfThere(path: string): Promise<void> {
  try {
    await Deno.remove(path, { recursive: true });
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}

/** Flush a folder's entries (the renames) to disk; a no-op where the OS cannot (Windows). */
async function syncFolder(path: string): Promise<void> {
  let handle: Deno.FsFile | undefined;
  try {
    handle = await Deno.open(path, { read: true });
    await handle.sync();
  } catch {
    // best effort: some systems cannot open or sync a directory
  } finally {
    handle?.close();
  }
}

async function writeSynced(path: string, data: Uint8Array): Promise<void> {
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  try {
    let written = 0;
    while (written < data.length) written += await file.write(data.subarray(written));
    await file.sync();
  } finally {
    file.close();
  }
}

/**
 * Where a reader should look for `dir`'s contents without changing anything
 * on disk: `dir` itself, or, after a save that stopped between its renames,
 * `<dir>.old`, which {@link recoverFolder} would put back (null when there is
 * nothing whole to read). Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * await readableFolder("models/mlp"); // "models/mlp"
 * ```
 */
export async function readableFolder(dir: string): Promise<string | null> {
  const s = siblings(dir);
  const [d, old] = await Promise.all([kind(s.dir), kind(s.old)]);
  if (d === "dir") return s.dir;
  if (d === "none" && old === "dir") return s.old;
  return null;
}

/**
 * Finish or undo a save into `dir` that a crash interrupted, so that `dir`
 * holds the last whole version: run it before writing (every save does).
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * await recoverFolder("checkpoints/latest"); // "intact", "restored", "discarded" or "absent"
 * ```
 */
export async function recoverFolder(dir: string): Promise<Recovery> {
  const s = siblings(dir);
  const [d, tmp, old] = await Promise.all([kind(s.dir), kind(s.tmp), kind(s.old)]);
  if (d === "file") {
    throw new Error(
      `recoverFolder: "${s.dir}" is a file, not a folder; pass the path of a folder (it will hold model.json and weights.bin).`,
    );
  }
  if (d === "dir") {
    // A whole folder is in place: anything beside it is a leftover.
    if (old !== "none") await removeIfThere(s.old);
    if (tmp !== "none") await removeIfThere(s.tmp);
    return "intact";
  }
  if (old === "dir") {
    // The save stopped between its renames: roll back to the previous version.
    await Deno.rename(s.old, s.dir);
    await syncFolder(dirname(s.dir));
    if (tmp !== "none") await removeIfThere(s.tmp);
    return "restored";
  }
  if (tmp !== "none") {
    await removeIfThere(s.tmp);
    return "discarded";
  }
  return "absent";
}

/**
 * Replace the folder `dir` by one holding exactly `files` (name to bytes or
 * text), atomically: a crash at any point leaves either the previous folder or
 * the new one, whole, and the next write or {@link recoverFolder} tidies up.
 * Introduced in 04_ocr_training.
 *
 * @example
 * ```ts
 * await writeFolderAtomically("runs/1", { "notes.txt": "first try", "data.bin": new Uint8Array([1, 2]) });
 * ```
 */
export async function writeFolderAtomically(
  dir: string,
  files: Record<string, Uint8Array | string>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const s = siblings(dir);
  const step = options.onStep ?? (() => {});
  for (const name of Object.keys(files)) {
    if (name === "" || /[\\/]/.test(name) || name === "." || name === "..") {
      throw new Error(
        `writeFolderAtomically: "${name}" is not a plain file name; files go straight into "${s.dir}".`,
      );
    }
  }
  await Deno.mkdir(dirname(s.dir), { recursive: true });
  await recoverFolder(s.dir);
  await removeIfThere(s.tmp);
  await Deno.mkdir(s.tmp);
  const encoder = new TextEncoder();
  for (const [name, content] of Object.entries(files)) {
    const path = `${s.tmp}/${name}`;
    await writeSynced(path, typeof content === "string" ? encoder.encode(content) : content);
    await step("wrote", path);
  }
  await syncFolder(s.tmp);
  await step("synced", s.tmp);
  const hadOld = (await kind(s.dir)) === "dir";
  if (hadOld) {
    await Deno.rename(s.dir, s.old);
    await step("moved-aside", s.old);
  }
  await Deno.rename(s.tmp, s.dir);
  await syncFolder(dirname(s.dir));
  await step("moved-in", s.dir);
  if (hadOld) {
    await removeIfThere(s.old);
    await step("cleaned", s.old);
  }
}
