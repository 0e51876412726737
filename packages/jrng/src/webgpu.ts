/**
 * The WebGPU backend: `@jrng/webgpu`'s WGSL kernels writing straight into
 * jax-js arrays on jax-js's own `"webgpu"` device.
 *
 * jax-js cannot adopt an external `GPUBuffer`, so each accelerated draw
 * allocates `np.zeros([n], { device: "webgpu" })`, takes its buffer with
 * `x.ref.gpuBufferSync()` (which realises the zeros and submits the fill
 * kernel), queues the Threefry kernel writing into that buffer on the same
 * device and queue (so it runs after the fill), and returns `x.reshape(shape)`.
 * Nothing goes through the host.
 *
 * @module
 */
import { DType, numpy as np, type Array as JaxArray } from "@jax-js/jax";
import type { Key, NdArray } from "@jrng/core";
import { f32 } from "@jrng/core/internal";
import type { WebGPURandom } from "@jrng/webgpu";
import { jaxArrayOf, type ArrayBackend, type DrawOp, type DrawParams } from "./arrays.js";

/** Finite as a float32 (the GPU kernels take float32 bounds, as the CPU path rounds them). */
function finite32(x: number): boolean {
  return Number.isFinite(f32(x));
}

/** The backend object; one per jax-js webgpu device, shared by all generators on it. */
class WebGPUBackend implements ArrayBackend {
  readonly #random: WebGPURandom;
  #error: unknown;

  constructor(random: WebGPURandom) {
    this.#random = random;
  }

  toArray(result: NdArray): JaxArray {
    // Results computed on the CPU also go to the webgpu device (float64 cannot: to the default device).
    return jaxArrayOf(result, result.dtype === "float64" ? undefined : "webgpu");
  }

  draw(
    op: DrawOp,
    subkey: Key,
    partitionable: boolean,
    shape: readonly number[],
    dtype: "uint32" | "float32" | "int32",
    params: DrawParams,
  ): JaxArray | undefined {
    const n = shape.reduce((a, b) => a * b, 1);
    if (n === 0 || n > this.#random.maxElements) return undefined;
    const wanted = { bits: "uint32", uniform: "float32", normal: "float32", randint: "int32" }[op];
    if (dtype !== wanted) return undefined;
    const minval = params.minval ?? 0;
    const maxval = params.maxval ?? 1;
    if (op === "uniform") {
      if (typeof minval !== "number" || typeof maxval !== "number") return undefined;
      if (!finite32(minval) || !finite32(maxval) || !finite32(f32(maxval) - f32(minval))) {
        return undefined;
      }
    }
    // randint's bounds are clipped to int32 by the kernel's scalars exactly as the CPU path clips them.
    if (op === "randint" && (typeof minval !== "bigint" || typeof maxval !== "bigint")) {
      return undefined;
    }
    this.#throwPendingError();
    const jaxDType = { uint32: DType.Uint32, float32: DType.Float32, int32: DType.Int32 }[dtype];
    const x = np.zeros([n], { dtype: jaxDType, device: "webgpu" });
    try {
      const random = this.#random;
      const options = { out: x.ref.gpuBufferSync() };
      switch (op) {
        case "bits":
          random.bits(subkey, n, partitionable, options);
          break;
        case "uniform":
          random.uniform(subkey, n, minval as number, maxval as number, partitionable, options);
          break;
        case "normal":
          random.normal(subkey, n, partitionable, options);
          break;
        case "randint":
          random.randint(subkey, n, minval, maxval, partitionable, options);
          break;
      }
    } catch (error) {
      x.dispose();
      throw error;
    }
    // GPU errors are asynchronous: collect them, and throw the first one from the next draw.
    this.#random.sync().catch((error: unknown) => {
      this.#error ??= error;
    });
    return x.reshape([...shape]);
  }

  #throwPendingError(): void {
    const error = this.#error;
    if (error === undefined) return;
    this.#error = undefined;
    throw error;
  }
}

let shared: Promise<WebGPUBackend> | undefined;

/**
 * The WebGPU backend on jax-js's webgpu device: `init("webgpu")` (after
 * installing `navigator.gpu` from the `webgpu` package where the runtime has
 * none — Node), then `createWebGPURandom({ device: getWebGPUDevice() })`.
 * Created once and shared; a failure is not cached.
 *
 * @throws WebGPUUnavailableError (from `@jrng/webgpu`) with the reason when there is no adapter or jax-js cannot use it.
 * @internal
 */
export function webgpuBackend(): Promise<ArrayBackend> {
  shared ??= createBackend().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** The name of the optional package that holds the WebGPU kernels. */
const WEBGPU_PACKAGE = "@jrng/webgpu";

/**
 * `@jrng/webgpu`, loaded on demand: it is an optional peer dependency, so a
 * CPU-only install never loads (or needs) it.
 *
 * @throws Error named `WebGPUUnavailableError` (so that `device: "auto"` falls
 * back to the CPU) whose message names the package and how to install it.
 */
async function loadWebGPUPackage(): Promise<typeof import("@jrng/webgpu")> {
  try {
    return await import(/* @vite-ignore */ WEBGPU_PACKAGE);
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    const missing =
      code === "ERR_MODULE_NOT_FOUND" ||
      (error instanceof Error && error.message.includes(WEBGPU_PACKAGE));
    if (!missing) throw error;
    const reason = `the optional package ${WEBGPU_PACKAGE} is not installed (npm install ${WEBGPU_PACKAGE})`;
    throw Object.assign(new Error(`device "webgpu" needs ${reason}`, { cause: error }), {
      name: "WebGPUUnavailableError",
      reason,
    });
  }
}

async function createBackend(): Promise<WebGPUBackend> {
  const gpu = await loadWebGPUPackage();
  await gpu.installNavigatorGPU();
  const jax = await import("@jax-js/jax");
  const devices = await jax.init("webgpu");
  if (!devices.includes("webgpu")) {
    // jax-js says nothing about why; ask the adapter ourselves for the reason.
    const { device } = await gpu.requestWebGPUDevice();
    device.destroy();
    throw new gpu.WebGPUUnavailableError(
      'an adapter exists but jax-js could not initialise its "webgpu" backend (init("webgpu") did not ' +
        "return it; jax-js logs the device error, if any, to the console)",
    );
  }
  const random = await gpu.createWebGPURandom({ device: jax.getWebGPUDevice() });
  return new WebGPUBackend(random);
}
