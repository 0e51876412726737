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

// JAX's float32 uniform in [0, 1) from 32 bits, scaled to [lo, lo + scale).
fn uniformFrom(w: u32, lo: f32, scale: f32) -> f32 {
  let u = bitcast<f32>((w >> 9u) | 0x3f800000u) - 1.0;
  return jsMax(lo, opq(opq(u * scale) + lo));
}
`;

/**
 * `log1p` for float32 in float32 arithmetic only (FreeBSD's `s_log1pf.c`,
 * from fdlibm), so that the result does not depend on the GPU's `log`.
 * Only the arguments `erf_inv` passes, -x² for |x| < 1, i.e. (-1, 0], are
 * needed; the branch for arguments above sqrt(2) - 1 is kept for completeness.
 */
const LOG1P = /* wgsl */ `
fn log1pf(x: f32) -> f32 {
  let ln2_hi = ${f32Literal(6.9313812256e-1)};
  let ln2_lo = ${f32Literal(9.0580006145e-6)};
  let hx = bitcast<i32>(x);
  let ax = hx & 0x7fffffff;
  var k: i32 = 1;
  var f: f32 = 0.0;
  var c: f32 = 0.0;
  var hu: i32 = 0;
  if (hx < 0x3ed413d0) {
    if (ax >= 0x3f800000) {
      if (x == -1.0) { return bitcast<f32>(0xff800000u ^ P.zero); }
      return bitcast<f32>(0x7fc00000u ^ P.zero);
    }
    if (ax < 0x38000000) {
      if (ax < 0x33800000) { return x; }
      return opq(x - opq(opq(x * x) * 0.5));
    }
    if (hx > 0 || hx <= i32(bitcast<i32>(0xbe95f619u))) {
      k = 0; f = x; hu = 1;
    }
  }
  if (hx >= 0x7f800000) { return x + x; }
  if (k != 0) {
    var u: f32;
    if (hx < 0x5a000000) {
      u = opq(1.0 + x);
      hu = bitcast<i32>(u);
      k = (hu >> 23u) - 127;
      if (k > 0) { c = opq(1.0 - opq(u - x)); } else { c = opq(x - opq(u - 1.0)); }
      c = opq(c / u);
    } else {
      u = x;
      hu = bitcast<i32>(u);
      k = (hu >> 23u) - 127;
      c = 0.0;
    }
    hu = hu & 0x007fffff;
    if (hu < 0x3504f4) {
      u = bitcast<f32>(hu | 0x3f800000);
    } else {
      k = k + 1;
      u = bitcast<f32>(hu | 0x3f000000);
      hu = (0x00800000 - hu) >> 2u;
    }
    f = opq(u - 1.0);
  }
  let hfsq = opq(opq(0.5 * f) * f);
  let fk = f32(k);
  if (hu == 0) {
    if (f == 0.0) {
      if (k == 0) { return 0.0; }
      c = opq(c + opq(fk * ln2_lo));
      return opq(opq(fk * ln2_hi) + c);
    }
    let R = opq(hfsq * opq(1.0 - opq(${f32Literal(2 / 3)} * f)));
    if (k == 0) { return opq(f - R); }
    return opq(opq(fk * ln2_hi) - opq(opq(R - opq(opq(fk * ln2_lo) + c)) - f));
  }
  let s = opq(f / opq(2.0 + f));
  let z = opq(s * s);
  var R = ${f32Literal(1.479819864e-1)};
  R = opq(${f32Literal(1.5313838422e-1)} + opq(z * R));
  R = opq(${f32Literal(1.818357259e-1)} + opq(z * R));
  R = opq(${f32Literal(2.2222198546e-1)} + opq(z * R));
  R = opq(${f32Literal(2.8571429849e-1)} + opq(z * R));
  R = opq(${f32Literal(4.0000000596e-1)} + opq(z * R));
  R = opq(${f32Literal(6.6666668653e-1)} + opq(z * R));
  R = opq(z * R);
  if (k == 0) { return opq(f - opq(hfsq - opq(s * opq(hfsq + R)))); }
  return opq(opq(fk * ln2_hi) - opq(opq(hfsq - opq(opq(s * opq(hfsq + R)) + opq(opq(fk * ln2_lo) + c))) - f));
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
  for (let i = 1; i < c.length; i++) s += `  p = opq(${f32Literal(c[i])} + opq(p * w));\n`;
  return s + "  return p;\n}\n";
}

/** `sqrt(2) · erf_inv(x)` in float32, step by step as `@jrng/core`'s normalKernel. */
const NORMAL = /* wgsl */ `
${LOG1P}
${horner("erfInvSmall", W_LT_5)}
${horner("erfInvLarge", W_GE_5)}
fn erfInv32(x: f32) -> f32 {
  let w0 = -log1pf(opq(x * -x));
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
