/**
 * The command line the training CLIs share: `[--epochs N] [--out DIR] [--fresh]`,
 * and where each keeps its checkpoints.
 *
 * @module
 */

/** What a training CLI was asked to do. */
export interface TrainArgs {
  epochs: number;
  /** Where to save the trained reader. */
  out: string;
  /** Where the checkpoints live (emptied first with `--fresh`). */
  checkpointDir: string;
}

const root = new URL("..", import.meta.url).pathname;

/**
 * Parse `args` for a training CLI named `tool`, defaulting to `defaultEpochs`
 * and `defaultOut`; with `--fresh`, remove the old checkpoints of `name`.
 */
export async function trainArgs(
  tool: string,
  name: string,
  defaultEpochs: number,
  defaultOut: string,
  args: string[] = Deno.args,
): Promise<TrainArgs> {
  const known = new Set(["--epochs", "--out", "--fresh", "--"]);
  for (const a of args) {
    if (a.startsWith("--") && !known.has(a)) {
      throw new Error(`${tool}: unknown option ${a}; use --epochs N, --out DIR, --fresh.`);
    }
  }
  const option = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const epochs = Number(option("--epochs") ?? defaultEpochs);
  if (!(Number.isInteger(epochs) && epochs > 0)) {
    throw new Error(`${tool}: --epochs must be a positive integer.`);
  }
  const checkpointDir = `${root}journal/checkpoints/${name}`;
  if (args.includes("--fresh")) {
    await Deno.remove(checkpointDir, { recursive: true }).catch(() => {});
  }
  return { epochs, out: option("--out") ?? defaultOut, checkpointDir };
}
