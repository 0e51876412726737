import { describe, expect, it } from "vitest";
import kstest from "@stdlib/stats-kstest";
import { key } from "../src/index.js";
import { qr } from "../src/linalg.js";
import { normalKernel } from "../src/samplers/normal.js";
import { orthogonal, orthogonalKernel } from "../src/samplers/orthogonal.js";

const LEGACY = { partitionable: false } as const;

/** Gram matrix XᵀX (columns) or XXᵀ (rows) of an r × c block, minus the identity: max |entry|. */
function orthonormalityError(
  x: ArrayLike<number>,
  offset: number,
  r: number,
  c: number,
  rows: boolean,
) {
  const k = rows ? r : c;
  let worst = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      const len = rows ? c : r;
      for (let t = 0; t < len; t++) {
        s += rows
          ? x[offset + i * c + t] * x[offset + j * c + t]
          : x[offset + t * c + i] * x[offset + t * c + j];
      }
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

function det3(a: ArrayLike<number>, o: number) {
  return (
    a[o] * (a[o + 4] * a[o + 8] - a[o + 5] * a[o + 7]) -
    a[o + 1] * (a[o + 3] * a[o + 8] - a[o + 5] * a[o + 6]) +
    a[o + 2] * (a[o + 3] * a[o + 7] - a[o + 4] * a[o + 6])
  );
}

describe("orthogonal: JAX values", () => {
  // JAX-printed, legacy mode (2022), float32, key = PRNGKey(42): jax-ml/jax
  // jax/_src/nn/initializers.py @ d3d666d081a74df749fda4a60da86c51e4d58651 (still at
  // HEAD ef0184706de9cb595468b37d75f1fbda8e8d424a, lines 621-622 and 671-673; both
  // `# doctest: +SKIP`). The initializers then drew `normal(key, (rows, cols))`, took
  // `jnp.linalg.qr`, multiplied by `sign(diag(R))` and transposed when rows < cols:
  // exactly `_orthogonal` today. orthogonal()(key, (2, 3)) == orthogonal(key, 2, (), f32, 3);
  // delta_orthogonal()(key, (3, 3, 3))[1] == orthogonal(key, 3).
  // QR is not bit-portable (BLAS kernels): tolerance 4 float32 ULP at 1 (≈ 4.8e-7),
  // the printed 8 digits adding ≤ 5e-9.
  const TOL = 4.8e-7;

  it("reproduces jax.nn.initializers.orthogonal()(PRNGKey(42), (2, 3))", () => {
    const expected = [
      3.9026976e-1, 7.2495741e-1, -5.6756169e-1, 8.8047469e-1, -4.7409311e-1, -1.3157725e-4,
    ];
    const result = orthogonal(key(42), 2, [], "float32", 3, LEGACY);
    expect(result.shape).toEqual([2, 3]);
    result.data.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(TOL));
  });

  it("reproduces jax.nn.initializers.delta_orthogonal()(PRNGKey(42), (3, 3, 3))[1]", () => {
    const expected = [
      0.27858758, -0.7949833, -0.53887904, 0.9120717, 0.04322892, 0.40774566, -0.30085585,
      -0.6050892, 0.73712474,
    ];
    const result = orthogonal(key(42), 3, [], "float32", undefined, LEGACY);
    result.data.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(TOL));
  });
});

describe("orthogonal: recipe", () => {
  it("is qr(normal(key, [...shape, max, min])) with columns times sign(diag R), transposed when n < m", () => {
    const k = key(5);
    for (const [n, m] of [
      [3, 3],
      [4, 2],
      [2, 4],
    ]) {
      const result = orthogonalKernel(k, [2], "float32", n, m, true);
      const p = Math.max(n, m);
      const q = Math.min(n, m);
      const z = normalKernel(k, [2, p, q], "float32", true);
      for (let b = 0; b < 2; b++) {
        const f = qr(z.subarray(b * p * q, (b + 1) * p * q), p, q, "float32");
        for (let i = 0; i < p; i++) {
          for (let j = 0; j < q; j++) {
            const x = f.q[i * q + j] * Math.sign(f.r[j * q + j]);
            expect(result[b * n * m + (n >= m ? i * m + j : j * m + i)]).toBe(x);
          }
        }
      }
    }
  });

  it("differs between threefry modes and dtypes, and float64 is close to float32's QR of the same shape", () => {
    const a = orthogonal(key(1), 3);
    const b = orthogonal(key(1), 3, [], "float32", undefined, LEGACY);
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data));
    expect(orthogonal(key(1), 3, [], "float64").data).toBeInstanceOf(Float64Array);
  });
});

describe("orthogonal: structure and statistics", () => {
  it("has orthonormal rows (n ≤ m) and/or columns (n ≥ m), for n, m in 0..4 and batch shapes", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const tol = dtype === "float32" ? 2e-6 : 1e-14;
      for (let n = 0; n <= 4; n++) {
        for (let m = 0; m <= 4; m++) {
          const result = orthogonal(key(n * 5 + m), n, [3, 2], dtype, m);
          expect(result.shape).toEqual([3, 2, n, m]);
          for (let b = 0; b < 6; b++) {
            if (n <= m)
              expect(orthonormalityError(result.data, b * n * m, n, m, true)).toBeLessThan(tol);
            if (n >= m)
              expect(orthonormalityError(result.data, b * n * m, n, m, false)).toBeLessThan(tol);
          }
        }
      }
    }
  });

  it("is Haar: (Q[0,0] + 1)/2 ~ Beta((n-1)/2, (n-1)/2) and det = ±1 equally often", () => {
    const draws = 4000;
    const result = orthogonal(key(2024), 3, [draws]);
    const corner = Array.from({ length: draws }, (_, b) => (result.data[9 * b] + 1) / 2);
    expect(kstest(corner, "beta", 1, 1).pValue).toBeGreaterThan(1e-3); // n = 3: uniform
    let positive = 0;
    for (let b = 0; b < draws; b++) {
      const d = det3(result.data, 9 * b);
      expect(Math.abs(Math.abs(d) - 1)).toBeLessThan(1e-5);
      if (d > 0) positive++;
    }
    // Binomial(4000, 1/2): sd ≈ 31.6, allow 4 sd.
    expect(Math.abs(positive - draws / 2)).toBeLessThan(127);
    const five = orthogonal(key(77), 5, [2000]);
    const corner5 = Array.from({ length: 2000 }, (_, b) => (five.data[25 * b] + 1) / 2);
    expect(kstest(corner5, "beta", 2, 2).pValue).toBeGreaterThan(1e-3);
    // The check has power: n = 5's corner is far from uniform.
    expect(kstest(corner5, "beta", 1, 1).pValue).toBeLessThan(1e-3);
  });
});

describe("orthogonal: edge cases and validation", () => {
  it("handles zero sizes", () => {
    expect(orthogonal(key(0), 0)).toEqual({
      dtype: "float32",
      shape: [0, 0],
      data: new Float32Array(0),
    });
    expect(orthogonal(key(0), 3, [0]).shape).toEqual([0, 3, 3]);
    expect(orthogonal(key(0), 2, [], "float64", 0).shape).toEqual([2, 0]);
    // O(1) = {±1}: a 1 × 1 "QR" has τ = 0, R = z, Q = 1, so the result is sign(z).
    for (const seed of [0, 1, 2, 3]) {
      const z = normalKernel(key(seed), [1, 1], "float32", false);
      expect(orthogonal(key(seed), 1, [], "float32", 1, LEGACY).data[0]).toBe(Math.sign(z[0]));
    }
  });

  it("accepts shape as a number and m = null", () => {
    expect(orthogonal(key(3), 2, 4, "float32", null)).toEqual(orthogonal(key(3), 2, [4]));
  });

  it("rejects bad arguments", () => {
    const k = key(0);
    expect(() => orthogonal(k, -1)).toThrow(RangeError);
    expect(() => orthogonal(k, -1)).toThrow(/n must be an integer in \[0, /);
    expect(() => orthogonal(k, 2.5)).toThrow(/n must be an integer, got 2.5/);
    expect(() => orthogonal(k, "3" as never)).toThrow(TypeError);
    expect(() => orthogonal(k, 3, [], "float32", -2)).toThrow(/m must be an integer in/);
    expect(() => orthogonal(k, 3, [], "float32", 1.5)).toThrow(TypeError);
    expect(() => orthogonal(k, 3, [-1])).toThrow(/shape\[0\] must be an integer in/);
    expect(() => orthogonal(k, 3, [], "float16" as never)).toThrow(
      /dtype must be "float32" or "float64"/,
    );
    expect(() => orthogonal([1, 2, 3] as never, 3)).toThrow(TypeError);
    expect(() =>
      orthogonal(k, 3, [], "float32", undefined, { partitionable: "no" as never }),
    ).toThrow(/options\.partitionable/);
    expect(() => orthogonal(k, 70000, [], "float32", 70000)).toThrow(/too many|at most/);
  });
});
