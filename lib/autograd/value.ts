/**
 * `Value`: one float64 number with a gradient, remembering which tape (if any)
 * recorded how it was made. Its methods are the operations.
 *
 * @module
 */
import { type EntryKind, forward, type OpName } from "./ops.ts";
import { isRecording } from "./nograd.ts";

/**
 * What a {@link Value} needs from the tape that records it (the `Tape` class
 * implements it). Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const recorder: Recorder = new Tape();
 * ```
 */
export interface Recorder {
  /** Write an operation down and return its output. */
  record(op: OpName, inputs: readonly (Value | number)[], out: number, p: number): Value;
  /** Run the backward pass from `root`. */
  backward(root: Value): void;
  /** Throw when `value` cannot take part in the current pass of this tape. */
  checkCurrent(value: Value, use: string): void;
}

/**
 * Where a {@link Value} came from: its tape, its kind and its place on that tape.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const y = tape.value(2).exp();
 * y.origin.kind; // "exp"
 * y.origin.step; // 1
 * ```
 */
export interface Origin {
  /** The tape that recorded it, or null for a value no tape recorded. */
  tape: Recorder | null;
  /** "input", "const", or the operation that made it. */
  kind: EntryKind;
  /** Its step (index) on the tape, or -1. */
  step: number;
  /** The tape's pass (bumped by `zeroGrad`) it was recorded in. */
  pass: number;
}

const DETACHED: Origin = { tape: null, kind: "const", step: -1, pass: -1 };

/**
 * A scalar in the autograd engine: `data` from the forward pass, `grad` filled
 * by `backward()`. Make leaves with `tape.value(...)`; `new Value(x)` makes a
 * value no tape recorded, which enters a tape as a constant. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * const x = tape.value(3, "x");
 * const y = x.mul(x).add(x); // y = x² + x
 * y.backward();
 * x.grad; // 7 (= 2x + 1: x is used twice, and both uses add up)
 * ```
 */
export class Value {
  /** The number computed in the forward pass. */
  data: number;
  /** d(result of backward)/d(this value), 0 until backward() runs. */
  grad = 0;
  /** A short name shown in the table and the graph. */
  label: string;
  /** Where it came from (set by the tape). */
  origin: Origin;

  constructor(data: number, label = "", origin: Origin = DETACHED) {
    if (!Number.isFinite(data)) {
      throw new RangeError(
        `a Value needs a finite number, got ${data}${label ? ` for ${label}` : ""}`,
      );
    }
    this.data = data;
    this.label = label || String(data);
    this.origin = origin;
  }

  /** The tape that recorded this value, or null. */
  get tape(): Recorder | null {
    return this.origin.tape;
  }

  /** Its step (index) on the tape, -1 when no tape recorded it. */
  get step(): number {
    return this.origin.step;
  }

  /** this + other */
  add(other: Value | number): Value {
    return this.apply("add", [this, other]);
  }
  /** this - other */
  sub(other: Value | number): Value {
    return this.apply("sub", [this, other]);
  }
  /** this * other */
  mul(other: Value | number): Value {
    return this.apply("mul", [this, other]);
  }
  /** this / other (a RangeError when other is 0) */
  div(other: Value | number): Value {
    return this.apply("div", [this, other]);
  }
  /** this ** p, for a constant exponent p */
  pow(p: number): Value {
    return this.apply("pow", [this], p);
  }
  /** -this */
  neg(): Value {
    return this.apply("neg", [this]);
  }
  /** e ** this */
  exp(): Value {
    return this.apply("exp", [this]);
  }
  /** natural log (a RangeError when this <= 0) */
  log(): Value {
    return this.apply("log", [this]);
  }
  /** hyperbolic tangent */
  tanh(): Value {
    return this.apply("tanh", [this]);
  }
  /** 1 / (1 + e ** -this) */
  sigmoid(): Value {
    return this.apply("sigmoid", [this]);
  }
  /** max(this, 0); its gradient at exactly 0 is 0, as in PyTorch */
  relu(): Value {
    return this.apply("relu", [this]);
  }

  /** Rename this value for the table and the graph; returns it, so it chains. */
  named(label: string): this {
    this.label = label;
    return this;
  }

  /**
   * Fill `grad` of every value this one was computed from, walking its tape
   * in reverse. Throws when no tape recorded this value, when it is from an
   * earlier pass, or when backward() already ran on the tape since `zeroGrad()`.
   */
  backward(): void {
    const tape = this.origin.tape;
    if (!tape) {
      throw new Error(
        `backward() on "${this.label}", which no tape recorded (it was made by new Value(), ` +
          `inside noGrad(), or only from such values); build it from tape.value(...) leaves outside noGrad()`,
      );
    }
    tape.backward(this);
  }

  /** `Value(label data=… grad=…)` */
  toString(): string {
    return `Value(${this.label} data=${this.data} grad=${this.grad})`;
  }

  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }

  private apply(op: OpName, inputs: (Value | number)[], p = 1): Value {
    const x = inputs.map((v) => (typeof v === "number" ? v : v.data));
    let tape: Recorder | null = null;
    if (isRecording()) {
      for (const v of inputs) {
        if (typeof v === "number" || !v.origin.tape) continue;
        if (tape && v.origin.tape !== tape) {
          throw new Error(
            `${op} mixes values from two different tapes ("${v.label}" is on another tape); ` +
              `build the whole expression from leaves of one tape`,
          );
        }
        tape = v.origin.tape;
        tape.checkCurrent(v, `use "${v.label}" in ${op}`);
      }
    }
    const out = forward(op, x, p);
    return tape ? tape.record(op, inputs, out, p) : new Value(out);
  }
}
