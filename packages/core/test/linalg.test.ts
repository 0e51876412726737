import { describe, expect, it } from "vitest";
import { cholesky, eigh, fmaFloat32, qr, svd, symmetrize } from "../src/linalg.js";

const f32 = Math.fround;

/** Row-major product of an a×b and a b×c matrix, in doubles. */
function matmul(x: ArrayLike<number>, y: ArrayLike<number>, a: number, b: number, c: number) {
  const out = new Float64Array(a * c);
  for (let i = 0; i < a; i++)
    for (let k = 0; k < b; k++)
      for (let j = 0; j < c; j++) out[i * c + j] += x[i * b + k] * y[k * c + j];
  return out;
}
function transpose(x: ArrayLike<number>, rows: number, cols: number) {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = x[i * cols + j];
  return out;
}
function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>) {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}
function eye(n: number, m = n) {
  const out = new Float64Array(n * m);
  for (let i = 0; i < Math.min(n, m); i++) out[i * m + i] = 1;
  return out;
}
/** A deterministic pseudo-random matrix (a small LCG; test data only). */
function testMatrix(rows: number, cols: number, seed: number) {
  let s = seed;
  return Float64Array.from({ length: rows * cols }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 30 - 1;
  });
}
function spd(n: number, seed: number) {
  const f = testMatrix(n, n, seed);
  const a = matmul(f, transpose(f, n, n), n, n, n);
  for (let i = 0; i < n; i++) a[i * n + i] += 0.5;
  return a;
}
function ulpDistance32(x: number, y: number) {
  const b = new Int32Array(new Float32Array([x, y]).buffer);
  return Math.abs(b[0] - b[1]);
}

describe("fmaFloat32", () => {
  it("rounds a·b + c once", () => {
    // 97 · 172961 = 2^24 + 1, so a·b = 1 + 2^-24 exactly: a float32 tie. Adding
    // ±2^-100 leaves the double sum on the tie; the fused result must break it.
    const a = 97 / 128;
    const b = 172961 / 2 ** 17;
    expect(fmaFloat32(a, b, 2 ** -100)).toBe(f32(1 + 2 ** -23));
    expect(fmaFloat32(a, b, -(2 ** -100))).toBe(1);
    expect(fmaFloat32(a, b, 0)).toBe(1); // exact tie: to even
    expect(f32(f32(a * b) + 2 ** -100)).toBe(1); // unfused
    expect(fmaFloat32(2, 3, 1)).toBe(7);
  });
});

describe("cholesky", () => {
  it("reconstructs SPD matrices (float32 and float64)", () => {
    for (const n of [1, 2, 3, 5, 8]) {
      const a = spd(n, n);
      const l64 = cholesky(a, n, "float64");
      expect(maxAbsDiff(matmul(l64, transpose(l64, n, n), n, n, n), a)).toBeLessThan(1e-13);
      const l32 = cholesky(a, n, "float32");
      expect(l32.every((x) => x === f32(x))).toBe(true);
      expect(maxAbsDiff(matmul(l32, transpose(l32, n, n), n, n, n), a)).toBeLessThan(1e-5 * n);
      for (let i = 0; i < n; i++) {
        expect(l32[i * n + i]).toBeGreaterThan(0);
        for (let j = i + 1; j < n; j++) expect(l32[i * n + j]).toBe(0);
      }
    }
  });

  it("matches SciPy's spotrf (OpenBLAS 0.3.30, the LAPACK jaxlib calls) bit for bit for small n", () => {
    // NOT JAX output: produced by the jrng author with scipy.linalg.lapack.spotrf
    // (SciPy 1.17.1, scipy-openblas 0.3.30 Haswell kernels, AMD EPYC), lower=1.
    const cases = [
      {
        n: 2,
        a: [0.589250385761261, -0.2663975656032562, -0.2663975656032562, 1.3683054447174072],
        l: [0.7676264643669128, 0.0, -0.3470406234264374, 1.1170802116394043],
      },
      {
        n: 3,
        a: [
          1.693705677986145, -0.15857940912246704, -0.5702826380729675, -0.15857940912246704,
          2.923433303833008, 0.41542476415634155, -0.5702826380729675, 0.41542476415634155,
          0.8784257173538208,
        ],
        l: [
          1.301424503326416, 0.0, 0.0, -0.1218506395816803, 1.7054576873779297, 0.0,
          -0.4381988048553467, 0.21227732300758362, 0.8008407354354858,
        ],
      },
    ];
    for (const { n, a, l } of cases) expect(Array.from(cholesky(a, n, "float32"))).toEqual(l);
  });

  it("is exact for diagonal matrices", () => {
    const l = cholesky([2, 0, 0, 0, 3, 0, 0, 0, 0.5], 3, "float32");
    expect(Array.from(l)).toEqual([
      f32(Math.SQRT2),
      0,
      0,
      0,
      f32(Math.sqrt(3)),
      0,
      0,
      0,
      f32(Math.SQRT1_2),
    ]);
  });

  it("symmetrizes its input like JAX", () => {
    expect(Array.from(symmetrize([1, 2, 4, 1], 2, "float64"))).toEqual([1, 3, 3, 1]);
    expect(Array.from(cholesky([4, 0, 4, 5], 2, "float64"))).toEqual([2, 0, 1, 2]);
    expect(Array.from(cholesky([4, 0, 4, 5], 2, "float64", false))).toEqual([2, 0, 2, 1]);
  });

  it("gives NaN in the lower triangle when a pivot is not positive", () => {
    for (const a of [
      [1, 1, 1, 1], // singular PSD: second pivot exactly 0
      [1, 2, 2, 1], // indefinite
      [-1, 0, 0, 1], // negative first pivot
    ]) {
      const l = cholesky(a, 2, "float32");
      expect(Number.isNaN(l[0]) && Number.isNaN(l[2]) && Number.isNaN(l[3])).toBe(true);
      expect(l[1]).toBe(0);
    }
    // NaN pivots propagate without failing (OpenBLAS tests `ajj <= 0` only).
    const l = cholesky([1, NaN, NaN, 1], 2, "float32");
    expect(l[0]).toBe(1);
    expect(Number.isNaN(l[3])).toBe(true);
  });

  it("handles n = 0", () => {
    expect(cholesky([], 0, "float32").length).toBe(0);
  });
});

describe("qr", () => {
  it("reproduces jnp.linalg.qr's docstring example (JAX-printed) to 1 ULP", () => {
    // JAX-printed, float32, CPU: jax-ml/jax jax/_src/numpy/linalg.py @
    // 3f4099c80803ad59f747f07b8934392581e5f4f4, lines 1342-1350 (`# doctest: +SKIP`).
    const a = [1, 2, 3, 4, 5, 4, 2, 1, 6, 3, 1, 5];
    const jaxQ = [
      -0.12700021, -0.7581426, -0.6396022, -0.63500065, -0.43322435, 0.63960224, -0.7620008,
      0.48737738, -0.42640156,
    ];
    const jaxR = [
      -7.8740077, -5.080005, -2.4130025, -4.953006, 0, -1.7870499, -2.6534991, -1.028908, 0, 0,
      -1.0660033, -4.050814,
    ];
    const { q, r } = qr(a, 3, 4, "float32");
    q.forEach((x, i) => expect(ulpDistance32(x, jaxQ[i])).toBeLessThanOrEqual(1));
    r.forEach((x, i) => expect(ulpDistance32(x, jaxR[i])).toBeLessThanOrEqual(1));
  });

  it("matches SciPy's sgeqrf + sorgqr (OpenBLAS 0.3.30) bit for bit on small cases", () => {
    // NOT JAX output: produced by the jrng author with scipy.linalg.lapack.sgeqrf and
    // sorgqr (SciPy 1.17.1, scipy-openblas 0.3.30 Haswell kernels, AMD EPYC).
    const cases = [
      {
        m: 3,
        n: 3,
        a: [
          -0.9304680228233337, -0.02925182320177555, 0.695303201675415, -1.3442145586013794,
          -0.45761576294898987, -1.9012227058410645, -1.289537787437439, -1.8417350053787231,
          -0.23509113490581512,
        ],
        q: [
          -0.44686591625213623, -0.5044480562210083, -0.7388117909431458, -0.6455715298652649,
          -0.38988637924194336, 0.6566780209541321, -0.6193125247955322, 0.7704030871391296,
          -0.1514304280281067,
        ],
        r: [
          2.0822083950042725, 1.449104905128479, 1.0622628927230835, 0.0, -1.2257040739059448,
          0.20940148830413818, 0.0, 0.0, -1.7265894412994385,
        ],
      },
      {
        m: 4,
        n: 2,
        a: [
          -1.267446517944336, 0.27126434445381165, 0.15675108134746552, -0.18693093955516815,
          -2.5167596340179443, -0.5386928915977478, -0.048500943928956985, 0.11330898851156235,
        ],
        q: [
          -0.44902515411376953, 0.7900434732437134, 0.05553305894136429, -0.38169360160827637,
          -0.8916261196136475, -0.4258960485458374, -0.017182692885398865, 0.22080308198928833,
        ],
        r: [2.822662353515625, 0.3461803197860718, 0.0, 0.5401070713996887],
      },
    ];
    for (const { m, n, a, q, r } of cases) {
      const result = qr(a, m, n, "float32");
      expect(Array.from(result.q)).toEqual(q);
      expect(Array.from(result.r)).toEqual(r);
    }
  });

  it("reconstructs tall, square and wide matrices with orthonormal Q", () => {
    for (const [m, n] of [
      [1, 1],
      [3, 3],
      [6, 4],
      [4, 6],
      [9, 9],
    ]) {
      const a = testMatrix(m, n, 7 * m + n);
      const k = Math.min(m, n);
      for (const [dtype, tol] of [
        ["float32", 2e-6],
        ["float64", 1e-14],
      ] as const) {
        const { q, r } = qr(a, m, n, dtype);
        expect(maxAbsDiff(matmul(q, r, m, k, n), a)).toBeLessThan(tol * 4);
        expect(maxAbsDiff(matmul(transpose(q, m, k), q, k, m, k), eye(k))).toBeLessThan(tol);
        for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) expect(r[i * n + j]).toBe(0);
      }
    }
  });

  it("returns eye(m, k) and a zero R for empty matrices, as JAX", () => {
    expect(qr([], 3, 0, "float32")).toEqual({ q: new Float64Array(0), r: new Float64Array(0) });
    expect(qr([], 0, 2, "float32").q.length).toBe(0);
  });
});

describe("eigh", () => {
  it("reconstructs, sorts ascending and fixes signs", () => {
    for (const n of [1, 2, 3, 6]) {
      const a = spd(n, 3 * n);
      a[0] -= 2; // make some eigenvalues negative
      for (const [dtype, tol] of [
        ["float32", 1e-5],
        ["float64", 1e-12],
      ] as const) {
        const { values, vectors } = eigh(a, n, dtype);
        for (let j = 1; j < n; j++) expect(values[j]).toBeGreaterThanOrEqual(values[j - 1]);
        const scaled = vectors.map((x, i) => x * values[i % n]);
        expect(maxAbsDiff(matmul(scaled, transpose(vectors, n, n), n, n, n), a)).toBeLessThan(
          tol * n,
        );
        expect(maxAbsDiff(matmul(transpose(vectors, n, n), vectors, n, n, n), eye(n))).toBeLessThan(
          tol,
        );
        for (let j = 0; j < n; j++) {
          const column = Array.from({ length: n }, (_, i) => vectors[i * n + j]);
          const largest = column.reduce(
            (b, x, i) => (Math.abs(x) > Math.abs(column[b]) ? i : b),
            0,
          );
          expect(column[largest]).toBeGreaterThan(0);
        }
      }
    }
  });

  it("gives exact zero eigenvalues for the singular ones((2, 2)) and NaN for non-finite input", () => {
    const { values } = eigh([1, 1, 1, 1], 2, "float32");
    expect(Array.from(values)).toEqual([0, 2]);
    expect(eigh([1, NaN, NaN, 1], 2, "float32").values.every(Number.isNaN)).toBe(true);
  });
});

describe("svd", () => {
  it("reconstructs, sorts descending and gives orthogonal U and Vᵀ", () => {
    for (const [m, n] of [
      [1, 1],
      [2, 3],
      [3, 2],
      [4, 4],
      [5, 3],
    ]) {
      const a = testMatrix(m, n, 11 * m + n);
      const k = Math.min(m, n);
      for (const [dtype, tol] of [
        ["float32", 1e-5],
        ["float64", 1e-12],
      ] as const) {
        const { u, s, vt } = svd(a, m, n, dtype);
        for (let j = 1; j < k; j++) expect(s[j]).toBeLessThanOrEqual(s[j - 1]);
        const sigma = new Float64Array(m * n);
        for (let j = 0; j < k; j++) sigma[j * n + j] = s[j];
        const rebuilt = matmul(matmul(u, sigma, m, m, n), vt, m, n, n);
        expect(maxAbsDiff(rebuilt, a)).toBeLessThan(tol * 4);
        expect(maxAbsDiff(matmul(transpose(u, m, m), u, m, m, m), eye(m))).toBeLessThan(tol);
        expect(maxAbsDiff(matmul(vt, transpose(vt, n, n), n, n, n), eye(n))).toBeLessThan(tol);
      }
    }
  });

  it("agrees with jnp.linalg.svd's docstring singular values (JAX-printed) to LAPACK's float32 error", () => {
    // JAX-printed, float32: jax/_src/numpy/linalg.py @ 3f4099c80803ad59f747f07b8934392581e5f4f4,
    // lines 275-277 (`# doctest: +SKIP`): Array([9.361919 , 1.8315067]).
    // Exact values: sqrt((91 ± sqrt(7105)) / 2) = 9.3619224…, 1.8315073…; ours are
    // those rounded to float32, JAX's float32 gesdd is 3-4 ULP off, within n·u·‖A‖.
    const { s } = svd([1, 2, 3, 6, 5, 4], 2, 3, "float32");
    expect(s[0]).toBe(f32(Math.sqrt((91 + Math.sqrt(7105)) / 2)));
    expect(s[1]).toBe(f32(Math.sqrt((91 - Math.sqrt(7105)) / 2)));
    expect(Math.abs(s[0] - 9.361919)).toBeLessThan(2 * 2 ** -24 * 9.4 * 3);
    expect(Math.abs(s[1] - 1.8315067)).toBeLessThan(2 * 2 ** -24 * 9.4 * 3);
  });

  it("completes U for rank-deficient input and gives NaN for non-finite input", () => {
    const { u, s } = svd([1, 1, 1, 1], 2, 2, "float64");
    expect(s[1]).toBe(0);
    expect(maxAbsDiff(matmul(transpose(u, 2, 2), u, 2, 2, 2), eye(2))).toBeLessThan(1e-15);
    expect(svd([Infinity, 0, 0, 1], 2, 2, "float32").s.every(Number.isNaN)).toBe(true);
  });
});
