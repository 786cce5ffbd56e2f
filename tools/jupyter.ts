/**
 * Setting up Jupyter for the journal: Debian's nbclient/nbconvert and the
 * Deno kernelspec. Shared by `deno task journal` and `deno task lab`.
 *
 * @module
 */

/** The Python that has Jupyter on Debian (the first python3 on PATH may not). */
export const PYTHON = "/usr/bin/python3";
/** Debian packages the journal needs. */
export const APT_PACKAGES = [
  "jupyter-nbconvert",
  "python3-nbclient",
  "jupyter-core",
  "jupyter-client",
];

/** Run a command, returning its exit code and text output. */
export async function sh(
  cmd: string,
  args: string[],
  options: { env?: Record<string, string>; inherit?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const out = await new Deno.Command(cmd, {
      args,
      env: options.env,
      stdout: options.inherit ? "inherit" : "piped",
      stderr: options.inherit ? "inherit" : "piped",
    }).output();
    const dec = new TextDecoder();
    return {
      code: out.code,
      stdout: options.inherit ? "" : dec.decode(out.stdout),
      stderr: options.inherit ? "" : dec.decode(out.stderr),
    };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      return { code: 127, stdout: "", stderr: `${cmd}: not found` };
    }
    throw e;
  }
}

async function hasJupyterPython(): Promise<boolean> {
  const r = await sh(PYTHON, ["-c", "import nbclient, nbconvert, nbformat, jupyter_client"]);
  return r.code === 0;
}

/** Whether this machine can run the journal's Jupyter tools, or could install them itself. */
export async function jupyterAvailable(): Promise<boolean> {
  return await hasJupyterPython() || canApt();
}

/**
 * Whether this process can install Debian packages itself: root, on Debian, with apt-get. Introduced in 05_ocr_reading.
 *
 * @example
 * ```ts
 * if (!canApt()) console.log("install Chromium by hand: sudo apt-get install chromium");
 * ```
 */
export function canApt(): boolean {
  try {
    Deno.statSync("/etc/debian_version");
    Deno.statSync("/usr/bin/apt-get");
    return Deno.uid() === 0;
  } catch {
    return false;
  }
}

/**
 * Install Debian packages when `present()` says something is missing: as root
 * on Debian with apt-get, otherwise an error naming the exact command.
 */
export async function ensureApt(
  packages: string[],
  present: () => Promise<boolean>,
  what: string,
): Promise<void> {
  if (await present()) return;
  const command = `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  if (!canApt()) {
    throw new Error(
      `${what} missing. Install with:  sudo apt-get update && sudo ${command}\nthen run this again.`,
    );
  }
  console.log(`setup: installing ${what} from Debian: ${command}`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  let r = await sh("apt-get", ["update", "-qq"], { env });
  if (r.code !== 0) throw new Error(`apt-get update failed:\n${r.stderr}`);
  r = await sh("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    env,
  });
  if (r.code !== 0) throw new Error(`${command} failed:\n${r.stderr}`);
  if (!await present()) {
    throw new Error(`Installed ${packages.join(", ")} but ${what} still missing.`);
  }
}

/** Install Jupyter's Python side from Debian when missing (root on Debian), else explain how. */
export async function ensureJupyter(): Promise<void> {
  await ensureApt(
    APT_PACKAGES,
    hasJupyterPython,
    `Jupyter's Python tools (nbclient, nbconvert for ${PYTHON}) are`,
  );
}

/** Install the Deno kernelspec unless one already points at this deno binary. */
export async function ensureKernel(): Promise<void> {
  const deno = Deno.execPath();
  const r = await sh(PYTHON, ["-m", "jupyter_client.kernelspecapp", "list", "--json"]);
  if (r.code === 0) {
    try {
      const specs = JSON.parse(r.stdout).kernelspecs ?? {};
      const current = specs.deno?.spec?.argv?.[0];
      if (current && Deno.realPathSync(current) === Deno.realPathSync(deno)) return;
    } catch { /* fall through and reinstall */ }
  }
  console.log(`setup: installing the Deno Jupyter kernel (${deno} jupyter --install)`);
  const inst = await sh(deno, ["jupyter", "--install", "--force"]);
  if (inst.code !== 0) throw new Error(`deno jupyter --install failed:\n${inst.stderr}`);
}

/** Run a CLI's main: its errors print as plain messages and exit 1, never as a stack trace. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    Deno.exit(1);
  }
}
