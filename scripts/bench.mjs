// jrng bench: raw `bits` throughput of @jrng/core, next to baselines measured in
// the same run; then the JRNG methods next to NumPy and jax-js
// (scripts/bench-methods.mjs).
//
//   npm run bench                       (builds the packages first)
//   node scripts/bench.mjs [--runs N] [--warmup N] [--json] [--relaxed-simd]
//
// --relaxed-simd turns on Node.js 20's --experimental-wasm-relaxed-simd before
// anything loads, so that @jrng/core uses its relaxed SIMD kernels (fused
// multiply-adds in the float32 normal recipe) as Node.js 22 and later do by
// default. The machine line says which kernel build ran.
//
// For 2^22 and 2^24 uint32 elements it times, on one thread:
//   - baseline "naive Threefry": the straightforward one-block-at-a-time scalar
//     Threefry-2x32-20 loop below (partitionable layout, same output as bitsInto);
//   - baseline "crypto.getRandomValues": the platform's CSPRNG filling the same buffer;
//   - reference "unrolled": the same scalar loop with the rounds unrolled, to show what
//     the library kernel's two-blocks-side-by-side structure adds on top of unrolling;
//   - bitsInto(key, buffer) in partitionable and legacy mode, into a pooled buffer
//     allocated and touched once, so the timing is hashing and stores only;
//   - bits(key, [n]) in both modes, which allocates a fresh array every call, so the
//     timing includes the page faults of touching new memory.
// Then, for 2^20 float32 samples, what bit-exactness with JAX costs: core's normal (its
// WebAssembly kernel, and its JavaScript routines) and gamma (which use XLA's float32
// log/log1p/exp and exact fused multiply-adds), the normal recipe
// with JavaScript's Math.log1p and two roundings per step (what core did before) for
// comparison, and each float32 routine against the Math function it replaces; and float64
// cauchy with glibc's tan (tanF64) against Math.tan.
// Each figure is the median of --runs timed runs (default 9) after --warmup untimed
// runs (default 3); "faults/run" is the mean number of minor page faults per timed run
// (process.resourceUsage), which shows when fresh memory is being touched.
// Nothing here asserts a speed; see docs/performance.md.

import os from "node:os";
import { webcrypto } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { benchMethods, printMethods } from "./bench-methods.mjs";

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} takes a positive integer, got ${process.argv[at + 1]}`);
    process.exit(2);
  }
  return value;
}
const RUNS = option("--runs", 9);
const WARMUP = option("--warmup", 3);
const json = process.argv.includes("--json");
// Before @jrng/core compiles its kernels, here and in every worker thread (V8's flags are per process).
const relaxedSimd = process.argv.includes("--relaxed-simd");
if (relaxedSimd) setFlagsFromString("--experimental-wasm-relaxed-simd");
const SIZES = [2 ** 22, 2 ** 24];

let core;
try {
  core = await import("../packages/core/dist/index.js");
} catch (error) {
  console.error(`bench: cannot load packages/core/dist (${error.message}).`);
  console.error("Build first: `npm run build`, or run `npm run bench`, which builds.");
  process.exit(2);
}
const { bits, bitsInto, key } = core;
const { fmaF32 } = await import("../packages/core/dist/float.js");
const { logF32 } = await import("../packages/core/dist/xla-math/log.js");
const { tanF64 } = await import("../packages/core/dist/xla-math/tan-f64.js");
const { log1pF32 } = await import("../packages/core/dist/xla-math/log1p.js");
const { expF32 } = await import("../packages/core/dist/xla-math/exp.js");
const { setRelaxedSimdEnabled, setWasmKernelsEnabled, wasmKernelBuild } =
  await import("../packages/core/dist/internal.js");

const SEED = 2024;
const KEY = key(SEED);
const LEGACY = { partitionable: false };

// The baseline: Threefry-2x32-20 written the obvious way, one block per output
// word, rounds in a loop, rotation amounts from a table. Element i is
// word0 ^ word1 of the block at counter (0, i): partitionable bits for i < 2^32.
const ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24];
function naiveThreefryBits(k0, k1, out) {
  const ks = [k0 | 0, k1 | 0, (k0 ^ k1 ^ 0x1bd11bda) | 0];
  for (let i = 0; i < out.length; i++) {
    let x0 = ks[0];
    let x1 = (i + ks[1]) | 0;
    for (let group = 0; group < 5; group++) {
      for (let round = 0; round < 4; round++) {
        const r = ROTATIONS[4 * (group % 2) + round];
        x0 = (x0 + x1) | 0;
        x1 = ((x1 << r) | (x1 >>> (32 - r))) ^ x0;
      }
      x0 = (x0 + ks[(group + 1) % 3]) | 0;
      x1 = (x1 + ks[(group + 2) % 3] + group + 1) | 0;
    }
    out[i] = x0 ^ x1;
  }
  return out;
}

// A reference between the two: the same block, unrolled (constant rotation
// amounts, no tables), still one block at a time. The gap between it and
// bitsInto is what hashing two independent blocks side by side buys.
function unrolledSource() {
  const lines = [
    "const ks2 = (k0 ^ k1 ^ 0x1bd11bda) | 0;",
    "for (let i = 0; i < out.length; i++) {",
  ];
  lines.push("  let x0 = k0 | 0;", "  let x1 = (i + k1) | 0;");
  const ks = ["k0", "k1", "ks2"];
  for (let group = 0; group < 5; group++) {
    for (let round = 0; round < 4; round++) {
      const r = ROTATIONS[4 * (group % 2) + round];
      lines.push(`  x0 = (x0 + x1) | 0; x1 = ((x1 << ${r}) | (x1 >>> ${32 - r})) ^ x0;`);
    }
    lines.push(`  x0 = (x0 + ${ks[(group + 1) % 3]}) | 0;`);
    lines.push(`  x1 = (x1 + ${ks[(group + 2) % 3]} + ${group + 1}) | 0;`);
  }
  lines.push("  out[i] = x0 ^ x1;", "}", "return out;");
  return lines.join("\n");
}
const unrolledThreefryBits = new Function("k0", "k1", "out", unrolledSource());

// getRandomValues fills at most 65536 bytes per call.
const CRYPTO_CHUNK = 65536 / 4;
function cryptoFill(out) {
  for (let start = 0; start < out.length; start += CRYPTO_CHUNK) {
    webcrypto.getRandomValues(out.subarray(start, start + CRYPTO_CHUNK));
  }
  return out;
}

// Sanity check, not a timing: the baseline computes the same words as bitsInto.
{
  const n = 4099;
  const ours = bitsInto(KEY, new Uint32Array(n));
  for (const baseline of [naiveThreefryBits, unrolledThreefryBits]) {
    const theirs = baseline(KEY[0], KEY[1], new Uint32Array(n));
    if (!ours.every((word, i) => word === theirs[i])) {
      console.error(`bench: ${baseline.name} disagrees with bitsInto; the comparison is void`);
      process.exit(1);
    }
  }
}

let sink = 0; // keeps every result observable
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/** Median milliseconds per run, and minor page faults per run (mean over the timed runs). */
function time(run) {
  for (let i = 0; i < WARMUP; i++) sink ^= run()[0];
  const ms = [];
  const faultsBefore = process.resourceUsage().minorPageFault;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const out = run();
    ms.push(performance.now() - start);
    sink ^= out[out.length - 1];
  }
  const faults = (process.resourceUsage().minorPageFault - faultsBefore) / RUNS;
  return { ms: median(ms), faults };
}

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model.trim() ?? "unknown",
  logicalCpus: cpus.length,
  platform: `${os.platform()} ${os.arch()}`,
  node: process.version,
  wasmKernels: wasmKernelBuild() ?? "none (JavaScript kernel)",
};

const results = [];
for (const size of SIZES) {
  const pooled = new Uint32Array(size).fill(1); // allocated and touched once
  const methods = [
    ["naive", "baseline: naive scalar Threefry", () => naiveThreefryBits(KEY[0], KEY[1], pooled)],
    ["crypto", "baseline: crypto.getRandomValues", () => cryptoFill(pooled)],
    [
      "unrolled",
      "reference: unrolled, 1 block at a time",
      () => unrolledThreefryBits(KEY[0], KEY[1], pooled),
    ],
    ["bitsInto-partitionable", "bitsInto, partitionable (pooled)", () => bitsInto(KEY, pooled)],
    ["bitsInto-legacy", "bitsInto, legacy (pooled)", () => bitsInto(KEY, pooled, LEGACY)],
    ["bits-partitionable", "bits(), partitionable (fresh array)", () => bits(KEY, [size]).data],
    ["bits-legacy", "bits(), legacy (fresh array)", () => bits(KEY, [size], "uint32", LEGACY).data],
  ];
  for (const [id, label, run] of methods) {
    const { ms, faults } = time(run);
    results.push({ size, id, label, ms, mPerS: size / ms / 1e3, pageFaults: Math.round(faults) });
  }
}

// What exactness costs: float32 samplers and routines, 2^20 elements (and float64 tan).
const SAMPLE_SIZE = 2 ** 20;
const f32 = Math.fround;
// Giles' float32 erf_inv coefficients (as core's erf-inv.ts), for the previous recipe below.
const ERF_INV_SMALL = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503,
  -0.00417768164, 0.246640727, 1.50140941,
].map(f32);
const ERF_INV_LARGE = [
  -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
  0.00943887047, 1.00167406, 2.83297682,
].map(f32);
const SQRT2 = f32(Math.SQRT2);
/** core's normal before exactness: Math.log1p rounded, two roundings per Horner step. */
function normalWithMathLog1p(out) {
  const u = core.uniform(KEY, [out.length], "float32", f32(-1 + 2 ** -24), 1).data;
  for (let i = 0; i < out.length; i++) {
    const x = u[i];
    const w0 = -f32(Math.log1p(f32(x * -x)));
    const small = w0 < 5;
    const w = small ? f32(w0 - 2.5) : f32(f32(Math.sqrt(w0)) - 3);
    const c = small ? ERF_INV_SMALL : ERF_INV_LARGE;
    let p = c[0];
    for (let j = 1; j < 9; j++) p = f32(c[j] + f32(p * w));
    out[i] = f32(SQRT2 * f32(p * x));
  }
  return out;
}
const routineInput = core.uniform(KEY, [SAMPLE_SIZE], "float32", 0.001, 4).data;
const routineOutput = new Float32Array(SAMPLE_SIZE);
function mapRoutine(routine) {
  for (let i = 0; i < SAMPLE_SIZE; i++) routineOutput[i] = routine(routineInput[i]);
  return routineOutput;
}
const tanInput = core.uniform(KEY, [SAMPLE_SIZE], "float64", -1.57, 1.57, { x64: true }).data;
const tanOutput = new Float64Array(SAMPLE_SIZE);
function mapTan(tan) {
  for (let i = 0; i < SAMPLE_SIZE; i++) tanOutput[i] = tan(tanInput[i]);
  return tanOutput;
}
/** Run `compute` with @jrng/core's WebAssembly kernels off (its JavaScript path). */
function withoutWasm(compute) {
  setWasmKernelsEnabled(false);
  try {
    return compute();
  } finally {
    setWasmKernelsEnabled(true);
  }
}
/** Run `compute` with @jrng/core's SIMD kernels (multiply-adds on float64 lanes), not the relaxed SIMD ones. */
function withoutRelaxedSimd(compute) {
  setRelaxedSimdEnabled(false);
  try {
    return compute();
  } finally {
    setRelaxedSimdEnabled(true);
  }
}
const exactness = [
  ...(machine.wasmKernels === "relaxed-simd"
    ? [["normal, exact, WebAssembly relaxed SIMD", () => core.normal(KEY, [SAMPLE_SIZE]).data]]
    : []),
  [
    "normal, exact, WebAssembly SIMD",
    () => withoutRelaxedSimd(() => core.normal(KEY, [SAMPLE_SIZE]).data),
  ],
  [
    "normal, exact, JavaScript routines",
    () => withoutWasm(() => core.normal(KEY, [SAMPLE_SIZE]).data),
  ],
  [
    "normal, previous (Math.log1p, unfused)",
    () => normalWithMathLog1p(new Float32Array(SAMPLE_SIZE)),
  ],
  ["gamma(a=2.5), exact", () => core.gamma(KEY, 2.5, [SAMPLE_SIZE / 16]).data],
  ["logF32", () => mapRoutine(logF32)],
  ["f32(Math.log)", () => mapRoutine((x) => f32(Math.log(x)))],
  ["log1pF32", () => mapRoutine(log1pF32)],
  ["f32(Math.log1p)", () => mapRoutine((x) => f32(Math.log1p(x)))],
  ["expF32", () => mapRoutine(expF32)],
  ["f32(Math.exp)", () => mapRoutine((x) => f32(Math.exp(x)))],
  ["fmaF32(x, x, 1)", () => mapRoutine((x) => fmaF32(x, x, 1))],
  ["f32(f32(x·x) + 1)", () => mapRoutine((x) => f32(f32(x * x) + 1))],
  [
    "cauchy float64 (x64), exact (glibc tan)",
    () => core.cauchy(KEY, [SAMPLE_SIZE], "float64", { x64: true }).data,
  ],
  ["tanF64 on (-1.57, 1.57)", () => mapTan(tanF64)],
  ["Math.tan on (-1.57, 1.57)", () => mapTan(Math.tan)],
];
const exactnessResults = exactness.map(([label, run]) => {
  const { ms } = time(run);
  const elements = label.startsWith("gamma") ? SAMPLE_SIZE / 16 : SAMPLE_SIZE;
  return { label, elements, ms, mPerS: elements / ms / 1e3 };
});

for (const row of results) {
  const baseline = (id) => results.find((r) => r.size === row.size && r.id === id).mPerS;
  row.vsNaive = row.mPerS / baseline("naive");
  row.vsCrypto = row.mPerS / baseline("crypto");
}

const methods = await benchMethods({
  runs: RUNS,
  warmup: WARMUP,
  json: true,
  nodeFlags: relaxedSimd ? ["--experimental-wasm-relaxed-simd"] : [],
});
if (json) {
  console.log(
    JSON.stringify(
      { machine, runs: RUNS, warmup: WARMUP, results, methods, exactnessResults },
      null,
      2,
    ),
  );
} else {
  console.log(
    `jrng bench: raw bits throughput, million uint32 per second ` +
      `(median of ${RUNS} runs after ${WARMUP} warm-up runs, one thread)`,
  );
  console.log(
    `machine: ${machine.cpu}, ${machine.logicalCpus} logical CPUs, ${machine.platform}, ` +
      `node ${machine.node}, WebAssembly kernels: ${machine.wasmKernels}`,
  );
  const pad = (text, width) => String(text).padStart(width);
  for (const size of SIZES) {
    console.log(`\n2^${Math.log2(size)} = ${size} uint32 (${(size * 4) / 2 ** 20} MiB)`);
    console.log(
      `  ${"method".padEnd(38)}${pad("median ms", 11)}${pad("M uint32/s", 12)}` +
        `${pad("vs naive", 10)}${pad("vs crypto", 11)}${pad("faults/run", 12)}`,
    );
    for (const row of results.filter((r) => r.size === size)) {
      console.log(
        `  ${row.label.padEnd(38)}${pad(row.ms.toFixed(1), 11)}${pad(row.mPerS.toFixed(1), 12)}` +
          `${pad(row.vsNaive.toFixed(2) + "x", 10)}${pad(row.vsCrypto.toFixed(2) + "x", 11)}` +
          `${pad(row.pageFaults, 12)}`,
      );
    }
  }
}
if (!json) {
  printMethods(methods, RUNS, WARMUP);
  console.log(`\nWhat exactness costs: million elements per second`);
  console.log(
    `  ${"method".padEnd(44)}${"elements".padStart(10)}${"median ms".padStart(11)}${"M/s".padStart(9)}`,
  );
  for (const row of exactnessResults) {
    console.log(
      `  ${row.label.padEnd(44)}${String(row.elements).padStart(10)}` +
        `${row.ms.toFixed(1).padStart(11)}${row.mPerS.toFixed(1).padStart(9)}`,
    );
  }
}
if (sink === 0.5) console.log(sink); // never true; stops the results being optimised away
