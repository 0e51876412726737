import { describe, expect, it } from "vitest";
import {
  ball,
  binomial,
  bits,
  categorical,
  dirichlet,
  exponential,
  f,
  gamma,
  generalizedNormal,
  gumbel,
  key,
  loggamma,
  logistic,
  lognormal,
  maxwell,
  multivariateNormal,
  normal,
  pareto,
  poisson,
  randint,
  uniform,
  wald,
  weibullMin,
  wrapKeyData,
  type NdArray,
} from "../src/index.js";
import { fmaF64 } from "../src/fma-f64.js";
import { expF64 } from "../src/xla-math/exp-f64.js";
import { log1pF64 } from "../src/xla-math/log1p-f64.js";
import { logF64 } from "../src/xla-math/log-f64.js";
import { powF64 } from "../src/xla-math/pow-f64.js";
import { fromHex, fromHex32, toHex, toHex32 } from "./support/bit-patterns.js";

// Expected values in this file are JAX's: jax 0.10.2 / jaxlib 0.10.2 CPU
// (x86-64 with AVX2+FMA, glibc 2.36), jax_enable_x64 on, threefry
// partitionable. The elementary-function tables were computed by
// jax.jit(jnp.log / jnp.log1p / jnp.exp / jnp.power) on float64 arrays of 64
// elements (the inputs below, padded); the sampler rows are the first 8
// elements of the jax.random call named in each row, with the key
// wrap_key_data([0, 42]). Floats are IEEE bit patterns. XLA:CPU runs with
// subnormals flushed (its log of a subnormal is −∞), which these routines do
// not model: the inputs here are normal.

const hexOf = (array: NdArray): string[] =>
  Array.from(
    array.data as Float64Array | Float32Array,
    array.dtype === "float32" ? toHex32 : toHex,
  ).slice(0, 8);
const X64 = { x64: true };
const KEY = wrapKeyData(Uint32Array.of(0, 42)).data;

describe("logF64 equals XLA:CPU's float64 log", () => {
  it.each([
    ["0x01a56e1fc2f8f359", "0xc085963447f87fb5"],
    ["0x0011fa182c40c60d", "0xc086223d4599f226"],
    ["0x3ddb7cdfd9d7bdbb", "0xc037069e2aa2aa5b"],
    ["0x3f50624dd2f1a9fc", "0xc01ba18a998fffa0"],
    ["0x3fb999999999999a", "0xc0026bb1bbb55515"],
    ["0x3fd5555555555555", "0xbff193ea7aad030b"],
    ["0x3fe0000000000000", "0xbfe62e42fefa39ef"],
    ["0x3feccccccccccccd", "0xbfbaf8e8210a415c"],
    ["0x3fedc28f5c28f5c3", "0xbfb293fe305fa975"],
    ["0x3fefffeb074a771d", "0xbee4f8bc681df714"],
    ["0x3ff0000000000000", "0x0000000000000000"],
    ["0x3ff000001ad7f29b", "0x3e7ad7f2847b6492"],
    ["0x3ff0cccccccccccd", "0x3fa8fb063ef2c7f0"],
    ["0x3ff11eb851eb851f", "0x3fb15213c27c9180"],
    ["0x3ff8000000000000", "0x3fd9f323ecbf984c"],
    ["0x4000000000000000", "0x3fe62e42fefa39ef"],
    ["0x4024000000000000", "0x40026bb1bbb55516"],
    ["0x40c81cd6c8b43958", "0x4022d79559791e31"],
    ["0x7e37e43c8800759c", "0x4085963447f87fb5"],
  ] as const)("log(%s) = %s", (x, y) => {
    expect(toHex(logF64(fromHex(x)))).toBe(y);
  });
});

describe("log1pF64 equals XLA:CPU's float64 log1p", () => {
  it.each([
    ["0xbfeffffde7210be9", "0xc02ba18a998fc064"],
    ["0xbfe8000000000000", "0xbff62e42fefa39ef"],
    ["0xbfe0000000000000", "0xbfe62e42fefa39ef"],
    ["0xbfda827999fcef32", "0xbfe11d14e1fcb72f"],
    ["0xbfda827999fcef33", "0xbfe11d14e1fcb731"],
    ["0xbfd3333333333333", "0xbfd6d3c324e13f4f"],
    ["0xbfb999999999999a", "0xbfbaf8e8210a415e"],
    ["0xbee4f8b588e368f1", "0xbee4f8bc681e6006"],
    ["0x81a56e1fc2f8f359", "0x81a56e1fc2f8f359"],
    ["0x0000000000000000", "0x0000000000000000"],
    ["0x3c670ef54646d497", "0x3c670ef54646d497"],
    ["0x3ee4f8b588e368f1", "0x3ee4f8aea9ae7317"],
    ["0x3fc999999999999a", "0x3fc7565011e49676"],
    ["0x3fda3d70a3d70a3d", "0x3fd5fd5fabe64085"],
    ["0x3fe0000000000000", "0x3fd9f323ecbf984c"],
    ["0x3ff0000000000000", "0x3fe62e42fefa39ef"],
    ["0x4008000000000000", "0x3ff62e42fefa39ef"],
    ["0x4202a05f20000000", "0x4037069e2aa3184e"],
  ] as const)("log1p(%s) = %s", (x, y) => {
    expect(toHex(log1pF64(fromHex(x)))).toBe(y);
  });
});

describe("expF64 equals XLA:CPU's float64 exp", () => {
  it.each([
    ["0xc087480000000000", "0x0000000000000000"],
    ["0xc086280000000000", "0x0000000000000000"],
    ["0xc086231eb851eb85", "0x00101a5ff6ed496b"],
    ["0xc059000000000000", "0x36ea8c1f14e2af5c"],
    ["0xc025000000000000", "0x3efcdfc263f6a0ba"],
    ["0xbff0000000000000", "0x3fd78b56362cef37"],
    ["0xbddb7cdfd9d7bdbb", "0x3feffffffff24190"],
    ["0x0000000000000000", "0x3ff0000000000000"],
    ["0x01a56e1fc2f8f359", "0x3ff0000000000000"],
    ["0x3e45798ee2308c3a", "0x3ff0000002af31dc"],
    ["0x3fe0000000000000", "0x3ffa61298e1e069c"],
    ["0x3fe62e42fefa39ef", "0x4000000000000000"],
    ["0x3ff0000000000000", "0x4005bf0a8b14576a"],
    ["0x4004000000000000", "0x40285d6fd931e0bb"],
    ["0x4024000000000000", "0x40d5829dcf950560"],
    ["0x4059000000000000", "0x48f3494a9b171bf5"],
    ["0x4085e00000000000", "0x7f0d945df4f8ec8e"],
    ["0x40862e3d70a3d70a", "0x7fefe9ce5c4c52b4"],
    ["0x4086300000000000", "0x7ff0000000000000"],
  ] as const)("exp(%s) = %s", (x, y) => {
    expect(toHex(expF64(fromHex(x)))).toBe(y);
  });
});

describe("powF64 equals XLA:CPU's float64 pow (glibc's)", () => {
  it.each([
    ["0x3fe0000000000000", "0x3ff4000000000000", "0x3fdae89f995ad3ad"],
    ["0x3fd0000000000000", "0x3ffaaaaaaaaaaaab", "0x3fb965fea53d6e3c"],
    ["0x3feccccccccccccd", "0x3fe0000000000000", "0x3fee5b9d136c6d96"],
    ["0x3ff0000000000000", "0x400a666666666666", "0x3ff0000000000000"],
    ["0x3ff8000000000000", "0xbfe6666666666666", "0x3fe817bd74cd556d"],
    ["0x4000000000000000", "0x4000000000000000", "0x4010000000000000"],
    ["0x400d99999999999a", "0x3fd5555555555555", "0x3ff8bf33eb6b7486"],
    ["0x4024000000000000", "0x3fe999999999999a", "0x40193d00d2348997"],
    ["0x3ee4f8b588e368f1", "0x3ffb333333333333", "0x3e2b29ec0fbe4539"],
    ["0x3fbf9add3739635f", "0x4004000000000000", "0x3f75ef7c70bc1959"],
    ["0x401e000000000000", "0xc000000000000000", "0x3f923456789abcdf"],
    ["0x3fe8000000000000", "0x3fe5555555555555", "0x3fea6a58d55e307c"],
    ["0x4202a05f20000000", "0x3f847ae147ae147b", "0x3ff4248ef8fc2604"],
  ] as const)("pow(%s, %s) = %s", (x, y, z) => {
    expect(toHex(powF64(fromHex(x), fromHex(y)))).toBe(z);
  });
});

describe("float64 samplers with x64 equal JAX bit for bit", () => {
  it.each([
    [
      "uniform",
      () => uniform(KEY, [16], "float64", -3.5, 7.25, X64),
      [
        "0x3ff165ab101ed6e3",
        "0xc00ab589cea79bf5",
        "0x4005605d0ea11d16",
        "0x401161d8aecaf3b4",
        "0x400f269cc0839c7a",
        "0x400b60eeee748187",
        "0x400b704630ed2ee6",
        "0x4006fffc9de57650",
      ],
    ],
    [
      "normal",
      () => normal(KEY, [16], "float64", X64),
      [
        "0xbfc7a4a26c962159",
        "0xc0015bccfaa7ba3a",
        "0x3fc7ed8110b50460",
        "0x3fe397ad84a04356",
        "0x3fdf5603e3665211",
        "0x3fd79dc43b3389fb",
        "0x3fd7bc68fa0d483d",
        "0x3fce1f34ac8bb7b6",
      ],
    ],
    [
      "exponential",
      () => exponential(KEY, [16], "float64", X64),
      [
        "0x3fe1cdfb42ad6bbd",
        "0x3f8ef94239785787",
        "0x3feb51244a07debe",
        "0x3ff4f048657d925a",
        "0x3ff2a034493c5310",
        "0x3ff085bbac0d2764",
        "0x3ff08dc1b83cdf91",
        "0x3fecc496f33081ad",
      ],
    ],
    [
      "logistic",
      () => logistic(KEY, [16], "float64", X64),
      [
        "0xbfd2e4ce8e1bb130",
        "0xc010bc52f0aa2de7",
        "0x3fd31f3904ca048e",
        "0x3fefcc6c2f7839e0",
        "0x3fe9467f6abedfb4",
        "0x3fe2f5bb1d3cc576",
        "0x3fe30ea34f788b20",
        "0x3fd8182af36d06b6",
      ],
    ],
    [
      "gumbel",
      () => gumbel(KEY, [16], "float64", "low", X64),
      [
        "0x3fc48f6eaaf61cee",
        "0xbff6f529fdd24e87",
        "0x3fe2d9332776f2e1",
        "0x3ff27c29bdd6aedd",
        "0x3fef7335130f98c7",
        "0x3fea429ecb086fa4",
        "0x3fea56c61d611397",
        "0x3fe4c551e2a0a7e7",
      ],
    ],
    [
      "lognormal",
      () => lognormal(KEY, 0.7, [16], "float64", X64),
      [
        "0x3fec1e685dfee598",
        "0x3fcc06cd71951716",
        "0x3ff23ca1687d789a",
        "0x3ff88fb548421d70",
        "0x3ff68a70ab027148",
        "0x3ff4b737efd62085",
        "0x3ff4be2a8c1445e4",
        "0x3ff2dd7c61460ef0",
      ],
    ],
    [
      "pareto",
      () => pareto(KEY, 2.5, [16], "float64", X64),
      [
        "0x3ff3fd00530e1926",
        "0x3ff018daa2106018",
        "0x3ff68315b5ab032a",
        "0x3ffb017ff845a4fc",
        "0x3ff97d18db1ac0ef",
        "0x3ff82ed7021ca982",
        "0x3ff833b151b057a6",
        "0x3ff6ec906a9043b7",
      ],
    ],
    [
      "weibullMin",
      () => weibullMin(KEY, 1.5, 0.8, [16], "float64", X64),
      [
        "0x3fe710dbafafa500",
        "0x3f804afe56139701",
        "0x3ff3b16f6b5bf41b",
        "0x4000cbe0304c02b6",
        "0x3ffd053f649af531",
        "0x3ff8fbc3c1e03046",
        "0x3ff90aef134498e2",
        "0x3ff5025ae4cf6c59",
      ],
    ],
    [
      "gamma",
      () => gamma(KEY, 0.6, [16], "float64", X64),
      [
        "0x3fd3788bf248e208",
        "0x3fa05c1f5afdca30",
        "0x3fbb849bac328b60",
        "0x3fbb8f29262a1238",
        "0x3fbcb2cff5016574",
        "0x3fa0151cdd89a0bd",
        "0x3fb64ea07feb4ec9",
        "0x3fc85a39474c0da6",
      ],
    ],
    [
      "loggamma",
      () => loggamma(KEY, 0.4, [16], "float64", X64),
      [
        "0xc001d11b4d885fbf",
        "0xc01585bdc0faf94f",
        "0xc010a2563a966544",
        "0xc00e1c9d6cde86b1",
        "0xc007c60e382dac80",
        "0xc0134d532a4de91b",
        "0xc00a3760d25c9a61",
        "0xc004a2d90b887dd2",
      ],
    ],
    [
      "f",
      () => f(KEY, 3, 5, [16], "float64", X64),
      [
        "0x3ff289cbca85dca6",
        "0x3fdbbe4d728be593",
        "0x401b7a6f3d43f49a",
        "0x3ff435fd251aee5c",
        "0x3fe3252d136a704d",
        "0x3ff7f31b6a01e280",
        "0x4009b4185f6d08a9",
        "0x4007d6d52bca2c1a",
      ],
    ],
    [
      "wald",
      () => wald(KEY, 1.3, [16], "float64", X64),
      [
        "0x400723fd5ebcbe51",
        "0x3feef076ae8670fc",
        "0x3fce49af13f99569",
        "0x3ff0b9140805e8e3",
        "0x4017afd5c43d5595",
        "0x3fcb069041a970ce",
        "0x3ffc1ab972f38997",
        "0x3fd5c6205992fde3",
      ],
    ],
    [
      "maxwell",
      () => maxwell(KEY, [16], "float64", X64),
      [
        "0x40017c4661df86b8",
        "0x3febba19b273e103",
        "0x3feae77969c71dd1",
        "0x3ffd6886b7f4387b",
        "0x3ff1c617cda50a44",
        "0x400166af1cb4da0e",
        "0x40000a92d4197456",
        "0x3ff7bab25e426486",
      ],
    ],
    [
      "ball",
      () => ball(KEY, 3, 1.5, [4], "float64", X64),
      [
        "0xbfa3acc1fd18c3f9",
        "0xbfcd77c0cb1d85f7",
        "0xbfde2f49331bc696",
        "0x3fd9790efcd2d49b",
        "0xbfd381edfad90628",
        "0xbfc2ec959411094c",
        "0x3fec8fb6256e0af5",
        "0xbf9dcf3c7917a784",
      ],
    ],
    [
      "dirichlet",
      () =>
        dirichlet(
          KEY,
          { dtype: "float64", shape: [3], data: Float64Array.of(0.5, 1.5, 3) },
          [4],
          "float64",
          X64,
        ),
      [
        "0x3f9a7bf15260b383",
        "0x3fc00e715e50ca0e",
        "0x3feb28841dd8c7e0",
        "0x3fa935cb1c0696e6",
        "0x3fc7ce26e84d8b17",
        "0x3fe87919942c33cc",
        "0x3f8613d6d59b18c6",
        "0x3fbf8b66a7d78e03",
      ],
    ],
    [
      "mvnCholesky",
      () =>
        multivariateNormal(
          KEY,
          [0, 1, 2],
          [
            [2, 0.5, 0.1],
            [0.5, 1, 0.2],
            [0.1, 0.2, 1.5],
          ],
          [4],
          "float64",
          "cholesky",
          X64,
        ),
      [
        "0xbfd0b7dbdf62e507",
        "0xbff18514becf23c8",
        "0x3ffce8f7d885230c",
        "0x3febb53d54dedc3f",
        "0x3ffacaa1c8dde9fd",
        "0x4004a567754a7c1f",
        "0x3fe0c8abb718a56e",
        "0x3ff59ebafbf9ceb9",
      ],
    ],
    [
      "binomialF32",
      () => binomial(KEY, 20, 0.3, [16], "float32", X64),
      [
        "0x40400000",
        "0x40a00000",
        "0x40e00000",
        "0x40c00000",
        "0x41200000",
        "0x40400000",
        "0x40c00000",
        "0x40800000",
      ],
    ],
    [
      "defaultNormal",
      () => normal(KEY, [16], undefined, X64),
      [
        "0xbfc7a4a26c962159",
        "0xc0015bccfaa7ba3a",
        "0x3fc7ed8110b50460",
        "0x3fe397ad84a04356",
        "0x3fdf5603e3665211",
        "0x3fd79dc43b3389fb",
        "0x3fd7bc68fa0d483d",
        "0x3fce1f34ac8bb7b6",
      ],
    ],
  ] as const)("%s", (_name, draw, expected) => {
    expect(hexOf(draw())).toEqual(expected);
  });
});

describe("generalizedNormal with x64 and a float32 result", () => {
  it("draws its signs from a float64 uniform, as JAX", () => {
    // JAX's rademacher uses the Python float 0.5, float64 under x64. The
    // magnitudes are float32 arithmetic (within a few ULP of XLA's float32).
    const ours = generalizedNormal(KEY, 1.5, [16], "float32", X64).data;
    const jax = [
      "0xbf60d42d",
      "0xbe531c40",
      "0x3f948a50",
      "0x3dd0f4f1",
      "0xbec5cd58",
      "0x3e180a3c",
      "0xbf80b2a2",
      "0x3d8c32f5",
    ].map(fromHex32);
    jax.forEach((value, i) => {
      expect(Math.sign(ours[i])).toBe(Math.sign(value));
      expect(Math.abs(ours[i] - value)).toBeLessThanOrEqual(Math.abs(value) * 2 ** -20);
    });
  });
});

describe("x64 default dtypes and integer results, as JAX with jax_enable_x64", () => {
  it("defaults floats to float64 and integers to int64 / uint64", () => {
    // jax 0.10.2 with x64: normal float64, randint int64, bits uint64,
    // categorical int64 (argmax) but int32 without replacement (top_k), poisson int64.
    expect(normal(KEY, [2], undefined, X64).dtype).toBe("float64");
    expect(randint(KEY, [2], 0, 5, undefined, X64).dtype).toBe("int64");
    expect(bits(KEY, [2], undefined, X64).dtype).toBe("uint64");
    expect(categorical(KEY, [0, 0, 0], -1, [2], true, undefined, X64).dtype).toBe("int64");
    expect(categorical(KEY, [0, 0, 0, 0, 0], -1, [2], false, undefined, X64).dtype).toBe("int32");
    expect(poisson(KEY, 2, [2], undefined, X64).dtype).toBe("int64");
    expect(normal(KEY, [2]).dtype).toBe("float32");
    expect(randint(KEY, [2], 0, 5).dtype).toBe("int32");
    expect(bits(KEY, [2]).dtype).toBe("uint32");
  });

  it("draws JAX's values with the x64 default dtypes", () => {
    expect(
      Array.from(randint(KEY, [16], 0, 1000, undefined, X64).data)
        .slice(0, 8)
        .map(Number),
    ).toEqual([85, 718, 503, 271, 505, 146, 904, 877]);
    expect(Array.from(bits(KEY, [16], undefined, X64).data as BigUint64Array).slice(0, 3)).toEqual([
      7871734211187709741n,
      276886910877598708n,
      10591095138341673235n,
    ]);
    expect(
      Array.from(categorical(KEY, [0.1, 1.2, -0.5, 2], -1, [16], true, undefined, X64).data)
        .slice(0, 8)
        .map(Number),
    ).toEqual([3, 3, 3, 1, 3, 3, 1, 3]);
  });

  it("rejects an x64 option that is not a boolean", () => {
    expect(() => normal(KEY, [2], undefined, { x64: "yes" as unknown as boolean })).toThrow(
      /options.x64 must be true or false, got "yes"/,
    );
  });
});

describe("fmaF64 rounds a · b + c once", () => {
  it("differs from two roundings where the product's tail matters", () => {
    // (1 + 2^-52)(1 − 2^-52) = 1 − 2^-104 exactly; minus 1 that is −2^-104.
    expect(fmaF64(1 + 2 ** -52, 1 - 2 ** -52, -1)).toBe(-(2 ** -104));
    expect((1 + 2 ** -52) * (1 - 2 ** -52) - 1).toBe(0);
  });

  it("breaks ties to even on the exact sum", () => {
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even wins; any tail decides.
    expect(fmaF64(2 ** 26, 2 ** 27, 1)).toBe(2 ** 53);
    expect(fmaF64(2 ** 26, 2 ** 27, 1 + 2 ** -40)).toBe(2 ** 53 + 2);
    expect(fmaF64(2 ** 26, 2 ** 27, 3)).toBe(2 ** 53 + 4);
  });

  it("keeps IEEE's special values", () => {
    expect(fmaF64(Number.MAX_VALUE, 2, -Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(fmaF64(2 ** 600, 2 ** 600, Infinity)).toBe(Infinity);
    expect(fmaF64(Infinity, 0, 1)).toBeNaN();
    expect(Object.is(fmaF64(-0, 1, -0), -0)).toBe(true);
    expect(Object.is(fmaF64(1, 1, -1), 0)).toBe(true);
    expect(fmaF64(2 ** -600, 2 ** -500, 2 ** -1074)).toBe(2 ** -1074);
    expect(fmaF64(2 ** -537, 2 ** -538, 0)).toBe(0); // 2^-1075: a tie, to even
    expect(fmaF64(1.5 * 2 ** -537, 2 ** -538, 0)).toBe(2 ** -1074);
  });

  it("equals the exact rounding on random operands", () => {
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    for (let i = 0; i < 2000; i++) {
      const a = (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20);
      const b = (next() - 0.5) * 2 ** Math.floor(next() * 40 - 20);
      const c = i % 2 ? -(a * b) * (1 + (next() - 0.5) * 2 ** -50) : (next() - 0.5) * 4;
      // a · b + c exactly, as an integer times 2^-1200.
      const exact = BigInt(a * 2 ** 600) * BigInt(b * 2 ** 600) + BigInt(c * 2 ** 600) * 2n ** 600n;
      expect(fmaF64(a, b, c)).toBe(nearestDouble(exact, -1200));
    }
  });
});

/** The double nearest `n · 2^exponent`, by BigInt arithmetic (ties to even; normal results). */
function nearestDouble(n: bigint, exponent: number): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  let magnitude = negative ? -n : n;
  const drop = magnitude.toString(2).length - 53;
  if (drop > 0) {
    const kept = magnitude >> BigInt(drop);
    const remainder = magnitude - (kept << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    magnitude = remainder > half || (remainder === half && (kept & 1n) === 1n) ? kept + 1n : kept;
    exponent += drop;
  }
  const value = Number(magnitude) * 2 ** exponent;
  return negative ? -value : value;
}

it("key() under x64 matches the sampler keys used above", () => {
  expect(Array.from(key(42, X64))).toEqual([0, 42]);
});
