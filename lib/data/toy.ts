/**
 * Toy 2D classification data made by seeded code: two interleaved moons and
 * arms of a spiral. Small enough to train on in a second, and to plot.
 *
 * @module
 */
import { ArrayDataset } from "./dataset.ts";
import type { Rng } from "./rng.ts";

/**
 * Options of {@link twoMoons}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * twoMoons(200, { rng: new Rng(0), noise: 0.2 });
 * ```
 */
export interface MoonsOptions {
  /** The seeded generator that places the points. */
  rng: Rng;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.1). */
  noise?: number;
}

/**
 * Options of {@link spirals}. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * spirals(300, { rng: new Rng(0), classes: 3, turns: 1.5, noise: 0.03 });
 * ```
 */
export interface SpiralOptions {
  /** The seeded generator that places the points. */
  rng: Rng;
  /** How many arms, one class each (default 3). */
  classes?: number;
  /** How many times each arm winds around (default 1). */
  turns?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate (default 0.05). */
  noise?: number;
}

function checkCount(who: string, n: number, per: number): void {
  if (!Number.isInteger(n) || n < per) {
    throw new Error(`${who}: n must be an integer of at least ${per} points, got ${n}.`);
  }
}

/**
 * Two interleaving half circles, the classic "two moons": `n` points, half
 * labelled 0 (the upper moon, centred at (0, 0)) and half labelled 1 (the lower
 * moon, centred at (1, 0.5)). Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const moons = twoMoons(200, { rng: new Rng(0), noise: 0.15 });
 * moons.get(0); // { x: [x1, x2], y: 0 }
 * ```
 */
export function twoMoons(n: number, options: MoonsOptions): ArrayDataset {
  checkCount("twoMoons", n, 2);
  const { rng, noise = 0.1 } = options;
  if (!(noise >= 0)) throw new Error(`twoMoons: noise must be >= 0, got ${noise}.`);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i < Math.ceil(n / 2) ? 0 : 1;
    const t = Math.PI * rng.next();
    const [a, b] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    xs.push([a + rng.normal(0, noise), b + rng.normal(0, noise)]);
    ys.push(label);
  }
  return new ArrayDataset(xs, ys);
}

/**
 * Points on the arms of a spiral, one class per arm (labels 0..classes-1),
 * `n` points shared out as evenly as the count allows. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const spiral = spirals(300, { rng: new Rng(0), classes: 3 });
 * ```
 */
export function spirals(n: number, options: SpiralOptions): ArrayDataset {
  const { rng, classes = 3, turns = 1, noise = 0.05 } = options;
  if (!Number.isInteger(classes) || classes < 2) {
    throw new Error(`spirals: classes must be an integer of at least 2, got ${classes}.`);
  }
  checkCount("spirals", n, classes);
  if (!(noise >= 0)) throw new Error(`spirals: noise must be >= 0, got ${noise}.`);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const r = 0.05 + 0.95 * rng.next();
    const angle = (2 * Math.PI * label) / classes + 2 * Math.PI * turns * r;
    xs.push([
      r * Math.cos(angle) + rng.normal(0, noise),
      r * Math.sin(angle) + rng.normal(0, noise),
    ]);
    ys.push(label);
  }
  return new ArrayDataset(xs, ys);
}
