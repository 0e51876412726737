/**
 * `@jrng/webgpu`: WGSL compute kernels for jrng's hot path — Threefry-2x32-20
 * `bits`, `uniform`, `normal` and `randint` on a WebGPU device, in both of
 * JAX's threefry modes, bit-identical to `@jrng/core`. Results stay on the GPU as `GPUBuffer`s.
 *
 * @packageDocumentation
 */
export {
  compileKernel,
  createWebGPURandom,
  getGPU,
  installNavigatorGPU,
  randintScalars,
  requestWebGPUDevice,
  summarizeAdapter,
  transformWords,
  tryCreateWebGPURandom,
  WebGPUKernelError,
  WebGPUUnavailableError,
  type AdapterSummary,
  type BitsOptions,
  type CreateOptions,
  type InstalledGlobals,
  type OutputOptions,
  type ReadResult,
  type TryCreateResult,
  type WebGPUDType,
  type WebGPURandom,
} from "./random.js";
export { elementwiseKernel, narrowBitsKernel, WORKGROUP_SIZE, type KernelOp } from "./wgsl.js";

/**
 * Largest difference, in float32 ULP, between {@link WebGPURandom.normal} and
 * `@jrng/core`'s `normal`: 0. The kernel computes XLA's float32 `log1p` and
 * `erf_inv` with exactly emulated fused multiply-adds, as `@jrng/core` does,
 * so every one of the 2^23 uniform inputs the sampler can produce gives the
 * same float32 (measured exhaustively on SwiftShader, where division and
 * `sqrt` are correctly rounded). Kept for compatibility; it was 3.
 */
export const NORMAL_ULP_BOUND = 0;
