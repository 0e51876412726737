// The draws the browser test compares: the same code runs in Node (global-setup.ts, whose
// results are the expected values) and in the browser page (jrng.browser.test.ts).
import { numpy as np } from "@jax-js/jax";
import type { JRNG as JRNGClass, StreamKind } from "jrng";

/** Every stream discipline and threefry mode. */
export const CONFIGS: { stream: StreamKind; partitionable: boolean }[] = [
  { stream: "split", partitionable: true },
  { stream: "split", partitionable: false },
  { stream: "fold_in", partitionable: true },
  { stream: "fold_in", partitionable: false },
];

export const SEED = 42;

/** A sequence of calls on `new JRNG(42, config)`, as JSON-serialisable values. */
export function draws(JRNG: typeof JRNGClass, config: (typeof CONFIGS)[number]) {
  const rng = new JRNG(SEED, config);
  const low = np.array(new Float32Array([-1, 0.5]), { shape: [2] });
  const result = {
    config,
    random: rng.random(4).js() as number[],
    random64: rng.random([2], { dtype: "float64" }).js() as number[],
    uniform: rng.uniform(-1, 1, [2, 3]).js() as number[][],
    uniformJaxLow: rng.uniform(low, 2, [3, 2]).js() as number[][],
    // The jax-js parameter was read, not consumed: it is still readable.
    lowAfter: low.js() as number[],
    standardNormal: rng.standardNormal(4).js() as number[],
    // Large enough for the WebAssembly kernels: in Chromium the relaxed SIMD build's normal
    // and gamma, in Node.js 20 (the expected values) the SIMD build and the JavaScript loop.
    standardNormalKernel: rng.standardNormal(1000).js() as number[],
    gammaKernel: rng.gamma(2.5, 1.5, 1000).js() as number[],
    integers: rng.integers(0, 10, [2, 5]).js() as number[][],
    integersUint8: rng.integers(0, 256, [4], { dtype: "uint8" }).js() as number[],
    bytes: Array.from(rng.bytes(8)),
    key: Array.from(rng.key()),
    keys: Array.from(rng.key([2]).data),
    spawned: rng.spawn(2).map((child) => child.random(2).js() as number[]),
    state: rng.state,
  };
  return result;
}

export type Draws = ReturnType<typeof draws>;

declare module "vitest" {
  export interface ProvidedContext {
    /** The draws of every config in CONFIGS, computed in Node by global-setup.ts. */
    jrngExpected: Draws[];
  }
}
