/**
 * Where each node of the tape's graph goes: columns in tape order (left to
 * right), lanes top to bottom, chosen so a chain of operations stays on one
 * line.
 *
 * @module
 */
import { type EntryKind, OPS } from "./ops.ts";
import type { Tape } from "./tape.ts";

/**
 * A value's node in the drawing: its box sits at (x, y) in column/lane units.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2, "x");
 * tapeLayout(tape).values[0]; // { step: 0, kind: "input", label: "x", data: 2, grad: 0, x: 0, y: 0 }
 * ```
 */
export interface ValueNode {
  /** Step of the entry that made the value. */
  readonly step: number;
  /** "input", "const", or the operation that made it. */
  readonly kind: EntryKind;
  readonly label: string;
  readonly data: number;
  readonly grad: number;
  /** Column (tape order). */
  readonly x: number;
  /** Lane (0 at the top). */
  readonly y: number;
}

/**
 * An operation's node, drawn half a column left of the value it made.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2, "x").pow(3);
 * tapeLayout(tape).ops[0]; // { step: 1, symbol: "^3", x: 0.5, y: 0 }
 * ```
 */
export interface OpNode {
  readonly step: number;
  /** What the node shows, e.g. "×", "tanh", "^3". */
  readonly symbol: string;
  readonly x: number;
  readonly y: number;
}

/**
 * An edge of the graph as a path of points: value -> operation ("in"), or
 * operation -> the value it made ("out"). An "in" edge from a value further
 * back runs along that value's lane (kept free for it) and bends into the
 * operation in the gap before it. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2, "x").exp();
 * tapeLayout(tape).edges.map((e) => [e.role, e.points]);
 * // [["in", [[0, 0], [0.5, 0]]], ["out", [[0.5, 0], [1, 0]]]]
 * ```
 */
export interface Edge {
  /** Centres of the nodes and the corner, in column/lane units. */
  readonly points: readonly (readonly [number, number])[];
  readonly role: "in" | "out";
}

/**
 * Nodes and edges of a tape's graph, and the grid they fill. Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2, "x").exp().tanh();
 * const { columns, lanes } = tapeLayout(tape); // 3 columns, 1 lane
 * ```
 */
export interface TapeLayout {
  readonly values: ValueNode[];
  readonly ops: OpNode[];
  readonly edges: Edge[];
  /** Number of columns (x runs from 0 to columns - 1). */
  readonly columns: number;
  /** Number of lanes (y runs from 0 to lanes - 1). */
  readonly lanes: number;
}

/**
 * Lay out the graph of a tape: leaves recorded together share a column, each
 * operation gets the next column. A value that is still to be used keeps its
 * lane free to its right, so its edges never cross a box; an operation's output
 * takes over the lane of an input used for the last time, else the first free
 * lane, and a constant sits in a free lane of the column before its operation.
 * Introduced in 02_autograd.
 *
 * @example
 * ```ts
 * const tape = new Tape();
 * tape.value(2, "x").tanh();
 * const { values, ops } = tapeLayout(tape);
 * values.map((v) => [v.label, v.x, v.y]); // [["x", 0, 0], ["v1", 1, 0]]
 * ops.map((o) => [o.symbol, o.x]); // [["tanh", 0.5]]
 * ```
 */
export function tapeLayout(tape: Tape): TapeLayout {
  const lastUse = new Map<number, number>();
  for (const e of tape.entries) for (const v of e.inputs) lastUse.set(v.step, e.step);
  const where = new Map<number, { x: number; y: number }>();
  const occupied: Set<number>[] = [];
  const reservedBy = new Map<number, number>(); // lane -> step of the value still to be used
  const values: ValueNode[] = [];
  const ops: OpNode[] = [];
  const edges: Edge[] = [];
  let col = -1;
  let lanes = 0;
  let prevKind: EntryKind | undefined;

  const free = (x: number, from: number) => {
    let lane = from;
    while (reservedBy.has(lane) || occupied[x]?.has(lane)) lane++;
    return lane;
  };
  const place = (step: number, x: number, y: number) => {
    const e = tape.entries[step];
    where.set(step, { x, y });
    (occupied[x] ??= new Set()).add(y);
    lanes = Math.max(lanes, y + 1);
    if ((lastUse.get(step) ?? -1) > e.step) reservedBy.set(y, step);
    const v = e.output;
    values.push({ step, kind: e.kind, label: v.label, data: v.data, grad: v.grad, x, y });
  };

  for (const e of tape.entries) {
    if (e.kind === "input") {
      if (prevKind !== "input") col++;
      place(e.step, col, free(col, 0));
    } else if (e.kind !== "const") {
      col++;
      const opX = col - 0.5;
      const taped = e.inputs.filter((v) => v.origin.kind !== "const");
      const endsHere = taped.find((v) => lastUse.get(v.step) === e.step);
      for (const v of taped) {
        if (lastUse.get(v.step) === e.step) reservedBy.delete(where.get(v.step)!.y);
      }
      const lane = endsHere ? where.get(endsHere.step)!.y : free(col, 0);
      for (const v of e.inputs) {
        if (v.origin.kind === "const") place(v.step, col - 1, free(col - 1, lane + 1));
        const p = where.get(v.step)!;
        if (v.origin.kind === "const") reservedBy.delete(p.y);
        const corner: [number, number][] = p.x < col - 1 ? [[col - 1, p.y]] : [];
        edges.push({ points: [[p.x, p.y], ...corner, [opX, lane]], role: "in" });
      }
      ops.push({ step: e.step, symbol: opSymbol(e.kind, e.p), x: opX, y: lane });
      edges.push({ points: [[opX, lane], [col, lane]], role: "out" });
      place(e.step, col, lane);
    }
    prevKind = e.kind;
  }
  return { values, ops, edges, columns: col + 1, lanes };
}

function opSymbol(kind: EntryKind, p: number): string {
  if (kind === "pow") return `^${p}`;
  if (kind === "input" || kind === "const") return kind;
  return OPS[kind].symbol;
}
