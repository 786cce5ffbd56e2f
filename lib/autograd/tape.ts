/**
 * The tape: the blog's "list that stores the order of each operation". The
 * forward pass appends to it; `backward()` walks it in reverse.
 *
 * @module
 */
import { type EntryKind, type OpName, OPS } from "./ops.ts";
import { type Recorder, Value } from "./value.ts";

/**
 * One line of the tape: what ran, on which values, and what came out.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const x = tape.value(3, "x");
 * x.mul(x);
 * const e = tape.entries[1];
 * [e.step, e.kind, e.inputs.map((v) => v.label), e.output.data]; // [1, "mul", ["x", "x"], 9]
 * ```
 */
export interface Entry {
  /** Its position on the tape, 0 first. */
  readonly step: number;
  /** "input" (a leaf), "const", or the operation. */
  readonly kind: EntryKind;
  /** The values the operation read, in order (none for leaves and constants). */
  readonly inputs: readonly Value[];
  /** The value it produced. */
  readonly output: Value;
  /** The exponent, for `pow`. */
  readonly p: number;
  /** The inputs' data as they were when the operation ran. */
  readonly inputData: readonly number[];
  /** The output's data as computed (later edits to `output.data` do not change the gradients). */
  readonly outputData: number;
}

/**
 * A tape records every operation on its values in the order it ran;
 * `value.backward()` walks it in reverse, adding each operation's share of the
 * gradient into its inputs. After one backward pass, call `zeroGrad()` and run
 * the forward pass again before the next. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const w = tape.value(0.5, "w"), x = tape.value(2, "x"), b = tape.value(0, "b");
 * const y = w.mul(x).add(b).tanh();
 * tape.entries.map((e) => e.kind); // ["input", "input", "input", "mul", "add", "tanh"]
 * y.backward();
 * w.grad; // 0.8399486832280523 (= x · (1 - y²))
 * tape.zeroGrad(); // ready for the next forward pass; w, x, b stay
 * ```
 */
export class Tape implements Recorder {
  #entries: Entry[] = [];
  #pass = 0;
  #inputs = 0;
  #backwardDone = false;

  /** Every entry, in the order it was recorded. */
  get entries(): readonly Entry[] {
    return this.#entries;
  }

  /** How many entries the tape holds. */
  get length(): number {
    return this.#entries.length;
  }

  /** Whether backward() has run since the last zeroGrad(). */
  get backwardDone(): boolean {
    return this.#backwardDone;
  }

  /** A leaf: an input or parameter whose gradient you want. It survives zeroGrad(). */
  value(data: number, label?: string): Value {
    const name = label ?? `in${this.#inputs}`;
    this.#inputs++;
    return this.#push("input", [], new Value(data, name), 1);
  }

  /**
   * Start the next forward pass: every gradient back to 0, the recorded
   * operations and constants forgotten, the leaves (`tape.value`) kept.
   */
  zeroGrad(): void {
    this.#pass++;
    this.#backwardDone = false;
    const leaves = this.#entries.filter((e) => e.kind === "input");
    this.#entries = [];
    for (const e of leaves) {
      e.output.grad = 0;
      this.#push("input", [], e.output, 1);
    }
  }

  /** Write an operation down (called by Value's methods) and return its output. */
  record(op: OpName, inputs: readonly (Value | number)[], out: number, p: number): Value {
    const ins = inputs.map((v) => {
      if (v instanceof Value && v.origin.tape === this) return v;
      const data = typeof v === "number" ? v : v.data;
      const label = typeof v === "number" ? String(v) : v.label;
      return this.#push("const", [], new Value(data, label), 1);
    });
    const output = new Value(out, `v${this.#entries.length}`);
    return this.#push(op, ins, output, p);
  }

  /** Throw when `value` was recorded on this tape before the last zeroGrad(). */
  checkCurrent(value: Value, use: string): void {
    if (value.origin.tape === this && value.origin.pass !== this.#pass) {
      throw new Error(
        `cannot ${use}: it was computed before tape.zeroGrad() forgot the operations that made it; ` +
          `run the forward pass again to get a fresh value`,
      );
    }
  }

  /** The backward pass from `root` (called by `root.backward()`). */
  backward(root: Value): void {
    this.checkCurrent(root, `run backward() on "${root.label}"`);
    if (this.#backwardDone) {
      throw new Error(
        "backward() was already called on this tape; call tape.zeroGrad() and run the forward pass again",
      );
    }
    this.#backwardDone = true;
    root.grad = 1;
    for (let i = root.step; i >= 0; i--) {
      const e = this.#entries[i];
      const g = e.output.grad;
      if (e.kind === "input" || e.kind === "const" || g === 0) continue;
      const local = OPS[e.kind].local(e.inputData, e.outputData, e.p);
      e.inputs.forEach((v, j) => (v.grad += local[j] * g));
    }
  }

  /** A short text listing of the tape, one entry a line. */
  toString(): string {
    const lines = this.#entries.map((e) => {
      const op = e.kind === "pow" ? `pow ${e.p}` : e.kind;
      const args = e.inputs.length ? `(${e.inputs.map((v) => v.label).join(", ")})` : "";
      return `${e.step}: ${e.output.label} = ${op}${args} -> data=${e.output.data} grad=${e.output.grad}`;
    });
    return [`Tape(${this.length} entries)`, ...lines].join("\n");
  }

  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  #push(kind: EntryKind, inputs: Value[], output: Value, p: number): Value {
    const step = this.#entries.length;
    output.origin = { tape: this, kind, step, pass: this.#pass };
    this.#entries.push({
      step,
      kind,
      inputs,
      output,
      p,
      inputData: inputs.map((v) => v.data),
      outputData: output.data,
    });
    return output;
  }
}
