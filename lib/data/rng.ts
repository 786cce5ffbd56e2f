/**
 * Seeded randomness: one small generator that is created with a seed and
 * passed explicitly to whatever needs random numbers, so a notebook run twice
 * draws the same numbers.
 *
 * @module
 */

/** Largest seed accepted by tfjs initialisers (they take a plain number). */
const SEED_RANGE = 2 ** 31 - 1;

/**
 * A seeded pseudo-random number generator (mulberry32, seeded through
 * splitmix32), with the draws a training loop needs. Introduced in 03_feed_forward.
 *
 * @example
 * ```ts
 * const rng = new Rng(42);
 * rng.next(); // a number in [0, 1), the same one every time for seed 42
 * rng.shuffle([1, 2, 3, 4]); // a permutation, the same for the same seed
 * ```
 */
export class Rng {
  /** The seed this generator started from. */
  readonly seed: number;
  private state: number;
  private spareNormal: number | undefined;

  /**
   * Start a generator from an integer seed. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * const rng = new Rng(2024);
   * ```
   */
  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new Error(`Rng: seed must be an integer, got ${seed}; round it or pick another.`);
    }
    this.seed = seed;
    // splitmix32 scrambles the seed, so seeds 1 and 2 start far apart.
    let z = (seed + 0x9e3779b9) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    this.state = (z ^ (z >>> 16)) >>> 0;
  }

  /**
   * A uniform number in [0, 1). Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Rng(1).next(); // e.g. 0.63
   * ```
   */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * A uniform number in [low, high). Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Rng(1).uniform(-1, 1); // somewhere in [-1, 1)
   * ```
   */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.next();
  }

  /**
   * A uniform integer in [0, n), or in [low, high) when given two bounds.
   * Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Rng(1).int(6); // a die roll 0..5
   * new Rng(1).int(10, 20); // 10..19
   * ```
   */
  int(lowOrN: number, high?: number): number {
    const [low, top] = high === undefined ? [0, lowOrN] : [lowOrN, high];
    if (!Number.isInteger(low) || !Number.isInteger(top) || top <= low) {
      throw new Error(
        `Rng.int: needs integers low < high (or a positive n), got ${low} and ${top}.`,
      );
    }
    return low + Math.floor(this.next() * (top - low));
  }

  /**
   * A normal (Gaussian) draw by the Box-Muller transform. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Rng(1).normal(0, 0.1); // noise with standard deviation 0.1
   * ```
   */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + std * z;
    }
    const u = 1 - this.next(); // in (0, 1], so log(u) is finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /**
   * Shuffle an array in place (Fisher-Yates) and return it. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Rng(7).shuffle([0, 1, 2, 3]); // e.g. [2, 0, 3, 1]
   * ```
   */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /**
   * The numbers 0..n-1 in a random order. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * new Rng(7).permutation(4); // e.g. [2, 0, 3, 1]
   * ```
   */
  permutation(n: number): number[] {
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`Rng.permutation: n must be a non-negative integer, got ${n}.`);
    }
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /**
   * A fresh integer seed for another seeded thing (a tfjs initialiser, a
   * child generator). Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * tf.initializers.glorotUniform({ seed: rng.nextSeed() });
   * ```
   */
  nextSeed(): number {
    return 1 + Math.floor(this.next() * (SEED_RANGE - 1));
  }

  /**
   * A new, independent generator seeded from this one. Introduced in 03_feed_forward.
   *
   * @example
   * ```ts
   * const dataRng = rng.fork(); // draws from dataRng leave rng's sequence alone afterwards
   * ```
   */
  fork(): Rng {
    return new Rng(this.nextSeed());
  }
}
