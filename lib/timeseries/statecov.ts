/**
 * Where an ARMA's state starts: its stationary covariance, the Σ that one
 * more step of the process leaves unchanged (Σ = T Σ Tᵀ + R Rᵀ). R's
 * `getQ0` computes the same matrix by Gardner et al.'s algorithm; here the
 * discrete Lyapunov equation is solved directly.
 *
 * @module
 */

/**
 * Stationary covariance of the ARMA block: the solution of
 * Σ = T Σ Tᵀ + R Rᵀ for the companion matrix T, solved as a linear system
 * in the r(r+1)/2 distinct entries. Introduced in 07_arima.
 *
 * @example
 * ```ts
 * armaStateCovariance([0.5], [0])[0]; // 1 / (1 - 0.25) for an AR(1)
 * ```
 */
export function armaStateCovariance(phi: number[], theta: number[]): Float64Array {
  const p = phi.length;
  const r = Math.max(p, theta.length + 1);
  const R = [1, ...theta, ...new Array<number>(r).fill(0)].slice(0, r);
  const out = new Float64Array(r * r);
  if (p === 0) { // T is a shift: Σ = Σ_k S^k V S^kᵀ, a finite sum; entry (i,j) = Σ_k R[i+k] R[j+k]
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let s = 0;
        for (let k = 0; i + k < r && j + k < r; k++) s += R[i + k] * R[j + k];
        out[i * r + j] = s;
      }
    }
    return out;
  }
  // T row i: phi[i] at column 0, 1 at column i + 1.
  const rows: [number, number][][] = Array.from({ length: r }, (_, i) => {
    const row: [number, number][] = [];
    if (i < p && phi[i] !== 0) row.push([0, phi[i]]);
    if (i < r - 1) row.push([i + 1, 1]);
    return row;
  });
  const index = (
    i: number,
    j: number,
  ): number => (i <= j ? i * r - (i * (i - 1)) / 2 + (j - i) : index(j, i));
  const m = (r * (r + 1)) / 2;
  const A = Array.from({ length: m }, () => new Float64Array(m + 1));
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      const eq = A[index(i, j)];
      eq[index(i, j)] += 1;
      for (const [k, u] of rows[i]) for (const [l, v] of rows[j]) eq[index(k, l)] -= u * v;
      eq[m] = R[i] * R[j];
    }
  }
  const x = solveAugmented(A, m);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) out[i * r + j] = x[index(i, j)];
  return out;
}

/** Gaussian elimination with partial pivoting on an augmented m x (m+1) system. */
function solveAugmented(A: Float64Array[], m: number): Float64Array {
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let i = col + 1; i < m; i++) if (Math.abs(A[i][col]) > Math.abs(A[piv][col])) piv = i;
    if (A[piv][col] === 0) {
      throw new Error(
        "armaStateCovariance: the AR part has a unit root, so there is no stationary covariance; difference the series (raise d or D).",
      );
    }
    [A[col], A[piv]] = [A[piv], A[col]];
    const pivotRow = A[col];
    for (let i = col + 1; i < m; i++) {
      const f = A[i][col] / pivotRow[col];
      if (f === 0) continue;
      const row = A[i];
      for (let k = col; k <= m; k++) row[k] -= f * pivotRow[k];
    }
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = A[i][m];
    for (let k = i + 1; k < m; k++) s -= A[i][k] * x[k];
    x[i] = s / A[i][i];
  }
  return x;
}
