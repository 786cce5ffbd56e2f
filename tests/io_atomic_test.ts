import assert from "node:assert/strict";
import {
  type AtomicStep,
  readableFolder,
  recoverFolder,
  siblings,
  writeFolderAtomically,
} from "../lib/io/mod.ts";

/** The files of a folder as { name: text }, or null when the folder is not there. */
async function contents(dir: string): Promise<Record<string, string> | null> {
  try {
    const out: Record<string, string> = {};
    for await (const e of Deno.readDir(dir)) {
      out[e.name] = await Deno.readTextFile(`${dir}/${e.name}`);
    }
    return out;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

async function entries(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

const OLD = { "a.txt": "old a", "b.txt": "old b" };
const NEW = { "a.txt": "new a", "c.txt": "new c" };

/** Write OLD, then start writing NEW and crash (throw) right after `step`. */
async function crashAfter(step: AtomicStep): Promise<{ root: string; dir: string }> {
  const root = await Deno.makeTempDir();
  const dir = `${root}/model`;
  await writeFolderAtomically(dir, OLD);
  await assert.rejects(
    writeFolderAtomically(dir, NEW, {
      onStep: (s) => {
        if (s === step) throw new Error(`crash after ${s}`);
      },
    }),
    new RegExp(`crash after ${step}`),
  );
  return { root, dir };
}

Deno.test("an atomic write leaves exactly the given files, and nothing beside the folder", async () => {
  const root = await Deno.makeTempDir();
  const steps: AtomicStep[] = [];
  await writeFolderAtomically(`${root}/model/`, OLD);
  await writeFolderAtomically(`${root}/model`, NEW, { onStep: (s) => void steps.push(s) });
  assert.deepEqual(await contents(`${root}/model`), NEW, "b.txt of the old version is gone");
  assert.deepEqual(await entries(root), ["model"]);
  assert.deepEqual(steps, ["wrote", "wrote", "synced", "moved-aside", "moved-in", "cleaned"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("a crash after the first new file leaves the previous folder as it was", async () => {
  const { root, dir } = await crashAfter("wrote");
  assert.deepEqual(await contents(dir), OLD);
  assert.equal(await readableFolder(dir), dir);
  assert.equal(await recoverFolder(dir), "intact");
  assert.deepEqual(await entries(root), ["model"], "the half-written model.tmp is cleared");
  await Deno.remove(root, { recursive: true });
});

Deno.test("a crash between the two renames: readers see the previous folder, recovery puts it back", async () => {
  const { root, dir } = await crashAfter("moved-aside");
  assert.equal(await contents(dir), null, "the folder itself is momentarily gone");
  assert.equal(await readableFolder(dir), siblings(dir).old);
  assert.deepEqual(await contents(siblings(dir).old), OLD);
  assert.equal(await recoverFolder(dir), "restored");
  assert.deepEqual(await contents(dir), OLD);
  assert.deepEqual(await entries(root), ["model"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("a crash once the new folder is in place keeps the new one and clears the old", async () => {
  const { root, dir } = await crashAfter("moved-in");
  assert.deepEqual(await contents(dir), NEW);
  assert.equal(await recoverFolder(dir), "intact");
  assert.deepEqual(await entries(root), ["model"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("a first save that crashed leaves nothing to read, and recovery discards it", async () => {
  const root = await Deno.makeTempDir();
  const dir = `${root}/model`;
  await assert.rejects(
    writeFolderAtomically(dir, NEW, {
      onStep: () => {
        throw new Error("crash");
      },
    }),
    /crash/,
  );
  assert.equal(await readableFolder(dir), null);
  assert.equal(await recoverFolder(dir), "discarded");
  assert.equal(await recoverFolder(dir), "absent");
  assert.deepEqual(await entries(root), []);
  await Deno.remove(root, { recursive: true });
});

Deno.test("a file where the folder should be, or a file name with a slash, gets an error that says what to do", async () => {
  const root = await Deno.makeTempDir();
  await Deno.writeTextFile(`${root}/model`, "not a folder");
  await assert.rejects(
    writeFolderAtomically(`${root}/model`, OLD),
    /"[^"]*model" is a file, not a folder; pass the path of a folder/,
  );
  await assert.rejects(
    writeFolderAtomically(`${root}/other`, { "sub/a.txt": "x" }),
    /"sub\/a.txt" is not a plain file name/,
  );
  await Deno.remove(root, { recursive: true });
});
