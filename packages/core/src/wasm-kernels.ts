/**
 * The WebAssembly SIMD kernels (`assembly/`, compiled with
 * AssemblyScript at build time and embedded in `generated/threefry-wasm.ts`):
 * loaded synchronously on first use, in Node and in browsers alike, and
 * replaced by the JavaScript kernel where WebAssembly SIMD is missing or the
 * caller turned it off. Both compute the same words; tests check it. The
 * switch also covers the stable sort's kernel (`stable-sort-wasm.ts`).
 *
 * Two builds of the same kernels are embedded. The relaxed SIMD build does
 * the fused multiply-adds of the float32 normal and gamma kernels with
 * `f32x4.relaxed_madd`, one instruction for four lanes; it is used only
 * where the engine validates it (Node.js 22 and later, Chromium 114 and
 * later; Node.js 20 behind `--experimental-wasm-relaxed-simd`) and a probe
 * shows that its `relaxed_madd` rounds once. Elsewhere the SIMD build
 * emulates them on float64 lanes. Both give the same bits.
 *
 * @module
 */
import { THREEFRY_WASM_BASE64, THREEFRY_WASM_RELAXED_BASE64 } from "./generated/threefry-wasm.js";

/** The exports of the compiled module. */
interface KernelExports {
  memory: { buffer: ArrayBuffer };
  CHUNK: { value: number };
  words0Pointer(): number;
  words1Pointer(): number;
  hashProgression(
    k0: number,
    k1: number,
    x0Start: number,
    x0Step: number,
    x1Start: number,
    x1Step: number,
    count: number,
    output: number,
  ): void;
  integersPointer(): number;
  randint32Progression(
    higherKey0: number,
    higherKey1: number,
    lowerKey0: number,
    lowerKey1: number,
    x0Start: number,
    x0Step: number,
    x1Start: number,
    x1Step: number,
    count: number,
    low: number,
    span: number,
    multiplier: number,
  ): void;
  randint32Words(count: number, low: number, span: number, multiplier: number): void;
  normalFloat32(words: number, count: number, low: number, span: number): void;
  /** Float32 gamma (`assembly/gamma.ts`). */
  GAMMA_CHUNK: { value: number };
  gammaKeysPointer(): number;
  gammaSamplesPointer(): number;
  gammaFlagsPointer(): number;
  gammaFloat32(
    count: number,
    d: number,
    c: number,
    low: number,
    span: number,
    partitionable: boolean,
    key0: number,
    key1: number,
    firstIndex: number,
    deriveKeys: boolean,
  ): number;
  /** `Lanes.madd(a, b, c)` on one lane (`relaxed_madd` in the relaxed SIMD build). */
  fusedMultiplyAddProbe(a: number, b: number, c: number): number;
}

/**
 * Which build the kernels come from: `"relaxed-simd"` (fused multiply-adds
 * by `relaxed_madd`) or `"simd"` (multiply-adds emulated on float64 lanes).
 */
export type WasmKernelBuild = "relaxed-simd" | "simd";

/** The part of the WebAssembly JavaScript API used here (not in lib ES2022). */
export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** What the hashing and filling code uses: the kernels and views of their buffers. */
export interface WasmKernels {
  readonly exports: KernelExports;
  /** Which of the two builds was loaded. */
  readonly build: WasmKernelBuild;
  /** Counter pairs one call handles. */
  readonly chunk: number;
  /** Output word 0 of each pair (or their XOR). */
  readonly words0: Uint32Array;
  /** Output word 1 of each pair. */
  readonly words1: Uint32Array;
  /** `words0` read as float32 (after hashing into uniforms, or `normalFloat32`). */
  readonly floats0: Float32Array;
  /** The int32 results of `randint32Progression` and `randint32Words`. */
  readonly integers: Int32Array;
  /** The float32 gamma kernel. */
  readonly gamma: GammaKernel;
}

/** The float32 gamma kernel (`assembly/gamma.ts`) and views of its buffers. */
export interface GammaKernel {
  /** Elements one call handles. */
  readonly chunk: number;
  /** Its input: each element's key, word 0 then word 1. */
  readonly keys: Uint32Array;
  /** Its samples. */
  readonly samples: Float32Array;
  /** Its flags: nonzero where the caller recomputes the element. */
  readonly flags: Int32Array;
  /**
   * Turn the keys of `count` elements into Gamma samples (see
   * `assembly/gamma.ts`); nonzero where some element is flagged.
   */
  run(
    count: number,
    d: number,
    c: number,
    low: number,
    span: number,
    partitionable: boolean,
    key0: number,
    key1: number,
    firstIndex: number,
    deriveKeys: boolean,
  ): number;
}

/** The gamma kernel's entry point and views of its buffers. */
function gammaKernelOf(exports: KernelExports, buffer: ArrayBuffer): GammaKernel {
  const chunk = exports.GAMMA_CHUNK.value;
  return {
    chunk,
    keys: new Uint32Array(buffer, exports.gammaKeysPointer(), 2 * chunk),
    samples: new Float32Array(buffer, exports.gammaSamplesPointer(), chunk),
    flags: new Int32Array(buffer, exports.gammaFlagsPointer(), chunk),
    run: exports.gammaFloat32,
  };
}

/** Below this many pairs the JavaScript kernel is as fast (no call and copy overhead). */
export const WASM_MIN_PAIRS = 64;

let minimumPairs = WASM_MIN_PAIRS;

/** The fewest counter pairs a hash hands to the WebAssembly kernel. */
export function wasmMinimumPairs(): number {
  return minimumPairs;
}

/**
 * Set the fewest counter pairs a hash hands to the WebAssembly kernel
 * (default {@link WASM_MIN_PAIRS}); 1 sends every hash there, e.g. to check
 * it against small golden vectors.
 *
 * @returns the previous value.
 */
export function setWasmMinimumPairs(pairs: number): number {
  const before = minimumPairs;
  minimumPairs = Math.max(1, Math.floor(pairs));
  return before;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The 6-bit value of each base64 character, by character code. */
const BASE64_VALUES = new Uint8Array(128);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUES[BASE64.charCodeAt(i)] = i;

/** The bytes of a base64 text (the embedded modules). */
export function decodeBase64(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61 /* = */) length--;
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < length; i++) {
    buffer = ((buffer << 6) | BASE64_VALUES[text.charCodeAt(i)]) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >>> bits) & 0xff;
    }
  }
  return bytes;
}

let enabled = true;
let relaxedSimdAllowed = true;
let loaded: WasmKernels | null | undefined;

/** `relaxed_madd` rounds once here: `(1 + 2^-12)² - 1` keeps its last bit, `2^-24`. */
function fusesMultiplyAdd(exports: KernelExports): boolean {
  const a = Math.fround(1 + 2 ** -12);
  return exports.fusedMultiplyAddProbe(a, a, -1) === 2 ** -11 + 2 ** -24;
}

/** Instantiate one build, or `null` where the engine cannot run it. */
function instantiate(
  api: WebAssemblyApi,
  base64: string,
  build: WasmKernelBuild,
): WasmKernels | null {
  const bytes = decodeBase64(base64);
  // validate() is false where the engine lacks SIMD (or relaxed SIMD).
  if (!api.validate(bytes)) return null;
  try {
    const exports = new api.Instance(new api.Module(bytes), {}).exports as KernelExports;
    if (build === "relaxed-simd" && !fusesMultiplyAdd(exports)) return null;
    const chunk = exports.CHUNK.value;
    const buffer = exports.memory.buffer;
    return {
      exports,
      build,
      chunk,
      words0: new Uint32Array(buffer, exports.words0Pointer(), chunk),
      words1: new Uint32Array(buffer, exports.words1Pointer(), chunk),
      floats0: new Float32Array(buffer, exports.words0Pointer(), chunk),
      integers: new Int32Array(buffer, exports.integersPointer(), chunk),
      gamma: gammaKernelOf(exports, buffer),
    };
  } catch {
    // A host that forbids synchronous compilation: the JS kernel runs.
    return null;
  }
}

function load(): WasmKernels | null {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (api === undefined) return null;
  const relaxed = relaxedSimdAllowed
    ? instantiate(api, THREEFRY_WASM_RELAXED_BASE64, "relaxed-simd")
    : null;
  return relaxed ?? instantiate(api, THREEFRY_WASM_BASE64, "simd");
}

/** The WebAssembly kernels, or `null` where they are unavailable or turned off. */
export function wasmKernels(): WasmKernels | null {
  if (!enabled) return null;
  if (loaded === undefined) loaded = load();
  return loaded;
}

/** Whether the WebAssembly kernels are on (see {@link setWasmKernelsEnabled}). */
export function wasmKernelsEnabled(): boolean {
  return enabled;
}

/**
 * Turn the WebAssembly kernels on (default, where the engine supports
 * WebAssembly SIMD) or off, e.g. to compare both paths. Results are the same
 * either way.
 *
 * @returns whether the kernels were on before.
 */
export function setWasmKernelsEnabled(on: boolean): boolean {
  const before = enabled;
  enabled = on;
  return before;
}

/** Which build of the kernels runs (loading them if needed), or `null` where none does. */
export function wasmKernelBuild(): WasmKernelBuild | null {
  return wasmKernels()?.build ?? null;
}

/**
 * Allow the relaxed SIMD build (default) or keep to the SIMD build, e.g. to
 * compare both. Results are the same either way. The kernels are loaded again
 * on next use.
 *
 * @returns whether the relaxed SIMD build was allowed before.
 */
export function setRelaxedSimdEnabled(on: boolean): boolean {
  const before = relaxedSimdAllowed;
  relaxedSimdAllowed = on;
  loaded = undefined;
  return before;
}
