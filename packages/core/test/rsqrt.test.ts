import { describe, expect, it } from "vitest";
import { bitsToFloat32, f32, float32ToBits } from "../src/float.js";
import { gamma } from "../src/samplers/gamma.js";
import { mathIn } from "../src/xla-math/by-dtype.js";
import { rsqrtEstimateF32, rsqrtF32 } from "../src/xla-math/rsqrt.js";

// Outputs of the reciprocal-square-root instruction itself, measured on this project's
// reference CPU (AMD EPYC, family 25 model 1: Zen 3) with a C probe calling `_mm_rsqrt_ss`
// (and `_mm256_rsqrt_ps`, which agreed on every row). Not JAX values. Rows are
// [input bits, instruction output bits]: zeros, subnormals, class boundaries of the table
// (x = 1, 1 + 2^-12, 2, 4, a step of 2 between 1 + 15·2^-12 and 1 + 16·2^-12), the range
// limits, infinities, a negative number, NaN, then 32 random inputs of random exponents.
const INSTRUCTION_ESTIMATES: [number, number][] = [
  [0x00000000, 0x7f800000],
  [0x80000000, 0xff800000],
  [0x00000001, 0x7f800000],
  [0x007fffff, 0x7f800000],
  [0x80400000, 0xff800000],
  [0x00800000, 0x5efff800],
  [0x3f800000, 0x3f7ff800],
  [0x3f800fff, 0x3f7ff000],
  [0x3f801000, 0x3f7fe800],
  [0x3f807fff, 0x3f7f8800],
  [0x3f808000, 0x3f7f7800],
  [0x3fffffff, 0x3f350800],
  [0x40000000, 0x3f350000],
  [0x407fffff, 0x3f000000],
  [0x40800000, 0x3efff800],
  [0x7f7fffff, 0x1f800000],
  [0x7f800000, 0x00000000],
  [0xff800000, 0xffc00000],
  [0xbf800000, 0xffc00000],
  [0x7fc00000, 0x7fc00000],
  [0x5328a195, 0x359db800],
  [0x0f26cf3b, 0x579e9800],
  [0x2e6e61d0, 0x4804a800],
  [0x031ce8ce, 0x5da38000],
  [0x3ee8eff8, 0x3fbdc800],
  [0x6f768341, 0x27827000],
  [0x71528915, 0x268d2800],
  [0x3e8592d5, 0x3ffa9800],
  [0x55a1a3c0, 0x3463d000],
  [0x13727ab8, 0x55838800],
  [0x4a09d5a3, 0x3a2e7000],
  [0x06b5643e, 0x5bd71000],
  [0x1840810b, 0x53139800],
  [0x2626a056, 0x4c1ea800],
  [0x7e3f8f43, 0x20140000],
  [0x767067c8, 0x24041800],
  [0x7e117a7b, 0x2029d000],
  [0x7555b33a, 0x248c1800],
  [0x486038c4, 0x3b08c000],
  [0x4f1779e3, 0x37a66800],
  [0x42849c24, 0x3dfb8000],
  [0x06e6e0d5, 0x5bbe9800],
  [0x5f3392b2, 0x2f98d000],
  [0x69bd770b, 0x2a526800],
  [0x58b89a33, 0x32d53000],
  [0x2e39f84b, 0x48163000],
  [0x47efdcef, 0x3b3b0800],
  [0x65559aa1, 0x2c8c2000],
  [0x755f136c, 0x24892000],
  [0x674b1d7c, 0x2b8fb000],
  [0x7dba9985, 0x20540800],
  [0x4186d389, 0x3e797000],
];

// Values computed by real JAX: jax 0.10.2 / jaxlib 0.10.2, CPU (x86-64, AVX2+FMA, AMD EPYC
// Zen 3, glibc 2.36): `jax.jit(lax.rsqrt)` on a float32 array of length 1024 holding the
// inputs (the vectorized kernel: `vrsqrtps` plus XLA's Newton step). Rows are
// [input bits, JAX's output bits]. The first 26 were picked where JAX's result is not the
// correctly rounded 1/sqrt(x) (given in the comment): 12 in [1, 4), 14 elsewhere, the last
// two being gamma's d = a − 1/3 for a = 7.3 and a = 0.17 (boosted to 1.17). Then d for
// a = 2.5, 0.3 and 0.5, and the inputs that are not positive normal numbers.
const JAX_RSQRT: [number, number][] = [
  [0x3f89c172, 0x3f76c4cf], // correctly rounded: 0x3f76c4d0
  [0x3fbd07b7, 0x3f52a8a2], // correctly rounded: 0x3f52a8a1
  [0x4049eb69, 0x3f10201e], // correctly rounded: 0x3f10201f
  [0x405e06d2, 0x3f0971cb], // correctly rounded: 0x3f0971cc
  [0x401dabe0, 0x3f23198f], // correctly rounded: 0x3f23198e
  [0x4056a9ba, 0x3f0bc834], // correctly rounded: 0x3f0bc833
  [0x40379f05, 0x3f1722df], // correctly rounded: 0x3f1722e0
  [0x400d37c9, 0x3f2c56ef], // correctly rounded: 0x3f2c56f0
  [0x3fac14df, 0x3f5cca08], // correctly rounded: 0x3f5cca09
  [0x4001923c, 0x3f33eb1e], // correctly rounded: 0x3f33eb1f
  [0x406dd10a, 0x3f04cda5], // correctly rounded: 0x3f04cda6
  [0x3fb9451e, 0x3f54c922], // correctly rounded: 0x3f54c923
  [0x67671eb1, 0x2b86b6ac], // correctly rounded: 0x2b86b6ab
  [0x3d35354c, 0x409823a0], // correctly rounded: 0x409823a1
  [0x20cdc4e8, 0x4ec9e899], // correctly rounded: 0x4ec9e89a
  [0x23bf1e3a, 0x4d51813d], // correctly rounded: 0x4d51813e
  [0x38f26108, 0x42ba0943], // correctly rounded: 0x42ba0944
  [0x5b92daca, 0x316f0073], // correctly rounded: 0x316f0074
  [0x46909651, 0x3bf0de59], // correctly rounded: 0x3bf0de58
  [0x7eaa3a04, 0x1fddfd26], // correctly rounded: 0x1fddfd27
  [0x7e7618a6, 0x20028cd7], // correctly rounded: 0x20028cd8
  [0x40cbe927, 0x3ecad39c], // correctly rounded: 0x3ecad39b
  [0x4a81cdc4, 0x39fe370e], // correctly rounded: 0x39fe370f
  [0x414495ca, 0x3e92115e], // correctly rounded: 0x3e92115f
  [0x40deeeef, 0x3ec1faef], // correctly rounded: 0x3ec1faf0
  [0x3f562fc8, 0x3f8beff8], // correctly rounded: 0x3f8beff9
  [0x400aaaab, 0x3f2deaf2],
  [0x3f777776, 0x3f82302e],
  [0x3f955555, 0x3f6d028c],
  [0x00000000, 0x7f800000],
  [0x80000000, 0xff800000],
  [0x00000001, 0x7f800000],
  [0x807fffff, 0xff800000],
  [0x00800000, 0x5f000000],
  [0x7f7fffff, 0x1f800000],
  [0x7f800000, 0x00000000],
  [0xff800000, 0xffc00000],
  [0xbf800000, 0xffc00000],
];

function sameFloat32(actual: number, expectedBits: number): boolean {
  const expected = bitsToFloat32(expectedBits);
  return Number.isNaN(expected) ? Number.isNaN(actual) : float32ToBits(actual) === expectedBits;
}

describe("rsqrtEstimateF32: the reciprocal-square-root estimate of AMD Zen 3", () => {
  it("equals the instruction's output measured on the reference CPU", () => {
    const wrong = INSTRUCTION_ESTIMATES.filter(
      ([x, y]) => !sameFloat32(rsqrtEstimateF32(bitsToFloat32(x)), y),
    );
    expect(wrong).toEqual([]);
  });

  it("is constant on each of the 8192 classes of [1, 4), never increases and stays within 1.5 · 2^-12 relative error", () => {
    let previous = Infinity;
    let worst = 0;
    for (let index = 0; index < 8192; index++) {
      const first = 0x3f800000 + index * 2048;
      const last = first + 2047;
      const estimate = rsqrtEstimateF32(bitsToFloat32(first));
      expect(rsqrtEstimateF32(bitsToFloat32(last))).toBe(estimate);
      expect(estimate).toBeLessThanOrEqual(previous);
      previous = estimate;
      for (const bits of [first, last]) {
        const exact = 1 / Math.sqrt(bitsToFloat32(bits));
        worst = Math.max(worst, Math.abs(estimate - exact) / exact);
      }
    }
    // The processors' documented bound; the measured largest error is 1.06 · 2^-12.
    expect(worst).toBeLessThan(1.5 * 2 ** -12);
    expect(worst).toBeGreaterThan(2 ** -12);
  });

  it("scales by 2^-k when x scales by 4^k", () => {
    for (const x of [1, 1.2345, 2, 3.999]) {
      const estimate = rsqrtEstimateF32(x);
      for (const k of [-63, -20, -1, 1, 20, 63]) {
        expect(rsqrtEstimateF32(f32(x * 4 ** k))).toBe(estimate * 2 ** -k);
      }
    }
  });
});

describe("rsqrtF32: XLA:CPU's float32 rsqrt", () => {
  it("equals JAX's lax.rsqrt (jax 0.10.2, CPU, AMD EPYC) on every recorded input", () => {
    const wrong = JAX_RSQRT.filter(([x, y]) => !sameFloat32(rsqrtF32(bitsToFloat32(x)), y));
    expect(wrong).toEqual([]);
  });

  it("is the estimate for inputs that are not positive normal numbers", () => {
    expect(rsqrtF32(0)).toBe(Infinity);
    expect(rsqrtF32(-0)).toBe(-Infinity);
    expect(rsqrtF32(2 ** -149)).toBe(Infinity);
    expect(rsqrtF32(-(2 ** -130))).toBe(-Infinity);
    expect(rsqrtF32(Infinity)).toBe(0);
    expect(Object.is(rsqrtF32(Infinity), 0)).toBe(true);
    expect(rsqrtF32(-Infinity)).toBeNaN();
    expect(rsqrtF32(-1)).toBeNaN();
    expect(rsqrtF32(NaN)).toBeNaN();
  });

  it("is within 1 ULP of f32(1/sqrt(x)) on a sweep of [1, 4), equal to it on most inputs but not all", () => {
    let correctlyRounded = 0;
    let count = 0;
    for (let bits = 0x3f800000; bits < 0x40800000; bits += 997) {
      const x = bitsToFloat32(bits);
      const exact = f32(1 / Math.sqrt(x));
      const y = rsqrtF32(x);
      expect(Math.abs(float32ToBits(y) - float32ToBits(exact))).toBeLessThanOrEqual(1);
      if (y === exact) correctlyRounded++;
      count++;
    }
    expect(correctlyRounded / count).toBeGreaterThan(0.75);
    expect(correctlyRounded).toBeLessThan(count);
  });

  it("is what mathIn dispatches: rsqrtF32 in float32, 1 / sqrt(x) in float64", () => {
    expect(mathIn("float32").rsqrt).toBe(rsqrtF32);
    expect(mathIn("float64").rsqrt(7.3 - 1 / 3)).toBe(1 / Math.sqrt(7.3 - 1 / 3));
  });
});

describe("gamma's c = (1/3) · rsqrt(d) with XLA:CPU's rsqrt", () => {
  // Values computed by real JAX: jax 0.10.2 / jaxlib 0.10.2, CPU (AMD EPYC Zen 3),
  // `jax.random.gamma(jax.random.wrap_key_data([0, 42]), a, (8,), jnp.float32)`. For these
  // a, JAX's rsqrt(d) is not the correctly rounded value (JAX_RSQRT above).
  const JAX_GAMMA: [boolean, number, number[]][] = [
    [
      true,
      7.3,
      [
        0x41285cee, 0x40b6aa7c, 0x4123fde8, 0x40bab76f, 0x40a9a6c0, 0x40c0ff06, 0x40b1ae4a,
        0x400e6735,
      ],
    ],
    [
      true,
      0.17,
      [
        0x3dd09fdd, 0x3e337218, 0x3efb3636, 0x38b0a3be, 0x325ddfcf, 0x3a37ed64, 0x3b6de980,
        0x3e58dfed,
      ],
    ],
    [
      false,
      7.3,
      [
        0x40ce34fa, 0x41146e46, 0x41073a21, 0x411b6b5f, 0x41272458, 0x40d2f188, 0x40cfae69,
        0x407e82da,
      ],
    ],
    [
      false,
      0.17,
      [
        0x368af27a, 0x3d413954, 0x3f7867cc, 0x3ff18a93, 0x3f4e32b6, 0x3f0e1554, 0x3b83d069,
        0x3d31ef31,
      ],
    ],
  ];
  for (const [partitionable, a, expected] of JAX_GAMMA) {
    it(`${partitionable ? "partitionable" : "legacy"}: gamma a=${a}, float32, equals JAX bit for bit`, () => {
      const result = gamma(Uint32Array.of(0, 42), a, [8], "float32", { partitionable });
      expect(Array.from(result.data, float32ToBits)).toEqual(expected);
    });
  }
});
