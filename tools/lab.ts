/**
 * `deno task lab`: open the notebooks in Jupyter with the Deno kernel installed.
 *
 * @module
 */
import { ensureJupyter, ensureKernel, runCli, sh } from "./jupyter.ts";

const notebooks = new URL("../notebooks", import.meta.url).pathname;

async function main() {
  await ensureJupyter();
  await ensureKernel();
  for (const app of ["lab", "notebook"]) {
    const probe = await sh("/usr/bin/jupyter", [app, "--version"]);
    if (probe.code !== 0) continue;
    console.log(`lab: starting jupyter ${app} in ${notebooks}`);
    const r = await sh("/usr/bin/jupyter", [app, `--notebook-dir=${notebooks}`], { inherit: true });
    Deno.exit(r.code);
  }
  throw new Error(
    "lab: no Jupyter front end found. Install one with `apt-get install -y jupyter-notebook` " +
      "(Debian) or `/usr/bin/python3 -m pip install jupyterlab`, then run `deno task lab` again. " +
      "VS Code's Jupyter extension also runs the notebooks with the Deno kernel.",
  );
}

if (import.meta.main) await runCli(main);
