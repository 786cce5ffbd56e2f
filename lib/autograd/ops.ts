/**
 * The operations the tape knows: how each one computes its output in the
 * forward pass, and its local derivatives for the backward pass.
 *
 * @module
 */

/**
 * The name of a recorded operation that has inputs. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const op: OpName = "tanh";
 * OPS[op].symbol; // "tanh"
 * ```
 */
export type OpName =
  | "add"
  | "sub"
  | "mul"
  | "div"
  | "pow"
  | "neg"
  | "exp"
  | "log"
  | "tanh"
  | "sigmoid"
  | "relu";

/**
 * What a tape entry is: a leaf (`input`), a constant (`const`), or an operation.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2).mul(3);
 * tape.entries.map((e) => e.kind); // ["input", "const", "mul"]
 * ```
 */
export type EntryKind = "input" | "const" | OpName;

/**
 * One operation's rules: its forward formula, and the derivative of its output
 * with respect to each input, given the inputs and the output. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * OPS.mul.local([3, 4], 12); // [4, 3]
 * ```
 */
export interface OpRule {
  /** How the graph drawing labels the operation, e.g. "×" or "tanh". */
  readonly symbol: string;
  /** The rule in words, e.g. "d/da = b, d/db = a". */
  readonly rule: string;
  /** Compute the output from the inputs (`p` is the exponent of `pow`). */
  forward(x: readonly number[], p: number): number;
  /** The local derivative of the output with respect to each input. */
  local(x: readonly number[], out: number, p: number): number[];
  /** Why the inputs are outside the operation's domain, or undefined when they are fine. */
  domain?(x: readonly number[], p: number): string | undefined;
}

/**
 * The rule of every operation, keyed by name. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * OPS.tanh.forward([0.5], 0); // 0.46211715726000974
 * OPS.tanh.rule; // "d/da = 1 - out²"
 * ```
 */
export const OPS: Readonly<Record<OpName, OpRule>> = {
  add: {
    symbol: "+",
    rule: "d/da = 1, d/db = 1",
    forward: ([a, b]) => a + b,
    local: () => [1, 1],
  },
  sub: {
    symbol: "−",
    rule: "d/da = 1, d/db = -1",
    forward: ([a, b]) => a - b,
    local: () => [1, -1],
  },
  mul: {
    symbol: "×",
    rule: "d/da = b, d/db = a",
    forward: ([a, b]) => a * b,
    local: ([a, b]) => [b, a],
  },
  div: {
    symbol: "÷",
    rule: "d/da = 1/b, d/db = -a/b²",
    forward: ([a, b]) => a / b,
    local: ([a, b]) => [1 / b, -a / (b * b)],
    domain: ([a, b]) =>
      b === 0 ? `division by zero (${a} / 0); keep the divisor away from 0` : undefined,
  },
  pow: {
    symbol: "^",
    rule: "d/da = p·a^(p-1)",
    forward: ([a], p) => a ** p,
    local: ([a], _out, p) => [p === 0 ? 0 : p * a ** (p - 1)],
    domain: ([a], p) => {
      if (a < 0 && !Number.isInteger(p)) {
        return `a negative base to a fractional power (${a} ** ${p}) is not a real number`;
      }
      if (a === 0 && p < 0) return `0 ** ${p} is infinite; keep the base away from 0`;
      return undefined;
    },
  },
  neg: {
    symbol: "−a",
    rule: "d/da = -1",
    forward: ([a]) => -a,
    local: () => [-1],
  },
  exp: {
    symbol: "exp",
    rule: "d/da = out",
    forward: ([a]) => Math.exp(a),
    local: (_x, out) => [out],
  },
  log: {
    symbol: "log",
    rule: "d/da = 1/a",
    forward: ([a]) => Math.log(a),
    local: ([a]) => [1 / a],
    domain: ([a]) =>
      a <= 0
        ? `log(${a}) is undefined: log needs a positive input; shift or clamp it above 0 first`
        : undefined,
  },
  tanh: {
    symbol: "tanh",
    rule: "d/da = 1 - out²",
    forward: ([a]) => Math.tanh(a),
    local: (_x, out) => [1 - out * out],
  },
  sigmoid: {
    symbol: "σ",
    rule: "d/da = out·(1 - out)",
    forward: ([a]) => 1 / (1 + Math.exp(-a)),
    local: (_x, out) => [out * (1 - out)],
  },
  relu: {
    symbol: "relu",
    rule: "d/da = 1 if a > 0 else 0",
    forward: ([a]) => (a > 0 ? a : 0),
    local: ([a]) => [a > 0 ? 1 : 0],
  },
};

/**
 * Run an operation's forward formula, throwing a RangeError that names the
 * operation and its inputs when they are outside its domain or the result is
 * not a finite number. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * forward("mul", [3, 4]); // 12
 * forward("log", [-1]); // throws RangeError: log(-1) is undefined: ...
 * ```
 */
export function forward(op: OpName, x: readonly number[], p = 1): number {
  const rule = OPS[op];
  const problem = rule.domain?.(x, p);
  if (problem) throw new RangeError(problem);
  const out = rule.forward(x, p);
  if (!Number.isFinite(out)) {
    const args = op === "pow" ? `${x[0]}, ${p}` : x.join(", ");
    throw new RangeError(
      `${op}(${args}) gives ${out}, which float64 cannot carry on; ` +
        `scale the inputs down (exp overflows above about 709)`,
    );
  }
  return out;
}
