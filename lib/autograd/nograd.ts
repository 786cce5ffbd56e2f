/**
 * Switching recording off: inside `noGrad(fn)` operations compute their values
 * but no tape writes them down, like PyTorch's `torch.no_grad()`.
 *
 * @module
 */

let depth = 0;

/**
 * Run `fn` without recording: operations inside it return values that belong
 * to no tape (so `backward()` on them throws). `fn` must be synchronous.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const w = tape.value(2, "w");
 * const y = noGrad(() => w.mul(3)); // y.data === 6, tape.length === 1
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  depth++;
  try {
    const result = fn();
    if (result instanceof Promise) {
      throw new TypeError(
        "noGrad(fn) needs a synchronous fn: recording would switch back on at its first await; " +
          "run the awaited part outside noGrad and wrap only the arithmetic",
      );
    }
    return result;
  } finally {
    depth--;
  }
}

/**
 * Whether operations are being recorded right now (false inside {@link noGrad}).
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * isRecording(); // true
 * noGrad(() => isRecording()); // false
 * ```
 */
export function isRecording(): boolean {
  return depth === 0;
}
