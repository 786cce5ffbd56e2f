/**
 * Training curves: loss (or accuracy) per epoch or per second, for one run
 * or several on one plot, with an epoch marked (e.g. where early stopping chose).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Figure, plot } from "../show/mod.ts";
import { type EpochRecord, recordsOf, type RunHistory } from "./history.ts";

/**
 * A history column that can be plotted. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * plotRuns(runs, "valLoss");
 * ```
 */
export type HistoryColumn = "trainLoss" | "valLoss" | "accuracy";

/**
 * Options of {@link plotRuns} and {@link plotHistory}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * plotRuns(runs, "trainLoss", { x: "seconds", logY: true, title: "loss per second" });
 * ```
 */
export interface CurveOptions {
  /** Horizontal axis: "epoch" (default) or "seconds" since training began. */
  x?: "epoch" | "seconds";
  /** Logarithmic vertical axis (default false). */
  logY?: boolean;
  /** Title above the plot. */
  title?: string;
  /** Draw a dashed vertical line at this epoch. */
  markEpoch?: number;
  /** Text beside the marked epoch (default "epoch N"). */
  markLabel?: string;
  /** Width in pixels (default 520). */
  width?: number;
  /** Height in pixels (default 300). */
  height?: number;
}

/**
 * Several runs' `column` on one plot, one coloured line per run. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * plotRuns({ SGD: sgdResult, Adam: adamResult }, "trainLoss", { logY: true });
 * ```
 */
export function plotRuns(
  runs: Record<string, RunHistory>,
  column: HistoryColumn = "trainLoss",
  options: CurveOptions = {},
): Figure {
  const rows = Object.entries(runs).flatMap(([run, history]) =>
    recordsOf(history).map((r) => ({ run, x: xOf(r, options), y: r[column] }))
  );
  return curves(rows, column, options);
}

/**
 * One run's columns on one plot (default trainLoss and valLoss), e.g. to see
 * validation loss turn up while training loss keeps falling. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * plotHistory(result, ["trainLoss", "valLoss"], { markEpoch: result.bestEpoch });
 * ```
 */
export function plotHistory(
  run: RunHistory,
  columns: HistoryColumn[] = ["trainLoss", "valLoss"],
  options: CurveOptions = {},
): Figure {
  const records = recordsOf(run);
  const rows = columns.flatMap((c) =>
    records.map((r) => ({ run: c, x: xOf(r, options), y: r[c] }))
  );
  return curves(rows, columns.length === 1 ? columns[0] : "loss", options);
}

function xOf(r: EpochRecord, options: CurveOptions): number {
  return options.x === "seconds" ? r.seconds : r.epoch;
}

function curves(
  allRows: { run: string; x: number; y: number | null }[],
  yLabel: string,
  options: CurveOptions,
): Figure {
  const rows = allRows.filter((r) => r.y !== null && Number.isFinite(r.y));
  if (rows.length === 0) {
    throw new Error(`curves: nothing to plot; the history has no "${yLabel}" values.`);
  }
  const marks: Plot.Markish[] = [
    Plot.line(rows, { x: "x", y: "y", stroke: "run", strokeWidth: 1.8 }),
    Plot.gridY({ strokeOpacity: 0.08 }),
  ];
  if (options.markEpoch !== undefined) {
    const label = options.markLabel ?? `epoch ${options.markEpoch}`;
    marks.push(Plot.ruleX([options.markEpoch], { strokeDasharray: "4,3" }));
    marks.push(
      Plot.text([label], { x: options.markEpoch, frameAnchor: "top", dx: 4, textAnchor: "start" }),
    );
  }
  return plot({
    title: options.title,
    width: options.width ?? 520,
    height: options.height ?? 300,
    x: { label: options.x === "seconds" ? "seconds" : "epoch" },
    y: {
      label: yLabel,
      type: options.logY ? "log" : "linear",
      tickFormat: options.logY ? "~g" : undefined,
    },
    color: { legend: true },
    marks,
  });
}
