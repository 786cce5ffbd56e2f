import assert from "node:assert/strict";
import { jupyterAvailable } from "../tools/jupyter.ts";

const journal = new URL("../tools/journal.ts", import.meta.url).pathname;
// Runs the real Deno kernel; where Jupyter is neither installed nor installable
// (not root on Debian) there is nothing to run it with.
const ignore = !(await jupyterAvailable());

function notebook(cells: [string, string][]) {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: cells.map(([type, source]) => ({
      cell_type: type,
      metadata: {},
      source,
      ...(type === "code" ? { outputs: [], execution_count: null } : {}),
    })),
  });
}

async function runJournal(dir: string, ...names: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", journal, "--notebooks", dir, "--out", `${dir}/out`, ...names],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, text: dec.decode(out.stdout) + dec.decode(out.stderr) };
}

Deno.test({
  name:
    "the journal stores every output and an offline HTML page, and stops at a broken cell naming it",
  ignore,
  async fn() {
    const dir = await Deno.makeTempDir();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>';
    await Deno.writeTextFile(
      `${dir}/01_ok.ipynb`,
      notebook([
        ["markdown", "# A chapter that works"],
        ["code", 'console.log("hello from the kernel");\n6 * 7'],
        ["code", `({ [Symbol.for("Jupyter.display")]: () => ({ "image/svg+xml": '${svg}' }) })`],
      ]),
    );
    const broken = notebook([
      ["markdown", "# Broken on purpose"],
      ["code", "1 + 1"],
      ["code", 'throw new Error("broken on purpose")'],
    ]);
    await Deno.writeTextFile(`${dir}/02_broken.ipynb`, broken);

    const ok = await runJournal(dir, "01_ok.ipynb");
    assert.equal(ok.code, 0, ok.text);
    assert.match(ok.text, /01_ok\.ipynb done in [\d.]+ s/);
    const cells = JSON.parse(await Deno.readTextFile(`${dir}/01_ok.ipynb`)).cells;
    const outputs = cells[1].outputs.map((o: { output_type: string }) => o.output_type);
    assert.deepEqual(outputs, ["stream", "execute_result"]);
    assert.equal(cells[1].outputs[1].data["text/plain"].toString(), "42");
    assert.ok("image/svg+xml" in cells[2].outputs[0].data, "the figure is stored as image/svg+xml");
    const page = await Deno.readTextFile(`${dir}/out/01_ok.html`);
    assert.match(page, /<svg[^>]*><rect/);
    assert.doesNotMatch(page, /<(script|link)[^>]+(src|href)="https?:/);
    assert.match(
      await Deno.readTextFile(`${dir}/out/index.html`),
      /<a href="01_ok.html">A chapter that works<\/a>/,
    );

    const failed = await runJournal(dir);
    assert.notEqual(failed.code, 0);
    assert.match(
      failed.text,
      /FAILED .* in 02_broken\.ipynb, code cell 2 \(cell 3 of the notebook\): Error: broken on purpose/,
    );
    assert.equal(
      await Deno.readTextFile(`${dir}/02_broken.ipynb`),
      broken,
      "a failed run leaves the notebook as it was",
    );
    await Deno.remove(dir, { recursive: true });
  },
});
