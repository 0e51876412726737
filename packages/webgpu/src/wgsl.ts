/**
 * WGSL sources of the kernels. Every kernel is generated from one template:
 * Threefry-2x32-20 with the 20 rounds unrolled and constant rotation amounts,
 * the two counter layouts of `@jrng/core` (`layouts.ts`), and an `emit`
 * function that turns an element's 32-bit word into the output value.
 *
 * Floating point. WGSL lets an implementation contract `a * b + c` into a
 * fused multiply-add (SPIR-V/Metal/HLSL compilers do so unless told not to,
 * and WGSL has no way to tell them). Every float product whose result feeds
 * an addition therefore goes through `opq`, a bitcast round trip XORed with
 * `P.zero`, a uniform that is 0 at run time but unknown to the compiler, so
 * the product is rounded to float32 before the addition, as in `@jrng/core`.
 * Where `@jrng/core` (like XLA:CPU) uses a fused multiply-add, the kernels
 * compute it exactly from float32 operations (`fmaExact`), since WGSL's `fma`
 * need not be fused. Division and `sqrt` are assumed correctly rounded, as on
 * the software adapter the tests use (WGSL allows 2.5 ULP for division).
 *
 * @module
 */

/** The float32 bit pattern of `x` (rounded to float32), as a WGSL literal. */
function f32Literal(x: number): string {
  const bits = new Uint32Array(new Float32Array([x]).buffer)[0];
  return `bitcast<f32>(0x${bits.toString(16).padStart(8, "0")}u)`;
}

/** Threads per workgroup of every kernel. */
export const WORKGROUP_SIZE = 256;

/**
 * The uniform block, 16 words. `mode` is 1 for partitionable, 0 for legacy;
 * `half` is `ceil(n / 2)` (legacy pairs); `a`, `b`, `c` are op parameters.
 */
const PARAMS = /* wgsl */ `
struct Params {
  k0: u32, k1: u32, n: u32, half: u32,
  j0: u32, j1: u32, mode: u32, zero: u32,
  a: u32, b: u32, c: u32, width: u32,
  rowThreads: u32, r1: u32, r2: u32, r3: u32,
}
@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> out: array<u32>;
`;

function rounds(r: readonly number[]): string {
  return r.map((n) => `  x0 = x0 + x1; x1 = ((x1 << ${n}u) | (x1 >> ${32 - n}u)) ^ x0;\n`).join("");
}

/** Threefry-2x32-20 of counter (c0, c1) under key (k0, k1): both output words. */
const THREEFRY = /* wgsl */ `
fn threefry(k0: u32, k1: u32, c0: u32, c1: u32) -> vec2<u32> {
  let k2 = k0 ^ k1 ^ 0x1bd11bdau;
  var x0 = c0 + k0;
  var x1 = c1 + k1;
${rounds([13, 15, 26, 6])}  x0 = x0 + k1; x1 = x1 + k2 + 1u;
${rounds([17, 29, 16, 24])}  x0 = x0 + k2; x1 = x1 + k0 + 2u;
${rounds([13, 15, 26, 6])}  x0 = x0 + k0; x1 = x1 + k1 + 3u;
${rounds([17, 29, 16, 24])}  x0 = x0 + k1; x1 = x1 + k2 + 4u;
${rounds([13, 15, 26, 6])}  x0 = x0 + k2; x1 = x1 + k0 + 5u;
  return vec2<u32>(x0, x1);
}

// An opaque float32 rounding point: blocks contraction into fused multiply-adds.
fn opq(x: f32) -> f32 { return bitcast<f32>(bitcast<u32>(x) ^ P.zero); }

// Math.max(lo, x) for non-NaN values, +0 winning over -0 as in JavaScript.
fn jsMax(lo: f32, x: f32) -> f32 {
  if (x > lo) { return x; }
  if (x < lo) { return lo; }
  return bitcast<f32>(bitcast<u32>(x) & bitcast<u32>(lo));
}

// Dekker's split of a float32 into two halves of 12 significant bits each.
fn splitHalves(a: f32) -> vec2<f32> {
  let c = opq(4097.0 * a);
  let high = c - opq(c - a);
  return vec2<f32>(high, a - high);
}

// a·b as a float32 sum (rounded product, exact error), from float32 operations only.
fn twoProduct(a: f32, b: f32) -> vec2<f32> {
  let p = opq(a * b);
  let x = splitHalves(a);
  let y = splitHalves(b);
  let e = opq(opq(opq(x.x * y.x) - p) + opq(x.x * y.y)) + opq(x.y * y.x);
  return vec2<f32>(p, opq(e) + opq(x.y * y.y));
}

// a + b as a float32 sum (rounded sum, exact error): Knuth's two-sum.
fn twoSum(a: f32, b: f32) -> vec2<f32> {
  let s = opq(a + b);
  let bv = opq(s - a);
  return vec2<f32>(s, opq(a - opq(s - bv)) + opq(b - bv));
}

// The float32 sum of v.x + v.y rounded to odd: inexact results get an odd last bit.
fn roundToOdd(v: vec2<f32>) -> f32 {
  let t = twoSum(v.x, v.y);
  let bits = bitcast<u32>(t.x);
  if (t.y == 0.0 || (bits & 1u) == 1u) { return t.x; }
  if ((t.y > 0.0) == (t.x > 0.0)) { return bitcast<f32>(bits + 1u); }
  return bitcast<f32>(bits - 1u);
}

// Exactly rounded fused multiply-add a·b + c, without relying on the GPU's fma (which may
// or may not be fused): Boldo and Melquiond's emulation, RN(th + RO(tl + ul)).
fn fmaExact(a: f32, b: f32, c: f32) -> f32 {
  let u = twoProduct(a, b);
  let t = twoSum(c, u.x);
  return opq(t.x + roundToOdd(vec2<f32>(t.y, u.y)));
}

// JAX's float32 uniform in [0, 1) from 32 bits, scaled to [lo, lo + scale): XLA:CPU fuses
// u · scale + lo into one FMA.
fn uniformFrom(w: u32, lo: f32, scale: f32) -> f32 {
  let u = bitcast<f32>((w >> 9u) | 0x3f800000u) - 1.0;
  return jsMax(lo, fmaExact(u, scale, lo));
}
`;

/**
 * XLA:CPU's float32 `log` and `log1p` (`@jrng/core`'s xla-math/log.ts and
 * log1p.ts: Cephes polynomials with XLA's fused multiply-adds), in float32
 * operations, so that the GPU's own `log` plays no part. `erf_inv` calls
 * `log1pXla` on -x² for |x| < 1, so only positive normal arguments reach
 * `logXla`; zero and subnormal inputs are handled as XLA does (log 0 = -∞).
 */
const LOG = /* wgsl */ `
fn bitsF32(b: u32) -> f32 { return bitcast<f32>(b ^ P.zero); }

fn logXla(x: f32) -> f32 {
  if (x < bitcast<f32>(0x00800000u)) {
    if (x >= 0.0) { return bitsF32(0xff800000u); }
    return bitsF32(0x7fc00000u);
  }
  if (x == bitsF32(0x7f800000u)) { return x; }
  let bits = bitcast<u32>(x);
  let mantissa = bitcast<f32>((bits & 0x807fffffu) | 0x3f000000u);
  var e = f32(i32(bits >> 23u) - 126);
  var m = mantissa - 1.0;
  if (mantissa < bitsF32(0x3f3504f3u)) {
    m = m + mantissa;
    e = e - 1.0;
  }
  let m2 = opq(m * m);
  let m3 = opq(m2 * m);
  var p0 = fmaExact(m, bitsF32(0x3d9021bbu), bitsF32(0xbdebd1b8u));
  var p1 = fmaExact(m, bitsF32(0xbdfe5d4fu), bitsF32(0x3e11e9bfu));
  var p2 = fmaExact(m, bitsF32(0x3e4cceacu), bitsF32(0xbe7ffffcu));
  p0 = fmaExact(p0, m, bitsF32(0x3def251au));
  p1 = fmaExact(p1, m, bitsF32(0xbe2aae50u));
  p2 = fmaExact(p2, m, bitsF32(0x3eaaaaaau));
  var y = fmaExact(p0, m3, p1);
  y = fmaExact(y, m3, p2);
  y = fmaExact(y, m3, opq(e * bitsF32(0xb95e8083u)));
  let head = m - opq(0.5 * m2);
  return fmaExact(e, bitsF32(0x3f318000u), head + y);
}

fn log1pXla(x: f32) -> f32 {
  if (!(abs(x) < bitsF32(0x3ed413cdu))) { return logXla(1.0 + x); }
  var n = ${f32Literal(4.527e-5)};
  n = fmaExact(n, x, bitsF32(0x3eff40c5u));
  n = fmaExact(n, x, bitsF32(0x40d284fau));
  n = fmaExact(n, x, bitsF32(0x41ef4b9cu));
  n = fmaExact(n, x, bitsF32(0x4273cc76u));
  n = fmaExact(n, x, bitsF32(0x426473adu));
  n = fmaExact(n, x, bitsF32(0x41a05101u));
  var d = x + bitsF32(0x417101adu);
  d = fmaExact(d, x, bitsF32(0x42a6185bu));
  d = fmaExact(d, x, bitsF32(0x435dc32du));
  d = fmaExact(d, x, bitsF32(0x439a8ca3u));
  d = fmaExact(d, x, bitsF32(0x43586d8au));
  d = fmaExact(d, x, bitsF32(0x42707982u));
  let x2 = opq(x * x);
  let cubic = opq(opq(x * x2) * opq(n / d));
  return x + fmaExact(x2, -0.5, cubic);
}
`;

/** XLA's float32 `erf_inv` coefficients (StableHLO `erfInv32`), as in `@jrng/core`'s erf-inv.ts. */
const W_LT_5 = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503,
  -0.00417768164, 0.246640727, 1.50140941,
];
const W_GE_5 = [
  -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
  0.00943887047, 1.00167406, 2.83297682,
];

function horner(name: string, c: readonly number[]): string {
  let s = `fn ${name}(w: f32) -> f32 {\n  var p = ${f32Literal(c[0])};\n`;
  for (let i = 1; i < c.length; i++) s += `  p = fmaExact(p, w, ${f32Literal(c[i])});\n`;
  return s + "  return p;\n}\n";
}

/** `sqrt(2) · erf_inv(x)` in float32, step by step as `@jrng/core`'s normalKernel. */
const NORMAL = /* wgsl */ `
${LOG}
${horner("erfInvSmall", W_LT_5)}
${horner("erfInvLarge", W_GE_5)}
fn erfInv32(x: f32) -> f32 {
  let w0 = -log1pXla(opq(x * -x));
  var p: f32;
  if (w0 < 5.0) {
    p = erfInvSmall(opq(w0 - 2.5));
  } else {
    p = erfInvLarge(opq(opq(sqrt(w0)) - 3.0));
  }
  if (abs(x) == 1.0) { return x * bitcast<f32>(0x7f800000u ^ P.zero); }
  return opq(p * x);
}
fn normalFrom(w: u32) -> f32 {
  let u = uniformFrom(w, bitcast<f32>(P.a), bitcast<f32>(P.b));
  return opq(${f32Literal(Math.SQRT2)} * erfInv32(u));
}
`;

/** The element transforms: how an element's word(s) become its output word. */
const EMIT: Record<string, string> = {
  bits: `fn emit(i: u32, w: u32, v: u32) { out[i] = w; }`,
  uniform: `fn emit(i: u32, w: u32, v: u32) {
  out[i] = bitcast<u32>(uniformFrom(w, bitcast<f32>(P.a), bitcast<f32>(P.b)));
}`,
  normal: `${NORMAL}
fn emit(i: u32, w: u32, v: u32) { out[i] = bitcast<u32>(normalFrom(w)); }`,
  // JAX's _randint for 32 bits: span and multiplier come from the host.
  randint: `fn remSpan(a: u32, s: u32) -> u32 { return select(a % max(s, 1u), a, s == 0u); }
fn emit(i: u32, w: u32, v: u32) {
  let span = P.b;
  let offset = remSpan(remSpan(w, span) * P.c + remSpan(v, span), span);
  out[i] = P.a + offset;
}`,
};

/** Operations with one kernel each (the narrow-bits kernel is separate). */
export type KernelOp = "bits" | "uniform" | "normal" | "randint";

/**
 * The WGSL of one element-wise kernel. Partitionable mode: thread t hashes
 * counter (0, t) (hi and lo of t < 2^32) and emits element t from word0 ^
 * word1. Legacy mode: thread t hashes the pair (t, half + t) of JAX's
 * `threefry_2x32` over iota(n), the second counter being the 0 padding for
 * the last pair of an odd n, and emits elements t and half + t. `randint`
 * hashes the same counter under a second key (j0, j1) for its second draw.
 * `fromWords` replaces the hash by words read from binding 2 (for tests of
 * the float transforms over every possible input).
 */
export function elementwiseKernel(op: KernelOp, fromWords = false): string {
  const second = op === "randint";
  const hash = (key: string, c0: string, c1: string) =>
    fromWords ? `vec2<u32>(src[${c1}], 0u)` : `threefry(${key}, ${c0}, ${c1})`;
  return `${PARAMS}
${fromWords ? "@group(0) @binding(2) var<storage, read> src: array<u32>;" : ""}
${THREEFRY}
${EMIT[op]}
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.y * P.rowThreads + wg.x * ${WORKGROUP_SIZE}u + li;
  if (P.mode == 1u) {
    if (t >= P.n) { return; }
    let a = ${hash("P.k0, P.k1", "0u", "t")};
    ${second ? `let b = threefry(P.j0, P.j1, 0u, t); emit(t, a.x ^ a.y, b.x ^ b.y);` : `emit(t, a.x ^ a.y, 0u);`}
  } else {
    if (t >= P.half) { return; }
    let s = P.half + t;
    let x1 = select(0u, s, s < P.n);
    let a = ${hash("P.k0, P.k1", "t", "x1")};
    ${second ? "let b = threefry(P.j0, P.j1, t, x1);" : ""}
    emit(t, a.x, ${second ? "b.x" : "0u"});
    if (s < P.n) { emit(s, a.y, ${second ? "b.y" : "0u"}); }
  }
}
`;
}

/**
 * Partitionable 8/16-bit bits: thread t writes output word t, holding
 * elements perWord·t … (little-endian), each the low `width` bits of
 * word0 ^ word1 of its own counter (0, i).
 */
export function narrowBitsKernel(): string {
  return `${PARAMS}
${THREEFRY}
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let t = wg.y * P.rowThreads + wg.x * ${WORKGROUP_SIZE}u + li;
  let perWord = 32u / P.width;
  if (t >= P.half) { return; }
  let mask = (1u << P.width) - 1u;
  var acc = 0u;
  for (var b = 0u; b < perWord; b = b + 1u) {
    let i = t * perWord + b;
    if (i < P.n) {
      let a = threefry(P.k0, P.k1, 0u, i);
      acc = acc | (((a.x ^ a.y) & mask) << (P.width * b));
    }
  }
  out[t] = acc;
}
`;
}
