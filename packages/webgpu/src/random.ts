/**
 * The host side: adapter and device acquisition, pipelines, dispatch and
 * read-back for the WGSL kernels of {@link ./wgsl.ts}.
 *
 * @module
 */
import { f32, nextAfterFloat32, splitWords } from "@jrng/core/internal";
import { checkKey } from "@jrng/core/internal";
import type { KeyLike } from "@jrng/core";
import { elementwiseKernel, narrowBitsKernel, WORKGROUP_SIZE, type KernelOp } from "./wgsl.js";

// GPUBufferUsage / GPUMapMode values (WebGPU spec), so that no global is needed in Node.
const USAGE_MAP_READ = 0x0001;
const USAGE_COPY_SRC = 0x0004;
const USAGE_COPY_DST = 0x0008;
const USAGE_UNIFORM = 0x0040;
const USAGE_STORAGE = 0x0080;
const MAP_READ = 0x0001;
const MAX_WORKGROUPS_PER_DIMENSION = 65535;

/** The dtype of a buffer's elements, which decides what {@link WebGPURandom.read} returns. */
export type WebGPUDType = "uint8" | "uint16" | "uint32" | "float32" | "int32";

/** What {@link WebGPURandom.read} returns for each dtype. */
export interface ReadResult {
  /** `bits` with dtype uint8. */
  uint8: Uint8Array;
  /** `bits` with dtype uint16. */
  uint16: Uint16Array;
  /** `bits` with dtype uint32. */
  uint32: Uint32Array;
  /** `uniform` and `normal`. */
  float32: Float32Array;
  /** `randint`. */
  int32: Int32Array;
}

/** Where a sampler writes: a caller's buffer (e.g. one a jax-js array owns) instead of a new one. */
export interface OutputOptions {
  /**
   * A buffer on the same device with `STORAGE` usage and at least
   * `byteOffset + 4·ceil(n·bytes/4)` bytes; the result is written there and this
   * buffer is returned. Without it a new `STORAGE | COPY_SRC | COPY_DST` buffer is created.
   */
  out?: GPUBuffer;
  /** Byte offset into `out`, a multiple of the device's `minStorageBufferOffsetAlignment` (256). Default 0. */
  byteOffset?: number;
}

/** Options of {@link WebGPURandom.bits}. */
export interface BitsOptions extends OutputOptions {
  /** `"uint32"` (default), `"uint16"` or `"uint8"` (packed little-endian, as a typed array's bytes). */
  dtype?: "uint8" | "uint16" | "uint32";
}

/** The adapter description printed next to timings (`GPUAdapterInfo`, flattened). */
export interface AdapterSummary {
  /** `adapter.info.vendor`. */
  vendor: string;
  /** `adapter.info.architecture`. */
  architecture: string;
  /** `adapter.info.device`. */
  device: string;
  /** `adapter.info.description`. */
  description: string;
  /** True for a CPU (software) adapter such as SwiftShader or lavapipe, when the platform says so. */
  isFallbackAdapter: boolean;
}

/** Random numbers on a WebGPU device; create one with {@link createWebGPURandom}. */
export interface WebGPURandom {
  /** The device the kernels run on. */
  readonly device: GPUDevice;
  /** The adapter, when this object acquired the device itself (undefined for a device passed in). */
  readonly adapter: AdapterSummary | undefined;
  /** Largest `n` one call accepts (the device's storage binding size / 4 bytes). */
  readonly maxElements: number;
  /**
   * `jax.random.bits(key, (n,), dtype)` (as `@jrng/core`'s `bits`), on the GPU.
   * Returns the buffer at once (GPU-resident, queued); errors surface in {@link WebGPURandom.read} / {@link WebGPURandom.sync}.
   */
  bits(key: KeyLike, n: number, partitionable?: boolean, options?: BitsOptions): GPUBuffer;
  /** `jax.random.uniform(key, (n,), float32, minval, maxval)` (as `@jrng/core`'s `uniform`), bit for bit. */
  uniform(
    key: KeyLike,
    n: number,
    minval?: number,
    maxval?: number,
    partitionable?: boolean,
    options?: OutputOptions,
  ): GPUBuffer;
  /** `jax.random.normal(key, (n,), float32)`, bit-identical to `@jrng/core`'s `normal`. */
  normal(key: KeyLike, n: number, partitionable?: boolean, options?: OutputOptions): GPUBuffer;
  /** `jax.random.randint(key, (n,), minval, maxval, int32)` (as `@jrng/core`'s `randint`), bit for bit. */
  randint(
    key: KeyLike,
    n: number,
    minval: number | bigint,
    maxval: number | bigint,
    partitionable?: boolean,
    options?: OutputOptions,
  ): GPUBuffer;
  /** Copy a buffer this object wrote back to the host, as the typed array of its dtype and length. */
  read(buffer: GPUBuffer): Promise<ReadResult[WebGPUDType]>;
  /** Wait until all queued work is done; rejects with the first GPU error since the last check. */
  sync(): Promise<void>;
  /** Destroy the device if this object created it. */
  destroy(): void;
}

/**
 * Thrown when no WebGPU adapter or device can be obtained; `reason` says why
 * (no `navigator.gpu` and no `webgpu` package, no adapter, device request failed).
 */
export class WebGPUUnavailableError extends Error {
  /** Why no device is available, in words. */
  readonly reason: string;
  constructor(reason: string) {
    super(`WebGPU is not available: ${reason}`);
    this.name = "WebGPUUnavailableError";
    this.reason = reason;
  }
}

/** A GPU validation, out-of-memory or shader compilation error, with the messages WebGPU gave. */
export class WebGPUKernelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebGPUKernelError";
  }
}

/** Options of {@link createWebGPURandom}. */
export interface CreateOptions {
  /** Use this device (e.g. jax-js's `getWebGPUDevice()`) instead of requesting one. */
  device?: GPUDevice;
  /** Passed to `requestAdapter`. */
  powerPreference?: "low-power" | "high-performance";
}

/** The result of {@link tryCreateWebGPURandom}: the object, or why there is none. */
export type TryCreateResult =
  { ok: true; random: WebGPURandom } | { ok: false; reason: string; error: unknown };

interface BufferInfo {
  dtype: WebGPUDType;
  length: number;
  byteOffset: number;
}

/**
 * The WebGPU entry point: `navigator.gpu` where the runtime has one (browsers,
 * Deno), otherwise the `webgpu` npm package (Dawn for Node), imported on demand.
 *
 * @throws WebGPUUnavailableError if neither exists.
 */
export async function getGPU(): Promise<GPU> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  // Dawn's instance must outlive every adapter and device made from it: if
  // the GPU object were garbage-collected, Dawn would abort the process.
  nodeGPU ??= createNodeGPU();
  return nodeGPU;
}

let nodeGPU: Promise<GPU> | undefined;

interface DawnModule {
  create: (flags: string[]) => GPU;
  globals: Record<string, unknown>;
}

let dawnModule: Promise<DawnModule> | undefined;

async function loadDawn(): Promise<DawnModule> {
  const specifier = "webgpu";
  try {
    return (await import(/* @vite-ignore */ specifier)) as DawnModule;
  } catch (error) {
    throw new WebGPUUnavailableError(
      `this runtime has no navigator.gpu and the "webgpu" package (Dawn for Node) could not be loaded (${
        (error as Error).message
      }); in Node, npm install webgpu`,
    );
  }
}

async function createNodeGPU(): Promise<GPU> {
  dawnModule ??= loadDawn();
  try {
    return (await dawnModule).create([]);
  } catch (error) {
    dawnModule = undefined;
    nodeGPU = undefined;
    throw error;
  }
}

/** What {@link installNavigatorGPU} did. */
export interface InstalledGlobals {
  /** True if `navigator.gpu` (and `navigator` itself, where missing) was installed. */
  navigator: boolean;
  /** The WebGPU globals installed (`GPUBufferUsage`, `GPUMapMode`, the `GPU*` classes); only missing ones. */
  constants: string[];
}

/**
 * Make `navigator.gpu` available to libraries that read it (jax-js's webgpu
 * backend does), in a runtime that has none (Node): `navigator.gpu` becomes
 * the `webgpu` package's (Dawn's) GPU object — the same one {@link getGPU}
 * returns — and the `GPU*` globals it exports (the constants `GPUBufferUsage`,
 * `GPUMapMode`, `GPUTextureUsage`, `GPUShaderStage` and the interface
 * classes) are defined where missing. Where `navigator` itself is missing (Node 20) a minimal
 * `{ gpu, userAgent }` object is installed. Does nothing when `navigator.gpu`
 * already exists (browsers, Deno), so no global is touched there.
 *
 * @throws WebGPUUnavailableError if there is no `navigator.gpu` and the `webgpu` package cannot be loaded.
 */
export async function installNavigatorGPU(): Promise<InstalledGlobals> {
  const scope = globalThis as { navigator?: { gpu?: GPU; userAgent?: string } } & Record<
    string,
    unknown
  >;
  if (scope.navigator?.gpu) return { navigator: false, constants: [] };
  const gpu = await getGPU();
  dawnModule ??= loadDawn();
  const { globals } = await dawnModule;
  const constants: string[] = [];
  for (const [name, value] of Object.entries(globals)) {
    if (/^GPU[A-Za-z]*$/.test(name) && !(name in scope)) {
      scope[name] = value;
      constants.push(name);
    }
  }
  if (scope.navigator === undefined) {
    const userAgent = `Node.js/${
      (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node ?? ""
    }`;
    scope.navigator = { gpu, userAgent };
  } else {
    Object.defineProperty(scope.navigator, "gpu", { value: gpu, configurable: true });
  }
  return { navigator: true, constants };
}

/**
 * Request an adapter and a device with the adapter's largest storage buffer limits.
 *
 * @throws WebGPUUnavailableError with the reason when there is no adapter or the device request fails.
 */
export async function requestWebGPUDevice(
  options: Pick<CreateOptions, "powerPreference"> = {},
): Promise<{ adapter: GPUAdapter; device: GPUDevice }> {
  const gpu = await getGPU();
  const adapter = await gpu.requestAdapter(
    options.powerPreference ? { powerPreference: options.powerPreference } : undefined,
  );
  if (!adapter) {
    const hint = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
      ?.node
      ? " In Node (Dawn) on Linux this means no Vulkan driver was found: install one, or a software one" +
        " (bash scripts/setup-software-vulkan.sh prints VK_ICD_FILENAMES for SwiftShader)."
      : "";
    throw new WebGPUUnavailableError(`requestAdapter() returned null: no WebGPU adapter.${hint}`);
  }
  try {
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    return { adapter, device };
  } catch (error) {
    throw new WebGPUUnavailableError(`requestDevice() failed: ${(error as Error).message}`);
  }
}

/** `adapter.info` flattened to plain strings (its fields are getters, invisible to console.log). */
export function summarizeAdapter(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info ?? ({} as GPUAdapterInfo);
  return {
    vendor: info.vendor ?? "",
    architecture: info.architecture ?? "",
    device: info.device ?? "",
    description: info.description ?? "",
    isFallbackAdapter:
      (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ??
      (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter ??
      false,
  };
}

/**
 * Compile a WGSL compute shader into a pipeline, turning every compilation or
 * validation error into a {@link WebGPUKernelError} with WebGPU's messages.
 *
 * @throws WebGPUKernelError when the shader does not compile or the pipeline is invalid.
 */
export async function compileKernel(
  device: GPUDevice,
  code: string,
  label: string,
): Promise<GPUComputePipeline> {
  device.pushErrorScope("validation");
  const module = device.createShaderModule({ code, label });
  const info = await module.getCompilationInfo();
  let pipeline: GPUComputePipeline | undefined;
  let pipelineError: unknown;
  try {
    pipeline = await device.createComputePipelineAsync({
      label,
      layout: "auto",
      compute: { module, entryPoint: "main" },
    });
  } catch (error) {
    pipelineError = error;
  }
  const scopeError = await device.popErrorScope();
  const errors = info.messages.filter((m) => m.type === "error");
  if (errors.length > 0 || scopeError || pipelineError || !pipeline) {
    const lines = errors.map((m) => `  ${label}:${m.lineNum}:${m.linePos}: ${m.message}`);
    if (scopeError) lines.push(`  validation: ${scopeError.message}`);
    if (pipelineError) lines.push(`  pipeline: ${(pipelineError as Error).message}`);
    throw new WebGPUKernelError(`WGSL kernel "${label}" failed to compile:\n${lines.join("\n")}`);
  }
  return pipeline;
}

function checkLength(n: number, max: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer, got ${String(n)}`);
  }
  if (n > max) {
    throw new RangeError(
      `n = ${n} exceeds this device's limit of ${max} elements per call (maxStorageBufferBindingSize / 4)`,
    );
  }
  return n;
}

function checkFinite(name: string, x: number): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new TypeError(`${name} must be a finite number, got ${String(x)}`);
  }
  return x;
}

function checkMode(partitionable: unknown): boolean {
  if (typeof partitionable !== "boolean") {
    throw new TypeError(`partitionable must be a boolean, got ${String(partitionable)}`);
  }
  return partitionable;
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

function toBigInt(name: string, x: number | bigint): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "number" && Number.isInteger(x)) return BigInt(x);
  throw new TypeError(`${name} must be an integer number or a bigint, got ${String(x)}`);
}

/**
 * JAX's `_randint` scalars for int32: `[low, span, multiplier]` as uint32
 * words, with `_convert_and_clip_integer`'s clipping and the widened span when
 * `maxval` exceeds the int32 maximum (as `@jrng/core`'s `randintKernel`).
 */
export function randintScalars(
  minval: number | bigint,
  maxval: number | bigint,
): [number, number, number] {
  const rawLow = toBigInt("minval", minval);
  const rawHigh = toBigInt("maxval", maxval);
  const clip = (v: bigint) => (v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : v);
  const low = clip(rawLow);
  const high = clip(rawHigh);
  let span = Number(BigInt.asUintN(32, high - low));
  if (high <= low) span = 1;
  if (rawHigh > INT32_MAX && high > low) span = (span + 1) >>> 0;
  const rem = (a: number, s: number) => (s === 0 ? a : a % s);
  let multiplier = rem(2 ** 16, span);
  multiplier = rem(Math.imul(multiplier, multiplier) >>> 0, span);
  return [Number(BigInt.asUintN(32, low)), span, multiplier];
}

const DTYPE_BYTES: Record<WebGPUDType, number> = {
  uint8: 1,
  uint16: 2,
  uint32: 4,
  float32: 4,
  int32: 4,
};

/**
 * Create a {@link WebGPURandom}: acquire a device (or use `options.device`)
 * and compile every kernel, so that shader errors are thrown here.
 *
 * @throws WebGPUUnavailableError when no adapter or device is available (the message says why).
 * @throws WebGPUKernelError when a kernel does not compile on this device.
 */
export async function createWebGPURandom(options: CreateOptions = {}): Promise<WebGPURandom> {
  let device: GPUDevice;
  let adapter: AdapterSummary | undefined;
  const owned = options.device === undefined;
  if (options.device) {
    device = options.device;
  } else {
    const acquired = await requestWebGPUDevice(options);
    device = acquired.device;
    adapter = summarizeAdapter(acquired.adapter);
  }
  try {
    return await WebGPURandomImpl.create(device, adapter, owned);
  } catch (error) {
    if (owned) device.destroy();
    throw error;
  }
}

/**
 * Like {@link createWebGPURandom} but never throws for a missing adapter: the
 * fallback signal for callers that use the CPU when there is no GPU.
 * Kernel compilation errors still throw (they are bugs, not absence).
 */
export async function tryCreateWebGPURandom(options: CreateOptions = {}): Promise<TryCreateResult> {
  try {
    return { ok: true, random: await createWebGPURandom(options) };
  } catch (error) {
    if (error instanceof WebGPUUnavailableError) return { ok: false, reason: error.reason, error };
    throw error;
  }
}

type PipelineName = KernelOp | "narrowBits";

class WebGPURandomImpl implements WebGPURandom {
  readonly device: GPUDevice;
  readonly adapter: AdapterSummary | undefined;
  readonly maxElements: number;
  readonly #pipelines: Map<PipelineName, GPUComputePipeline>;
  readonly #owned: boolean;
  readonly #info = new WeakMap<GPUBuffer, BufferInfo>();
  #pending: Promise<GPUError | null>[] = [];

  private constructor(
    device: GPUDevice,
    adapter: AdapterSummary | undefined,
    owned: boolean,
    pipelines: Map<PipelineName, GPUComputePipeline>,
  ) {
    this.device = device;
    this.adapter = adapter;
    this.#owned = owned;
    this.#pipelines = pipelines;
    this.maxElements = Math.floor(
      Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize) / 4,
    );
  }

  static async create(
    device: GPUDevice,
    adapter: AdapterSummary | undefined,
    owned: boolean,
  ): Promise<WebGPURandomImpl> {
    const names: PipelineName[] = ["bits", "uniform", "normal", "randint", "narrowBits"];
    // One at a time: error scopes are a per-device stack, so interleaved
    // compilations would pop each other's scopes.
    const compiled: GPUComputePipeline[] = [];
    for (const name of names) {
      const code = name === "narrowBits" ? narrowBitsKernel() : elementwiseKernel(name);
      compiled.push(await compileKernel(device, code, `jrng-${name}`));
    }
    return new WebGPURandomImpl(
      device,
      adapter,
      owned,
      new Map(names.map((n, i) => [n, compiled[i]])),
    );
  }

  bits(key: KeyLike, n: number, partitionable = true, options: BitsOptions = {}): GPUBuffer {
    const words = checkKey("bits", key);
    const dtype = options.dtype ?? "uint32";
    if (dtype !== "uint32" && dtype !== "uint16" && dtype !== "uint8") {
      throw new TypeError(`dtype must be "uint8", "uint16" or "uint32", got ${String(dtype)}`);
    }
    checkMode(partitionable);
    const width = DTYPE_BYTES[dtype] * 8;
    checkLength(Math.ceil((n * width) / 32), this.maxElements);
    checkLength(n, 2 ** 32 - 2);
    const wordCount = Math.ceil((n * width) / 32);
    if (dtype === "uint32" || !partitionable) {
      // Legacy 8/16-bit bits are the little-endian pieces of wordCount legacy words.
      return this.#run("bits", dtype, n, wordCount, options, {
        k0: words[0],
        k1: words[1],
        partitionable,
      });
    }
    return this.#run("narrowBits", dtype, n, wordCount, options, {
      k0: words[0],
      k1: words[1],
      partitionable: true,
      count: n,
      threads: wordCount,
      width,
    });
  }

  uniform(
    key: KeyLike,
    n: number,
    minval = 0,
    maxval = 1,
    partitionable = true,
    options: OutputOptions = {},
  ): GPUBuffer {
    const words = checkKey("uniform", key);
    checkLength(n, this.maxElements);
    checkMode(partitionable);
    const low = f32(checkFinite("minval", minval));
    const high = f32(checkFinite("maxval", maxval));
    return this.#run("uniform", "float32", n, n, options, {
      k0: words[0],
      k1: words[1],
      partitionable,
      a: floatBits(low),
      b: floatBits(f32(high - low)),
    });
  }

  normal(key: KeyLike, n: number, partitionable = true, options: OutputOptions = {}): GPUBuffer {
    const words = checkKey("normal", key);
    checkLength(n, this.maxElements);
    checkMode(partitionable);
    const low = nextAfterFloat32(-1, 0);
    return this.#run("normal", "float32", n, n, options, {
      k0: words[0],
      k1: words[1],
      partitionable,
      a: floatBits(low),
      b: floatBits(f32(1 - low)),
    });
  }

  randint(
    key: KeyLike,
    n: number,
    minval: number | bigint,
    maxval: number | bigint,
    partitionable = true,
    options: OutputOptions = {},
  ): GPUBuffer {
    const words = checkKey("randint", key);
    checkLength(n, this.maxElements);
    checkMode(partitionable);
    const [a, b, c] = randintScalars(minval, maxval);
    // JAX's _randint: k1, k2 = _split(key); higher bits from k1, lower from k2.
    const keys = splitWords(words[0], words[1], 2, partitionable);
    return this.#run("randint", "int32", n, n, options, {
      k0: keys[0],
      k1: keys[1],
      j0: keys[2],
      j1: keys[3],
      partitionable,
      a,
      b,
      c,
    });
  }

  #run(
    op: PipelineName,
    dtype: WebGPUDType,
    length: number,
    wordCount: number,
    options: OutputOptions,
    p: {
      k0: number;
      k1: number;
      j0?: number;
      j1?: number;
      partitionable: boolean;
      a?: number;
      b?: number;
      c?: number;
      count?: number;
      threads?: number;
      width?: number;
    },
  ): GPUBuffer {
    const byteLength = Math.max(4, wordCount * 4);
    const byteOffset = options.byteOffset ?? 0;
    let buffer = options.out;
    if (buffer) {
      if ((buffer.usage & USAGE_STORAGE) === 0) {
        throw new TypeError("options.out must have STORAGE usage");
      }
      const align = this.device.limits.minStorageBufferOffsetAlignment;
      if (!Number.isSafeInteger(byteOffset) || byteOffset < 0 || byteOffset % align !== 0) {
        throw new RangeError(
          `options.byteOffset must be a non-negative multiple of ${align}, got ${byteOffset}`,
        );
      }
      if (buffer.size < byteOffset + byteLength) {
        throw new RangeError(
          `options.out has ${buffer.size} bytes; ${byteOffset + byteLength} are needed`,
        );
      }
    } else {
      buffer = this.device.createBuffer({
        label: `jrng-${op}-out`,
        size: byteLength,
        usage: USAGE_STORAGE | USAGE_COPY_SRC | USAGE_COPY_DST,
      });
    }
    this.#info.set(buffer, { dtype, length, byteOffset });
    // Legacy element kernels run one thread per pair; the narrow kernel one per output word.
    const n = p.count ?? wordCount;
    const half = p.threads ?? Math.ceil(n / 2);
    const threads = op === "narrowBits" ? half : p.partitionable ? n : half;
    if (threads === 0) return buffer;
    const groups = Math.ceil(threads / WORKGROUP_SIZE);
    const gx = Math.min(groups, MAX_WORKGROUPS_PER_DIMENSION);
    const gy = Math.ceil(groups / gx);
    const params = new Uint32Array([
      p.k0,
      p.k1,
      n,
      half,
      p.j0 ?? 0,
      p.j1 ?? 0,
      p.partitionable ? 1 : 0,
      0,
      p.a ?? 0,
      p.b ?? 0,
      p.c ?? 0,
      p.width ?? 32,
      gx * WORKGROUP_SIZE,
      0,
      0,
      0,
    ]);
    const device = this.device;
    device.pushErrorScope("out-of-memory");
    device.pushErrorScope("validation");
    const uniforms = device.createBuffer({
      label: `jrng-${op}-params`,
      size: params.byteLength,
      usage: USAGE_UNIFORM | USAGE_COPY_DST,
    });
    device.queue.writeBuffer(uniforms, 0, params);
    const pipeline = this.#pipelines.get(op)!;
    const bindGroup = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniforms } },
        { binding: 1, resource: { buffer, offset: byteOffset, size: byteLength } },
      ],
    });
    const encoder = device.createCommandEncoder({ label: `jrng-${op}` });
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(gx, gy);
    pass.end();
    device.queue.submit([encoder.finish()]);
    uniforms.destroy();
    this.#pending.push(device.popErrorScope(), device.popErrorScope());
    return buffer;
  }

  async sync(): Promise<void> {
    const pending = this.#pending;
    this.#pending = [];
    const errors = (await Promise.all(pending)).filter((e): e is GPUError => e !== null);
    await this.device.queue.onSubmittedWorkDone();
    if (errors.length > 0) {
      throw new WebGPUKernelError(
        `WebGPU reported ${errors.length} error(s): ${errors.map((e) => e.message).join("; ")}`,
      );
    }
  }

  async read(buffer: GPUBuffer): Promise<ReadResult[WebGPUDType]> {
    const info = this.#info.get(buffer);
    if (!info) throw new TypeError("read: this buffer was not written by this WebGPURandom");
    const byteLength = Math.max(4, Math.ceil((info.length * DTYPE_BYTES[info.dtype]) / 4) * 4);
    const device = this.device;
    device.pushErrorScope("validation");
    const staging = device.createBuffer({
      label: "jrng-read",
      size: byteLength,
      usage: USAGE_MAP_READ | USAGE_COPY_DST,
    });
    const encoder = device.createCommandEncoder({ label: "jrng-read" });
    encoder.copyBufferToBuffer(buffer, info.byteOffset, staging, 0, byteLength);
    device.queue.submit([encoder.finish()]);
    this.#pending.push(device.popErrorScope());
    try {
      await this.sync();
      await staging.mapAsync(MAP_READ);
      const bytes = staging.getMappedRange().slice(0);
      switch (info.dtype) {
        case "uint8":
          return new Uint8Array(bytes, 0, info.length);
        case "uint16":
          return new Uint16Array(bytes, 0, info.length);
        case "uint32":
          return new Uint32Array(bytes, 0, info.length);
        case "float32":
          return new Float32Array(bytes, 0, info.length);
        default:
          return new Int32Array(bytes, 0, info.length);
      }
    } finally {
      if (staging.mapState === "mapped") staging.unmap();
      staging.destroy();
    }
  }

  destroy(): void {
    if (this.#owned) this.device.destroy();
  }
}

const floatScratch = new Float32Array(1);
const floatWord = new Uint32Array(floatScratch.buffer);
function floatBits(x: number): number {
  floatScratch[0] = x;
  return floatWord[0];
}

/**
 * Run a float transform over given 32-bit words instead of Threefry output
 * (element i from `words[i]`): `"uniform"` or `"normal"` over every one of the
 * 2^23 distinct inputs makes an exhaustive test of the float path.
 *
 * @internal
 */
export async function transformWords(
  random: WebGPURandom,
  op: "uniform" | "normal",
  words: Uint32Array,
  minval = 0,
  maxval = 1,
): Promise<Float32Array> {
  const device = random.device;
  const pipeline = await compileKernel(device, elementwiseKernel(op, true), `jrng-${op}-words`);
  const n = words.length;
  const low = op === "normal" ? nextAfterFloat32(-1, 0) : f32(minval);
  const high = op === "normal" ? 1 : f32(maxval);
  const groups = Math.ceil(n / WORKGROUP_SIZE);
  const gx = Math.min(groups, MAX_WORKGROUPS_PER_DIMENSION);
  const gy = Math.ceil(groups / gx);
  const params = new Uint32Array([
    0,
    0,
    n,
    0,
    0,
    0,
    1,
    0,
    floatBits(low),
    floatBits(f32(high - low)),
    0,
    32,
    gx * WORKGROUP_SIZE,
    0,
    0,
    0,
  ]);
  const mk = (size: number, usage: number) => device.createBuffer({ size, usage });
  const uniforms = mk(64, USAGE_UNIFORM | USAGE_COPY_DST);
  const src = mk(n * 4, USAGE_STORAGE | USAGE_COPY_DST);
  const out = mk(n * 4, USAGE_STORAGE | USAGE_COPY_SRC);
  const staging = mk(n * 4, USAGE_MAP_READ | USAGE_COPY_DST);
  device.queue.writeBuffer(uniforms, 0, params);
  device.queue.writeBuffer(src, 0, words as Uint32Array<ArrayBuffer>);
  device.pushErrorScope("validation");
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniforms } },
        { binding: 1, resource: { buffer: out } },
        { binding: 2, resource: { buffer: src } },
      ],
    }),
  );
  pass.dispatchWorkgroups(gx, gy);
  pass.end();
  encoder.copyBufferToBuffer(out, 0, staging, 0, n * 4);
  device.queue.submit([encoder.finish()]);
  const error = await device.popErrorScope();
  if (error) throw new WebGPUKernelError(error.message);
  await staging.mapAsync(MAP_READ);
  const result = new Float32Array(staging.getMappedRange().slice(0));
  staging.unmap();
  for (const b of [uniforms, src, out, staging]) b.destroy();
  return result;
}
