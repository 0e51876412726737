import { describe, expect, it } from "vitest";
import { ball, cauchy, wrapKeyData } from "../src/index.js";
import { eagerExp } from "../src/xla-math/eager-exp.js";
import { expF32 } from "../src/xla-math/exp.js";
import { expF64 } from "../src/xla-math/exp-f64.js";
import { glibcExpF32 } from "../src/xla-math/exp-glibc.js";
import { firstLibmIndex } from "../src/xla-math/libm-tail.js";
import { logF32 } from "../src/xla-math/log.js";
import { glibcLogF32 } from "../src/xla-math/log-glibc.js";
import { tanF64 } from "../src/xla-math/tan-f64.js";
import { fromHex, fromHex32, toHex, toHex32 } from "./support/bit-patterns.js";

// glibc values in this file are glibc 2.36's outputs (Debian 12, x86-64 with
// AVX2+FMA, so the `__tan_fma`, `__expf_fma` and `__logf_fma` variants),
// printed by a C program calling `tan`, `expf` and `logf`. Each input was
// picked where the obvious alternative differs: JavaScript's `Math.tan`
// (fdlibm) for `tan`, XLA's own `exp` and `log` (`expF32`, `logF32`) for
// `expf` and `logf`. Sampler values are JAX's: jax 0.10.2 / jaxlib
// 0.10.2 CPU (same machine), jax_enable_x64 on, key wrap_key_data([0, 42]).
// Floats are IEEE bit patterns.

const X64 = { x64: true } as const;
const KEY = wrapKeyData([0, 42]);

describe("tanF64 equals glibc 2.36's tan", () => {
  // [x, tan(x)], two per path of glibc's s_tan.c.
  it.each([
    ["0x832514e193aef2be", "0x832514e193aef2be"], // |x| < 1.26e-8: x
    ["0x88489e1ce4d4c0db", "0x88489e1ce4d4c0db"],
    ["0xbf9c8b969528b03b", "0xbf9c8d7b4ef2b9e5"], // |x| ≤ 0.0608: polynomial
    ["0x3fabdccb5124d4b6", "0x3fabe3d7f73e44f3"],
    ["0x3fe7197b0d674a98", "0x3fec2bf2e923109d"], // |x| ≤ 0.787: table
    ["0x3fe5f45b780965d8", "0x3fea3352c28076fd"],
    ["0x3ff84477430f5879", "0x40327905a72ddbb0"], // |x| ≤ 25, reduced near 0, −cot
    ["0x3ff86c18b5f190c5", "0x4036814098f4ff94"],
    ["0xc035ee6d64f2331a", "0x3faea663dc431329"], // |x| ≤ 25, reduced near 0, tan
    ["0xc009850acc36007c", "0xbfa8c8d0e58e5064"],
    ["0x3ff029ccb88818b9", "0x3ff97ca52f3bd2e7"], // |x| ≤ 25, table, −cot
    ["0x3fed4d133cea94f6", "0x3ff4d2f38e863956"],
    ["0x40337c6fa0b0f4ac", "0x3fe7a722cf19f6c5"], // |x| ≤ 25, table, tan
    ["0x40305433e75dc0db", "0x3fe6e4253d15c725"],
    ["0x4061dfd14864c5bf", "0xc03346a8ef0a9d9e"], // |x| ≤ 1e8, near 0, −cot
    ["0x40d85ed1e0c4113d", "0xc03a3bf04081df80"],
    ["0x415d4b2a70c71669", "0x3fa5ca7022302fa8"], // |x| ≤ 1e8, near 0, tan
    ["0x4191ce2c116ec70e", "0x3f9bb7a3f6894370"],
    ["0xc0648f2d0913999d", "0xc0002c36cdcb7d16"], // |x| ≤ 1e8, table, −cot
    ["0x408949d4b7179ef2", "0xc00d0beb340768b3"],
    ["0xc16d05389a0d6138", "0xbfe4be3ec222155b"], // |x| ≤ 1e8, table, tan
    ["0xc1025c230346e573", "0xbfe73fb90a423b03"],
    ["0x4257f4867d660b7b", "0xc0314e7d35a3eb2e"], // |x| > 1e8 (2/π table), near 0, −cot
    ["0xc27fafee86b6a062", "0x40316febc8d8a64f"],
    ["0x62ed4ae5f41a8f14", "0xbfc1e2536e1b5909"], // |x| > 1e8, near 0, tan
    ["0xf67b56de6d32229f", "0x3fd2d4f6b68cf6a1"],
    ["0xc1db7f0803802057", "0x3ff2f1a544f82e1d"], // |x| > 1e8, table, −cot
    ["0x42cf121a2d2d929f", "0x3ff08658c84d575b"],
    ["0x6adaab21e066f7ce", "0xbfe43f8f1607751b"], // |x| > 1e8, table, tan
    ["0x782989dcbe3ec9cf", "0xbfce0130b62a1a2a"],
  ] as const)("tan(%s) = %s", (x, y) => {
    expect(toHex(tanF64(fromHex(x)))).toBe(y);
  });

  it("keeps zeros' signs and maps infinities and NaN to NaN", () => {
    expect(Object.is(tanF64(-0), -0)).toBe(true);
    expect(Object.is(tanF64(0), 0)).toBe(true);
    expect(tanF64(Infinity)).toBeNaN();
    expect(tanF64(-Infinity)).toBeNaN();
    expect(tanF64(NaN)).toBeNaN();
  });
});

describe("glibcExpF32 equals glibc 2.36's expf", () => {
  it.each([
    ["0xc2a45657", "0x042f8c47"],
    ["0xc2abb730", "0x018c664b"],
    ["0xc0a2ce8b", "0x3bca3f81"],
    ["0xc0ba6adb", "0x3b4168e6"],
    ["0xbf830d7c", "0x3eb7ea55"],
    ["0xbf848741", "0x3eb5cea7"],
    ["0xbc26bdd9", "0x3f7d686b"],
    ["0xbc500f65", "0x3f7cc505"],
    ["0x3be88ebd", "0x3f80e963"],
    ["0xbb5c936c", "0x3f7f23cb"],
    ["0x3c7aa5ec", "0x3f81f927"],
    ["0x3d4ab76d", "0x3f867e89"],
    ["0x3f85cc3c", "0x403607ff"],
    ["0x3fcb2767", "0x409c78c9"],
    ["0x40a41386", "0x4328934f"],
    ["0x40a70710", "0x4338dccb"],
    ["0x41a944bb", "0x4eb83a65"],
    ["0x41d9f720", "0x531e5fa3"],
  ] as const)("expf(%s) = %s", (x, y) => {
    expect(toHex32(glibcExpF32(fromHex32(x)))).toBe(y);
  });

  it("overflows, underflows and passes NaN as glibc does", () => {
    expect(glibcExpF32(89)).toBe(Infinity);
    expect(glibcExpF32(Infinity)).toBe(Infinity);
    expect(glibcExpF32(-105)).toBe(0);
    expect(glibcExpF32(-Infinity)).toBe(0);
    expect(glibcExpF32(NaN)).toBeNaN();
    expect(glibcExpF32(0)).toBe(1);
  });
});

describe("glibcLogF32 equals glibc 2.36's logf", () => {
  // Two inputs from each of the 16 table subintervals of [0x3f330000,
  // 2·0x3f330000), and from below, above, near 1 and subnormal.
  it.each([
    ["0x3fb5c37c", "0x3eb38be7"], // subinterval 0
    ["0x3fb85301", "0x3ebab583"],
    ["0x3fbfaabe", "0x3eceb592"], // 1
    ["0x3f3e6d8a", "0xbe9780b6"],
    ["0x3f456056", "0xbe852748"], // 2
    ["0x3f43a313", "0xbe89af6c"],
    ["0x3f4b9ad2", "0xbe6a7e20"], // 3
    ["0x3f4eedee", "0xbe59e82b"],
    ["0x3fd9a934", "0x3f07e99b"], // 4
    ["0x3fd58e81", "0x3f030a09"],
    ["0x3f5e4347", "0xbe10b565"], // 5
    ["0x3f5fd6a4", "0xbe097998"],
    ["0x3f65c510", "0xbddd6355"], // 6
    ["0x3f675410", "0xbdcf8af1"],
    ["0x3f6fe72e", "0xbd85009d"], // 7
    ["0x3feeee27", "0x3f1fc7bd"],
    ["0x3f75063d", "0xbd337c5e"], // 8
    ["0x3f735bec", "0xbd4f6b4d"],
    ["0x3ffb8d3f", "0x3f2cf555"], // 9
    ["0x3ffdfba9", "0x3f2f6bb5"],
    ["0x3f874ae2", "0x3d62f476"], // 10
    ["0x3f8ac3c7", "0x3da5602a"],
    ["0x3f8b91e1", "0x3db1392f"], // 11
    ["0x3f8b2162", "0x3daac3da"],
    ["0x3f954b60", "0x3e1d9562"], // 12
    ["0x3f953627", "0x3e1d03c7"],
    ["0x3fa2932c", "0x3e74d8db"], // 13
    ["0x3f1dd91d", "0xbef7931d"],
    ["0x3f27fb71", "0xbed7b72f"], // 14
    ["0x3f248ab5", "0xbee24f7c"],
    ["0x3f2b3b2a", "0xbecde859"], // 15
    ["0x3f2f8ece", "0xbec12188"],
    ["0x3f7b6a6f", "0xbc940670"], // near 1
    ["0x3f79ccb5", "0xbcc8da9a"],
    ["0x1c1bbe48", "0xc24411af"], // small
    ["0x3eac1105", "0xbf8b93a9"],
    ["0x70cae3d4", "0x4288c733"], // large
    ["0x42b8d7e8", "0x4090d7f5"],
    ["0x007352dc", "0xc2aee1b5"], // subnormal
    ["0x007e7bed", "0xc2aeb269"],
  ] as const)("logf(%s) = %s", (x, y) => {
    expect(toHex32(glibcLogF32(fromHex32(x)))).toBe(y);
    expect(toHex32(logF32(fromHex32(x)))).not.toBe(y);
  });

  it("maps 0, 1, ∞, negatives and NaN as glibc does", () => {
    expect(glibcLogF32(0)).toBe(-Infinity);
    expect(glibcLogF32(-0)).toBe(-Infinity);
    expect(Object.is(glibcLogF32(1), 0)).toBe(true);
    expect(glibcLogF32(Infinity)).toBe(Infinity);
    expect(glibcLogF32(-1)).toBeNaN();
    expect(glibcLogF32(-Infinity)).toBeNaN();
    expect(glibcLogF32(NaN)).toBeNaN();
  });
});

describe("firstLibmIndex: the elements of a short float32 kernel that glibc computes", () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 0],
    [4, 4],
    [5, 0],
    [6, 0],
    [7, 0],
    [8, 8],
    [9, 9],
    [10, 10],
    [11, 8],
    [12, 12],
    [13, 8],
    [14, 8],
    [15, 8],
    [16, 16],
    [19, 19],
    [1003, 1003],
  ] as const)("length %i: from index %i", (length, first) => {
    expect(firstLibmIndex(length)).toBe(first);
  });
});

describe("eagerExp: which routine an eager jnp.exp uses per element (jax 0.10.2 CPU)", () => {
  // An input where XLA's exp and glibc's expf differ (glibc: 0x3eb7ea55).
  const x = fromHex32("0xbf830d7c");
  const xla = toHex32(expF32(x));
  const glibc = "0x3eb7ea55";

  it("the input tells the two routines apart", () => {
    expect(xla).not.toBe(glibc);
  });

  it.each([
    [[3], [0, 1, 2], []],
    [[7], [0, 6], []],
    [[11], [8, 10], [0, 7]],
    [[15], [8, 14], [0, 7]],
    [[4], [], [0, 3]],
    [[12], [], [0, 11]],
    [[16], [], [0, 15]],
    [[2, 3], [], [0, 5]],
    [[1, 3], [], [0, 2]],
  ] as const)("shape %j: glibc at %j, XLA at %j", (shape, glibcAt, xlaAt) => {
    const exp = eagerExp("float32", shape);
    for (const i of glibcAt) expect(toHex32(exp(x, i))).toBe(glibc);
    for (const i of xlaAt) expect(toHex32(exp(x, i))).toBe(xla);
  });

  it("float64 is XLA's own exp on every element", () => {
    for (const shape of [[3], [11], [2, 3]]) {
      const exp = eagerExp("float64", shape);
      for (const index of [0, 2])
        expect(exp(-1.0238490104675293, index)).toBe(expF64(-1.0238490104675293));
    }
  });
});

describe("float64 samplers through glibc's tan and XLA's division agree with JAX", () => {
  // cauchy(key, (256,), float64): JAX's values at element 0 and wherever
  // Math.tan gives another value.
  it.each([
    [
      true,
      [
        [0, "0xbfcdff0d1835f7e4"],
        [39, "0xbfe086f012caa233"],
        [78, "0xbff769f4c567258d"],
        [85, "0xbffe011385d3c47f"],
        [94, "0x3fe4a13bb08f717d"],
        [110, "0x3ff263db5530cdf5"],
        [117, "0xbfe6176766fe900d"],
        [121, "0xbff28b71cd9a1ec5"],
        [167, "0x3ff9db73005e1112"],
        [186, "0x3fe934aa9163f393"],
        [199, "0xbfe2acbd549c6e43"],
        [200, "0xc01f6f7e3f3812ac"],
        [201, "0xbff41f7b12338c66"],
        [205, "0x3ff2dfe3a220be0b"],
        [222, "0xbfd9831937930c81"],
        [223, "0x3fe4e1b0c6da9663"],
      ],
    ],
    [
      false,
      [
        [0, "0x3ff78566ace6861a"],
        [26, "0xbfd14a06266f8735"],
        [54, "0x3fe887a69c276cc9"],
        [151, "0xbfe53e8e2abd57f3"],
        [191, "0x3fe0e0c274dfcfdd"],
        [240, "0xbff80eec4d0a5893"],
      ],
    ],
  ] as const)("cauchy float64, partitionable %s", (partitionable, expected) => {
    const data = cauchy(KEY, [256], "float64", { ...X64, partitionable }).data;
    for (const [index, hex] of expected) expect(toHex(data[index])).toBe(hex);
  });

  // ball(key, 1, 3.5, shape, float64): d = 1 keeps the division except in
  // legacy mode with one batch axis longer than 1.
  it.each([
    [
      true,
      [4],
      ["0xbfaafdf75c9a393a", "0xbfd6916e65d8b5af", "0xbfecd23da0069022", "0x3fe179d06505abef"],
    ],
    [
      true,
      [2, 3],
      [
        "0xbfaafdf75c9a393a",
        "0xbfd6916e65d8b5af",
        "0xbfecd23da0069022",
        "0x3fe179d06505abef",
        "0xbfcea9e065d45c2b",
        "0xbfd9f90eaf0d574e",
      ],
    ],
    [
      false,
      [4],
      ["0xbfb41432b36e9c78", "0x3fb9e76d416bd7cd", "0x3fecaf55bbb64652", "0xbfd4eaf5ac26154d"],
    ],
    [
      false,
      [2, 3],
      [
        "0x3fe1e7e1b701f1b9",
        "0x3fd26fbfa60ac94d",
        "0x3fe863b0e56f8d52",
        "0xbfb58f3a0f9fc8a8",
        "0xbfdff07993a3de93",
        "0xbfde8c8266e1c3e0",
      ],
    ],
  ] as const)(
    "ball d = 1 float64, partitionable %s, shape %j",
    (partitionable, shape, expected) => {
      const data = ball(KEY, 1, 3.5, shape, "float64", { ...X64, partitionable }).data;
      expect(Array.from(data, toHex)).toEqual(expected);
    },
  );
});
