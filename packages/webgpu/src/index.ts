/**
 * `@jrng/webgpu`: WGSL compute kernels for jrng's hot path — Threefry-2x32-20
 * `bits`, `uniform`, `normal` and `randint` on a WebGPU device, in both of
 * JAX's threefry modes, bit-identical to `@jrng/core` (`normal` within
 * {@link NORMAL_ULP_BOUND}). Results stay on the GPU as `GPUBuffer`s.
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
 * `@jrng/core`'s `normal`: 3, measured exhaustively over all 2^23 uniform
 * inputs the sampler can produce (SwiftShader; 0.66% of them differ at all).
 * The kernel's `log1p` is fdlibm's float32 `log1pf` in WGSL arithmetic (< 1 ULP),
 * ours is `Math.log1p` rounded to float32; the erf_inv polynomial amplifies the
 * difference in the tail (|x| > 3). `@jrng/core` is within 5 ULP of JAX, so the
 * GPU result is within 8 ULP of JAX's CPU value.
 */
export const NORMAL_ULP_BOUND = 3;
