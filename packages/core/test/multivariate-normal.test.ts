import { fmaF64 } from "../src/fma-f64.js";
import { describe, expect, it } from "vitest";
import kstest from "@stdlib/stats-kstest";
import { key } from "../src/index.js";
import { cholesky } from "../src/linalg.js";
import {
  covarianceFactor,
  multivariateNormal,
  multivariateNormalKernel,
} from "../src/samplers/multivariate-normal.js";
import { normalKernel } from "../src/samplers/normal.js";
import { adler32 } from "./support/jax-seeds.js";

const LEGACY = { partitionable: false } as const;
const f32 = Math.fround;

const COV = [
  [2, 0.6, -0.3],
  [0.6, 1, 0.2],
  [-0.3, 0.2, 0.5],
];
const MEAN = [1, -2, 0.5];

/** Sample mean and covariance of rows of length n. */
function moments(data: ArrayLike<number>, n: number) {
  const rows = data.length / n;
  const mean = new Array<number>(n).fill(0);
  for (let r = 0; r < rows; r++) for (let i = 0; i < n; i++) mean[i] += data[r * n + i] / rows;
  const cov = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        cov[i][j] += ((data[r * n + i] - mean[i]) * (data[r * n + j] - mean[j])) / (rows - 1);
  return { mean, cov };
}

describe("multivariateNormal: JAX values", () => {
  it("reproduces _RANDOM_VALUES_CASES multivariate_normal (legacy, float32)", () => {
    // JAX-printed, legacy mode: jax-ml/jax tests/random_test.py @
    // 1b661b8949b424c083c345609dc2ee023416f1ea, lines 149-150:
    // RandomValuesCase("multivariate_normal", "threefry2x32", (2,), np.float32,
    //   {"mean": np.ones((1, 3)), "cov": np.eye(3)}, ...), seed = adler32(name + impl).
    // Printed to 6 decimals; with cov = I the factor is exact, so each value is
    // 1 + z with z within normal's 5 ULP: tolerance 5e-7 (printing) + 1e-6.
    const expected = [1.067826, 1.215599, 0.234166, -0.237534, 1.32591, 1.413987];
    const seed = adler32("multivariate_normal" + "threefry2x32");
    const eye3 = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const result = multivariateNormal(
      key(seed),
      [[1, 1, 1]],
      eye3,
      [2],
      "float32",
      "cholesky",
      LEGACY,
    );
    expect(result.shape).toEqual([2, 3]);
    expect(result.dtype).toBe("float32");
    result.data.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(1.5e-6));
  });
});

describe("multivariateNormal: recipe", () => {
  it("is mean + L·z with z = normal(key, [...shape, n]) and L = cholesky(cov), summed in float32", () => {
    const k = key(7);
    for (const partitionable of [true, false]) {
      const result = multivariateNormal(k, MEAN, COV, [4], "float32", "cholesky", {
        partitionable,
      });
      const z = normalKernel(k, [4, 3], "float32", partitionable);
      const l = cholesky(COV.flat(), 3, "float32");
      for (let b = 0; b < 4; b++) {
        for (let i = 0; i < 3; i++) {
          let sum = 0;
          for (let j = 0; j < 3; j++) sum = f32(sum + f32(l[i * 3 + j] * z[b * 3 + j]));
          expect(result.data[b * 3 + i]).toBe(f32(f32(MEAN[i]) + sum));
        }
      }
    }
  });

  it("with a diagonal cov is f32(mean + f32(sqrt(c)·z)) (bit-identical to JAX up to z)", () => {
    const k = key(3);
    const result = multivariateNormal(
      k,
      [0.5, -1],
      [
        [4, 0],
        [0, 0.25],
      ],
      [5],
    );
    const z = normalKernel(k, [5, 2], "float32", true);
    for (let b = 0; b < 5; b++) {
      expect(result.data[2 * b]).toBe(f32(0.5 + f32(2 * z[2 * b])));
      expect(result.data[2 * b + 1]).toBe(f32(-1 + f32(0.5 * z[2 * b + 1])));
    }
  });

  it("broadcasts batched mean and cov like JAX, factoring each covariance", () => {
    const mean = [
      [
        [0, 0],
        [10, 10],
        [20, 20],
      ],
      [
        [-5, 5],
        [1, 2],
        [3, 4],
      ],
    ]; // [2, 3, 2]
    const cov = [
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 1],
        [1, 2],
      ],
      [
        [1, -0.5],
        [-0.5, 3],
      ],
    ]; // [3, 2, 2]
    const k = key(11);
    for (const method of ["cholesky", "svd", "eigh"] as const) {
      const result = multivariateNormal(k, mean, cov, [4, 2, 3], "float64", method);
      expect(result.shape).toEqual([4, 2, 3, 2]);
      const z = normalKernel(k, [4, 2, 3, 2], "float64", true);
      for (let b = 0; b < 24; b++) {
        const m = mean[Math.floor(b / 3) % 2][b % 3];
        const f = covarianceFactor(cov[b % 3].flat(), 2, "float64", method);
        for (let i = 0; i < 2; i++) {
          // float64: XLA:CPU accumulates the product with FMAs.
          const expected = m[i] + fmaF64(f[2 * i + 1], z[2 * b + 1], f[2 * i] * z[2 * b]);
          expect(result.data[2 * b + i]).toBe(expected);
        }
      }
      expect(multivariateNormal(k, mean, cov, undefined, "float64", method).shape).toEqual([
        2, 3, 2,
      ]);
    }
  });

  it("gives different draws in the two threefry modes and for float64", () => {
    const a = multivariateNormal(key(0), MEAN, COV, [3]);
    const b = multivariateNormal(key(0), MEAN, COV, [3], "float32", "cholesky", LEGACY);
    const c = multivariateNormal(key(0), MEAN, COV, [3], "float64");
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data));
    expect(c.data).toBeInstanceOf(Float64Array);
    // float64 draws 64 random bits per normal, so the values differ too.
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data, f32));
  });
});

describe("multivariateNormal: statistics", () => {
  const N = 20000;
  for (const method of ["cholesky", "svd", "eigh"] as const) {
    it(`${method}: sample mean and covariance match, whitened samples are N(0, 1)`, () => {
      const result = multivariateNormal(key(2024), MEAN, COV, [N], "float32", method);
      const { mean, cov } = moments(result.data, 3);
      for (let i = 0; i < 3; i++) {
        expect(Math.abs(mean[i] - MEAN[i])).toBeLessThan(4 * Math.sqrt(COV[i][i] / N));
        for (let j = 0; j < 3; j++) expect(Math.abs(cov[i][j] - COV[i][j])).toBeLessThan(0.06);
      }
      // Whiten with the float64 Cholesky factor: L⁻¹(x − μ) must be iid N(0, 1).
      const l = cholesky(COV.flat(), 3, "float64");
      const white: number[] = [];
      for (let r = 0; r < N; r++) {
        const y: number[] = [];
        for (let i = 0; i < 3; i++) {
          let s = result.data[r * 3 + i] - MEAN[i];
          for (let j = 0; j < i; j++) s -= l[i * 3 + j] * y[j];
          y.push(s / l[i * 3 + i]);
        }
        white.push(...y);
      }
      // KS on the first 6000 (the exact p-value is slow for larger samples).
      expect(kstest(white.slice(0, 6000), "normal", 0, 1).pValue).toBeGreaterThan(1e-3);
    });
  }

  it("a wrong factor (cov itself instead of its square root) fails the whitening test", () => {
    const result = multivariateNormal(
      key(2024),
      [0, 0],
      [
        [4, 0],
        [0, 4],
      ],
      [N],
    );
    const white = Array.from(result.data.subarray(0, 6000), (x) => x / 4);
    expect(kstest(white, "normal", 0, 1).pValue).toBeLessThan(1e-3);
  });
});

describe("multivariateNormal: degenerate covariances", () => {
  it("singular ones((2, 2)): cholesky all NaN; svd and eigh finite with equal components", () => {
    // As JAX's testMultivariateNormalSingularCovariance (tests/random_lax_test.py).
    const chol = multivariateNormal(
      key(0),
      [0, 0],
      [
        [1, 1],
        [1, 1],
      ],
      [10],
    );
    expect(chol.data.every(Number.isNaN)).toBe(true);
    for (const method of ["svd", "eigh"] as const) {
      const r = multivariateNormal(
        key(0),
        [0, 0],
        [
          [1, 1],
          [1, 1],
        ],
        [10],
        "float32",
        method,
      );
      expect(r.data.some(Number.isNaN)).toBe(false);
      for (let b = 0; b < 10; b++)
        expect(Math.abs(r.data[2 * b] - r.data[2 * b + 1])).toBeLessThan(1e-6);
    }
  });

  it("indefinite cov: cholesky and eigh NaN, svd samples with covariance |cov|", () => {
    const cov = [
      [1, 2],
      [2, 1],
    ]; // eigenvalues 3 and -1; |cov| = [[2, 1], [1, 2]]
    expect(multivariateNormal(key(1), [0, 0], cov, [4]).data.every(Number.isNaN)).toBe(true);
    expect(
      multivariateNormal(key(1), [0, 0], cov, [4], "float32", "eigh").data.every(Number.isNaN),
    ).toBe(true);
    const r = multivariateNormal(key(1), [0, 0], cov, [20000], "float32", "svd");
    const { cov: sample } = moments(r.data, 2);
    expect(Math.abs(sample[0][0] - 2)).toBeLessThan(0.08);
    expect(Math.abs(sample[0][1] - 1)).toBeLessThan(0.08);
    expect(Math.abs(sample[1][1] - 2)).toBeLessThan(0.08);
  });

  it("only the batch elements with a failing covariance are NaN", () => {
    const r = multivariateNormal(
      key(5),
      [0, 0],
      [
        [
          [1, 0],
          [0, 1],
        ],
        [
          [1, 2],
          [2, 1],
        ],
      ],
      [2],
    );
    expect(r.data.slice(0, 2).some(Number.isNaN)).toBe(false);
    expect(r.data.slice(2).every(Number.isNaN)).toBe(true);
  });
});

describe("multivariateNormal: edge cases", () => {
  it("handles zero-size batches and n = 0", () => {
    expect(multivariateNormal(key(0), MEAN, COV, [0])).toEqual({
      dtype: "float32",
      shape: [0, 3],
      data: new Float32Array(0),
    });
    const empty = multivariateNormal(
      key(0),
      { dtype: "float32", shape: [0], data: new Float32Array(0) },
      {
        dtype: "float32",
        shape: [0, 0],
        data: new Float32Array(0),
      },
      [4],
    );
    expect(empty.shape).toEqual([4, 0]);
    expect(multivariateNormal(key(0), [MEAN, MEAN], COV, undefined).shape).toEqual([2, 3]);
  });

  it("accepts null shape, NdArray parameters and defaults", () => {
    const a = multivariateNormal(key(9), MEAN, COV);
    const b = multivariateNormal(key(9), MEAN, COV, null, "float32", "cholesky", {});
    expect(a).toEqual(b);
    expect(a.shape).toEqual([3]);
    const k = multivariateNormalKernel(
      key(9),
      [],
      "float32",
      { shape: [3], data: Float64Array.from(MEAN) },
      { shape: [3, 3], data: Float64Array.from(COV.flat()) },
      "cholesky",
      true,
    );
    expect(Array.from(k)).toEqual(Array.from(a.data));
  });
});

describe("multivariateNormal: validation", () => {
  it("rejects bad arguments with clear errors", () => {
    const k = key(0);
    expect(() => multivariateNormal(k, 1, [[1]])).toThrow(RangeError);
    expect(() => multivariateNormal(k, 1, [[1]])).toThrow(/mean\.ndim >= 1, got mean\.ndim == 0/);
    expect(() => multivariateNormal(k, [1], [1])).toThrow(/cov\.ndim >= 2, got cov\.ndim == 1/);
    expect(() =>
      multivariateNormal(
        k,
        [1, 2],
        [
          [1, 0, 0],
          [0, 1, 0],
        ],
      ),
    ).toThrow(/cov\.shape == \[\.\.\., n, n\] for n=2, but got cov\.shape == \[2, 3\]/);
    expect(() =>
      multivariateNormal(
        k,
        [1, 2, 3],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toThrow(RangeError);
    expect(() =>
      multivariateNormal(
        k,
        [
          [1, 2],
          [3, 4],
        ],
        [
          [
            [1, 0],
            [0, 1],
          ],
          [
            [1, 0],
            [0, 1],
          ],
          [
            [1, 0],
            [0, 1],
          ],
        ],
      ),
    ).toThrow(/do not broadcast/);
    expect(() =>
      multivariateNormal(
        k,
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 0],
          [0, 1],
        ],
        [],
      ),
    ).toThrow(/broadcast-compatible with shape argument/);
    // @ts-expect-error: bad method
    expect(() => multivariateNormal(k, MEAN, COV, [2], "float32", "qr")).toThrow(
      /method must be one of \{'svd', 'eigh', 'cholesky'\}, got "qr"/,
    );
    // @ts-expect-error: bad method type
    expect(() => multivariateNormal(k, MEAN, COV, [2], "float32", 3)).toThrow(TypeError);
    // @ts-expect-error: bad dtype
    expect(() => multivariateNormal(k, MEAN, COV, [2], "int32")).toThrow(
      /dtype must be "float32" or "float64"/,
    );
    expect(() => multivariateNormal(k, MEAN, COV, [-1])).toThrow(RangeError);
    expect(() => multivariateNormal(k, "x" as never, COV)).toThrow(/mean must be a number/);
    expect(() => multivariateNormal(k, MEAN, [[1, 2], [3]] as never)).toThrow(
      /cov must be a number/,
    );
    expect(() => multivariateNormal([1] as never, MEAN, COV)).toThrow(TypeError);
    expect(() =>
      multivariateNormal(k, MEAN, COV, [2], "float32", "cholesky", { partitionable: 1 as never }),
    ).toThrow(/options\.partitionable must be true or false/);
  });
});
