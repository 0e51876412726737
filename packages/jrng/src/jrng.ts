/**
 * `JRNG`: NumPy's `numpy.random.Generator` API on JAX's keys.
 *
 * @module
 */
import type { Array as JaxArray } from "@jax-js/jax";
import {
  beta,
  binomial,
  bits,
  cauchy,
  chisquare,
  choice,
  dirichlet,
  exponential,
  f,
  gamma,
  geometric,
  gumbel,
  hypergeometric,
  key as keyFromSeed,
  keyAt,
  laplace,
  logistic,
  logseries,
  lognormal,
  multinomial,
  multivariateHypergeometric,
  multivariateNormal,
  negativeBinomial,
  noncentralChisquare,
  noncentralF,
  normal,
  pareto,
  permutation,
  poisson,
  power,
  randint,
  rayleigh,
  t,
  split,
  triangular,
  uniform,
  vonmises,
  wald,
  weibullMin,
  zipf,
  type FloatDType,
  type IntegerDType,
  type Key,
  type KeyArray,
  type MultivariateHypergeometricMethod,
  type MultivariateNormalMethod,
  type NdArray,
  type ThreefryOptions,
} from "@jrng/core";
import {
  broadcastParam,
  checkFloatDType,
  checkIntegerDType,
  checkKey,
  checkOptionKeys,
  describe,
  eigh,
  INTEGER_INFO,
  mathIn,
  roundTo,
  shapeSize,
  uniformKernel,
} from "@jrng/core/internal";
import {
  checkWritable,
  isJaxArray,
  jaxBackend,
  jaxCanHold,
  keyFromJaxArray,
  toNdArray,
  writeBack,
  type ArrayBackend,
  type ArrayInput,
  type DrawOp,
  type DrawParams,
} from "./arrays.js";
import { bigIntParam, broadcastBigInts, integerParam, type IntegerParamLike } from "./integers.js";
import {
  asParam,
  coreParam,
  checkDomain,
  locScale,
  mapFloat,
  readParams,
  scaled,
  counts,
  signbit,
} from "./sampling.js";
import { outputShape, param, type ParamLike, type Size } from "./size.js";
import { drawBySlices } from "./slices.js";
import type { SliceTask } from "./slice-tasks.js";
import { allocateOutput, checkThreads, runTask } from "./threads.js";

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
import {
  streamFromKey,
  readState,
  type JRNGState,
  type JRNGStateV1,
  type KeyStream,
  type StreamKind,
} from "./stream.js";
import { GENERATOR_OPTION_KEYS, methodOptions, STATE_OPTION_KEYS } from "./options.js";
import { webgpuBackend } from "./webgpu.js";

/** Options of a new generator. */
export interface JRNGOptions {
  /**
   * How each draw's key is derived (default `"split"`):
   * `"split"` is the original JRNG (`key, sub = split(key)` before every draw);
   * `"fold_in"` is JAX's `stateful_rng` (`sub = fold_in(base, counter++)`).
   */
  stream?: StreamKind;
  /** Threefry mode: `true` (default) as JAX ≥ 0.5, `false` for legacy JAX. */
  partitionable?: boolean;
  /**
   * Mirror JAX with `jax_enable_x64` (default `false`, as JAX): the seed is
   * read as a whole int64 (`[hi, lo]`; without x64 only its low 32 bits
   * count), float results default to float64, `integers` to int64, and
   * Python-float parameters are held in float64 where JAX's methods compute
   * with them. Count-valued methods keep returning int32 jax-js arrays
   * (jax-js has no int64); their values are JAX's int64 values.
   */
  x64?: boolean;
  /** Default float dtype of float results: `"float32"` (default, JAX without x64) or `"float64"` (default with `x64`). */
  dtype?: FloatDType;
  /**
   * Where the hot methods compute (default `"cpu"`). `"webgpu"` runs
   * {@link JRNG.random}, {@link JRNG.uniform} (float32, scalar bounds),
   * {@link JRNG.standardNormal} and {@link JRNG.normal} (float32, `loc` 0 and
   * `scale` 1) and {@link JRNG.integers} (int32, scalar bounds) as WGSL kernels
   * (`@jrng/webgpu`) on jax-js's webgpu device, writing straight into the
   * returned arrays; every other call, and every result, is as on the CPU
   * (bit for bit, normal samples included). `"auto"` is
   * `"webgpu"` when an adapter exists and otherwise `"cpu"`, with one
   * `console.warn` saying why. WebGPU set-up is asynchronous: use
   * {@link JRNG.create} (or {@link JRNG.createFromKey} /
   * {@link JRNG.createFromState}); the synchronous constructors accept only `"cpu"`.
   */
  device?: "cpu" | "webgpu" | "auto";
  /**
   * How many threads large draws may use (default: the machine's
   * parallelism, at most 8; `1` turns threads off). In Node, `random`,
   * `uniform` (float32, scalar bounds), `integers` (int32, scalar bounds),
   * `standardNormal`, `normal`, `standardGamma` and `gamma` (float32, scalar
   * shape) above a size per method (2^18 elements for `random`) are cut into
   * slices computed by a pool of worker threads started on first need
   * (spec/sharding.md); the result is the same, bit for bit, as on one
   * thread. Browsers always use one thread.
   */
  threads?: number;
}

/** Options of float-valued methods. */
export interface FloatOptions {
  /** Result dtype; defaults to the generator's `dtype`. */
  dtype?: FloatDType;
}

/** Options of {@link JRNG.integers}. */
export interface IntegersOptions {
  /** Integer dtype (default `"int32"`, as JAX without x64). */
  dtype?: IntegerDType;
  /** Include `high` (default false). */
  endpoint?: boolean;
}

/** The keys of {@link IntegersOptions}. */
const INTEGERS_OPTION_KEYS = ["dtype", "endpoint"];

/** Options of {@link JRNG.multivariateNormal}. */
export interface MultivariateNormalOptions extends FloatOptions {
  /** How the covariance is factored (default `"svd"`, as NumPy). */
  method?: MultivariateNormalMethod;
  /** What to do with a covariance that is not positive semi-definite (default `"warn"`). */
  checkValid?: "warn" | "raise" | "ignore";
  /** Tolerance of that check (default 1e-8). */
  tol?: number;
}

type CoreOptions = ThreefryOptions;

/** A generator's device option. */
type DeviceOption = NonNullable<JRNGOptions["device"]>;

/** A draw a backend may compute on its device (see {@link ArrayBackend.draw}). */
interface Accelerated {
  op: DrawOp;
  shape: readonly number[];
  dtype: "uint32" | "float32" | "int32";
  params: DrawParams;
}

/** The one console method used (NumPy's `check_valid="warn"`), without DOM or Node typings. */
declare const console: { warn(message: string): void };

/** NumPy's `size` as the `shape` argument of a `@jrng/core` sampler (undefined: the parameters' shape). */
function sizeShape(size: Size): number[] | undefined {
  if (size === undefined || size === null) return undefined;
  return outputShape("size", size);
}

function fail64(method: string): never {
  throw new TypeError(
    `${method}: jax-js arrays cannot hold 64-bit integers; call ${method}64 for those`,
  );
}

/**
 * `wald` where JAX's scale-1 composition `scale · wald(mean / scale)`
 * overflows or underflows to a non-finite value (`mean / scale` outside the
 * dtype's range, e.g. `wald(1e-300, 1e300)`): NumPy's own formula
 * (`random_wald` in `distributions.c`) on the same normal and uniform draws
 * (`k1, k2 = split(key)`: `normal(k1)`, `uniform(k2)`, as JAX's `_wald`),
 * rounded to the dtype at each step. Finite elements are left as they are.
 */
function numpyWaldWhereOverflowed(
  key: Key,
  sample: NdArray,
  means: Float64Array,
  scales: Float64Array,
  options: CoreOptions,
): NdArray {
  const values = sample.data as Float32Array | Float64Array;
  if (values.every(Number.isFinite)) return sample;
  const dtype = sample.dtype as FloatDType;
  const round = roundTo(dtype);
  const keys = split(key, 2, options);
  const v = normal(keyAt(keys, 0), sample.shape, dtype, options).data;
  const u = uniform(keyAt(keys, 1), sample.shape, dtype, 0, 1, options).data;
  const data = values.slice();
  for (let i = 0; i < data.length; i++) {
    if (Number.isFinite(data[i])) continue;
    const mean = round(means[i]);
    const scale = round(scales[i]);
    const half = round(mean / round(2 * scale));
    const y = round(mean * round(v[i] * v[i]));
    const root = round(Math.sqrt(round(round(round(4 * scale) * y) + round(y * y))));
    const x = round(mean + round(half * round(y - root)));
    data[i] = u[i] <= round(mean / round(mean + x)) ? x : round(round(mean * mean) / x);
  }
  return { dtype, shape: sample.shape, data };
}

/** NumPy's check: symmetric within `tol` and no eigenvalue below `-tol`. */
function isPositiveSemidefinite(cov: Float64Array, n: number, tol: number): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) if (Math.abs(cov[i * n + j] - cov[j * n + i]) > tol) return false;
  }
  const { values } = eigh(cov, n, "float64");
  return values.every((v) => v >= -tol);
}

function checkDevice(device: unknown): DeviceOption {
  if (device === undefined) return "cpu";
  if (device !== "cpu" && device !== "webgpu" && device !== "auto") {
    throw new TypeError(
      `options.device must be "cpu", "webgpu" or "auto", got ${describe(device)}`,
    );
  }
  return device;
}

/** The synchronous constructors' refusal of a GPU device. */
function requireCpu(device: DeviceOption, factory: string, asyncFactory: string): void {
  if (device !== "cpu") {
    throw new TypeError(
      `${factory}: options.device "${device}" needs asynchronous WebGPU set-up; ` +
        `use \`await ${asyncFactory}(...)\` instead`,
    );
  }
}

/** `options` of `owner` read as an object (undefined: no options), every key one of `known`. */
function optionsObject(
  owner: string,
  options: unknown,
  known: readonly string[] = GENERATOR_OPTION_KEYS,
): JRNGOptions {
  return checkOptionKeys(owner, options, known) as JRNGOptions;
}

/** The `x64` option: a boolean, default false. */
function checkX64(x64: unknown): boolean {
  if (x64 === undefined) return false;
  if (typeof x64 !== "boolean") {
    throw new TypeError(`options.x64 must be true or false, got ${describe(x64)}`);
  }
  return x64;
}

function checkOptions(owner: string, options: unknown): Required<JRNGOptions> {
  const {
    stream = "split",
    partitionable = true,
    x64 = false,
    dtype,
    device,
    threads,
  } = optionsObject(owner, options);
  if (stream !== "split" && stream !== "fold_in") {
    throw new TypeError(`options.stream must be "split" or "fold_in", got ${describe(stream)}`);
  }
  if (typeof partitionable !== "boolean") {
    throw new TypeError(
      `options.partitionable must be true or false, got ${describe(partitionable)}`,
    );
  }
  const checkedX64 = checkX64(x64);
  return {
    stream,
    partitionable,
    x64: checkedX64,
    dtype: checkFloatDType("options.dtype", dtype ?? (checkedX64 ? "float64" : "float32")),
    device: checkDevice(device),
    threads: checkThreads(threads),
  };
}

/**
 * The largest `lam` of {@link JRNG.poisson}: NumPy's `POISSON_LAM_MAX` rule
 * (ten standard deviations below the largest count) for JRNG's int32 result.
 */
const POISSON_LAM_MAX = Math.floor(2 ** 31 - 1 - 10 * Math.sqrt(2 ** 31 - 1));

/** `uniform`'s bounds for a device draw: one value each, or undefined. */
function scalarOf(values: Float64Array): number | undefined {
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (!Object.is(values[i], first)) return undefined;
  return first;
}

/**
 * A count argument: a TypeError for the wrong kind (not an integer number),
 * a RangeError for a negative one.
 */
function checkCount(name: string, value: unknown): number {
  const message = `${name} must be a non-negative integer, got ${describe(value)}`;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(message);
  if (value < 0) throw new RangeError(message);
  return value;
}

/**
 * A stateful random generator with NumPy's `Generator` methods, whose every
 * output is fixed by the seed, the options and the sequence of calls — and
 * equals what the same calls compute in JAX.
 *
 * Each method consumes exactly one key from the stream (see
 * {@link JRNGOptions.stream}) and computes with it what the corresponding
 * `jax.random` function computes. A call that throws consumes nothing.
 *
 * @example
 * ```ts
 * import { JRNG } from "jrng";
 * const rng = new JRNG(42);
 * rng.random(3);            // float32 Array of shape [3]
 * const kids = rng.spawn(4); // four independent generators
 * ```
 */
export class JRNG {
  #stream: KeyStream;
  /** Default float dtype of this generator's float results. */
  readonly dtype: FloatDType;
  /** Whether this generator mirrors JAX with `jax_enable_x64` (see {@link JRNGOptions.x64}). */
  readonly x64: boolean;
  #backend: ArrayBackend;
  #device: "cpu" | "webgpu" = "cpu";
  #threads: number;

  /**
   * A generator seeded like `jax.random.key(seed)`.
   *
   * @param seed - an integer `number` or `bigint` in [-2^63, 2^63), read as `key(seed, { x64 })` of `@jrng/core` reads it.
   * @param options - stream discipline, threefry mode and default float dtype; `device` must be `"cpu"` here.
   * @throws TypeError / RangeError for a bad seed or options, and TypeError for
   * `device` `"webgpu"` or `"auto"` (use {@link JRNG.create}).
   */
  constructor(seed: number | bigint, options?: JRNGOptions) {
    const checked = checkOptions("new JRNG", options);
    requireCpu(checked.device, "new JRNG", "JRNG.create");
    this.dtype = checked.dtype;
    this.x64 = checked.x64;
    this.#threads = checked.threads;
    this.#backend = jaxBackend;
    this.#stream = streamFromKey(
      checked.stream,
      keyFromSeed(seed, { x64: checked.x64 }),
      checked.partitionable,
    );
  }

  /**
   * A generator seeded like `jax.random.key(seed)` on the device `options.device`
   * asks for — the way to get a WebGPU generator (see {@link JRNGOptions.device}).
   *
   * `"webgpu"` initialises jax-js's webgpu backend (`init("webgpu")`; in Node,
   * where there is no `navigator.gpu`, it is first installed from the `webgpu`
   * package, see `installNavigatorGPU` in `@jrng/webgpu`) and compiles
   * `@jrng/webgpu`'s kernels on jax-js's `GPUDevice`, once per process.
   *
   * @param seed - as for the constructor.
   * @param options - as for the constructor, `device` included.
   * @throws WebGPUUnavailableError (from `@jrng/webgpu`, its `reason` saying why) for `"webgpu"` without a usable adapter.
   * @throws WebGPUKernelError if a kernel does not compile on this device (also for `"auto"`: a bug, not absence).
   */
  static async create(seed: number | bigint, options?: JRNGOptions): Promise<JRNG> {
    const checked = checkOptions("JRNG.create", options);
    const rng = new JRNG(seed, { ...checked, device: "cpu" });
    await rng.#useDevice(checked.device);
    return rng;
  }

  /**
   * A generator on an existing key (counter 0 for `"fold_in"`), as rng-jax's
   * `Generator.from_key`.
   *
   * @param key - a `Uint32Array` of two words, or a jax-js uint32 array of shape [2].
   * @param options - stream discipline, threefry mode and default float dtype; `device` must be `"cpu"` (else use {@link JRNG.createFromKey}).
   */
  static fromKey(key: Uint32Array | JaxArray | readonly number[], options?: JRNGOptions): JRNG {
    const words = isJaxArray(key) ? keyFromJaxArray(key) : checkKey("JRNG.fromKey", key);
    const checked = checkOptions("JRNG.fromKey", options);
    requireCpu(checked.device, "JRNG.fromKey", "JRNG.createFromKey");
    return JRNG.#fromStream(
      streamFromKey(checked.stream, words, checked.partitionable),
      checked.dtype,
      checked.x64,
      jaxBackend,
      "cpu",
      checked.threads,
    );
  }

  /**
   * {@link JRNG.fromKey} on the device `options.device` asks for (see {@link JRNG.create}).
   *
   * @throws WebGPUUnavailableError for `"webgpu"` without a usable adapter.
   */
  static async createFromKey(
    key: Uint32Array | JaxArray | readonly number[],
    options?: JRNGOptions,
  ): Promise<JRNG> {
    const device = checkDevice(optionsObject("JRNG.createFromKey", options).device);
    const rng = JRNG.fromKey(key, { ...options, device: "cpu" });
    await rng.#useDevice(device);
    return rng;
  }

  /**
   * A generator that continues exactly where the one whose {@link JRNG.state}
   * this is left off.
   *
   * @param state - an object from {@link JRNG.state} (possibly through `JSON.parse`), of format version 2 or 1.
   * @param options - `dtype` and `x64`, overriding the state's (a version 1 state has neither: float32 and false unless given); `device` must be `"cpu"` (else use {@link JRNG.createFromState}).
   * @throws TypeError if the state is malformed (a JSON string included: parse it first).
   */
  static fromState(
    state: JRNGState | JRNGStateV1,
    options?: Pick<JRNGOptions, "dtype" | "device" | "x64">,
  ): JRNG {
    const restored = readState(state);
    const { dtype, device, x64 } = optionsObject("JRNG.fromState", options, STATE_OPTION_KEYS);
    requireCpu(checkDevice(device), "JRNG.fromState", "JRNG.createFromState");
    return JRNG.#fromStream(
      restored.stream,
      checkFloatDType("options.dtype", dtype ?? restored.dtype),
      x64 === undefined ? restored.x64 : checkX64(x64),
      jaxBackend,
      "cpu",
    );
  }

  /**
   * {@link JRNG.fromState} on the device `options.device` asks for (see {@link JRNG.create}).
   *
   * @throws WebGPUUnavailableError for `"webgpu"` without a usable adapter.
   */
  static async createFromState(
    state: JRNGState | JRNGStateV1,
    options?: Pick<JRNGOptions, "dtype" | "device" | "x64">,
  ): Promise<JRNG> {
    const device = checkDevice(
      optionsObject("JRNG.createFromState", options, STATE_OPTION_KEYS).device,
    );
    const rng = JRNG.fromState(state, { ...options, device: "cpu" });
    await rng.#useDevice(device);
    return rng;
  }

  static #fromStream(
    stream: KeyStream,
    dtype: FloatDType,
    x64: boolean,
    backend: ArrayBackend,
    device: "cpu" | "webgpu",
    threads?: number,
  ): JRNG {
    const rng = new JRNG(0, { dtype, x64, threads });
    rng.#stream = stream;
    rng.#backend = backend;
    rng.#device = device;
    return rng;
  }

  /** Switch this (new) generator to `device`: the WebGPU set-up, or the fallback of `"auto"`. */
  async #useDevice(device: DeviceOption): Promise<void> {
    if (device === "cpu") return;
    try {
      this.#backend = await webgpuBackend();
      this.#device = "webgpu";
    } catch (error) {
      const unavailable = (error as Error | undefined)?.name === "WebGPUUnavailableError";
      if (device === "webgpu" || !unavailable) throw error;
      const reason = (error as { reason?: string }).reason ?? (error as Error).message;
      console.warn(
        `jrng: device "auto": WebGPU is not available, generating on the CPU (${reason})`,
      );
    }
  }

  /**
   * Where this generator's hot methods compute: `"webgpu"` or `"cpu"` (also
   * for `"auto"` without an adapter). See {@link JRNGOptions.device}.
   */
  get device(): "cpu" | "webgpu" {
    return this.#device;
  }

  /** The stream discipline, `"split"` or `"fold_in"`. */
  get stream(): StreamKind {
    return this.#stream.kind;
  }

  /** The threefry mode: `true` for partitionable. */
  get partitionable(): boolean {
    return this.#stream.partitionable;
  }

  /** The generator's complete state, JSON-serialisable; see {@link JRNG.fromState}. */
  get state(): JRNGState {
    return { version: 2, ...this.#stream.state(), dtype: this.dtype, x64: this.x64 };
  }

  /**
   * A fresh key for use with `@jrng/core` or jax-js: the subkey of one draw,
   * advancing the state as rng-jax's `Generator.split()` (`"split"`) or JAX's
   * `StatefulPRNG.key()` (`"fold_in"`) does.
   */
  key(): Key;
  /**
   * Fresh keys, advancing the state as rng-jax's `Generator.split(size)`
   * (`"split"`) or JAX's `StatefulPRNG.key(shape)` (`"fold_in"`) does.
   *
   * @param size - a count or shape; the result is a key array `[...shape, 2]`.
   */
  key(size: number | readonly number[]): KeyArray;
  key(size?: number | readonly number[]): Key | KeyArray {
    if (size === undefined) {
      const { subkey, next } = this.#stream.next();
      this.#stream = next;
      return subkey;
    }
    const shape = outputShape("key", size);
    const count = shape.reduce((a, b) => a * b, 1);
    const { keys, next } = this.#stream.keys(count);
    this.#stream = next;
    return { dtype: "uint32", shape: [...shape, 2], data: keys };
  }

  /**
   * `n` new independent generators, as NumPy's `spawn`. `"split"`: rng-jax's
   * `spawn` (`key, *children = split(key, n + 1)`); `"fold_in"`: JAX's
   * `StatefulPRNG.spawn` (children on `split(fold_in(base, counter++), n)`,
   * counters 0). Children share this generator's options.
   */
  spawn(nChildren: number): JRNG[] {
    return this.#spawn(checkCount("nChildren", nChildren));
  }

  #spawn(count: number): JRNG[] {
    const { children, next } = this.#stream.spawn(count);
    this.#stream = next;
    return children.map((child) =>
      JRNG.#fromStream(child, this.dtype, this.x64, this.#backend, this.#device, this.#threads),
    );
  }

  /**
   * `n` child generators. In both streams they use the keys {@link JRNG.key}
   * would return and equal {@link JRNG.spawn}: JAX's `StatefulPRNG.split(n)`
   * returns them as one vmappable generator, rng-jax's `split(n)` returns
   * their keys (use `key(n)` for those).
   */
  split(num: number): JRNG[] {
    return this.#spawn(checkCount("num", num));
  }

  /**
   * Run one draw: take the next key, compute, and commit the stream only if
   * nothing threw — so a failed call leaves the state untouched. With
   * `accelerated`, the backend may compute the draw on its device with the
   * same subkey (it returns undefined when it does not; then the CPU does).
   */
  #draw(
    compute: (subkey: Key, partitionable: boolean) => NdArray,
    accelerated?: Accelerated,
  ): JaxArray {
    const { subkey, next } = this.#stream.next();
    const partitionable = this.#stream.partitionable;
    const result =
      (accelerated &&
        this.#backend.draw?.(
          accelerated.op,
          subkey,
          partitionable,
          accelerated.shape,
          accelerated.dtype,
          accelerated.params,
        )) ??
      this.#backend.toArray(compute(subkey, partitionable));
    this.#stream = next;
    return result;
  }

  /** A float32 draw the backend may compute, or undefined for other dtypes. */
  static #float32(
    op: "uniform" | "normal",
    dtype: FloatDType,
    shape: readonly number[],
    params: DrawParams = {},
  ): Accelerated | undefined {
    return dtype === "float32" ? { op, shape, dtype, params } : undefined;
  }

  /** Run a slice task of this draw into a new array, on this generator's threads when large. */
  #runTask<T extends Float32Array | Int32Array>(
    Type: { new (buffer: ArrayBuffer): T; new (length: number): T },
    task: DistributiveOmit<SliceTask, "key">,
    subkey: Key,
  ): T {
    const out = allocateOutput(Type, task.op, task.total, this.#threads);
    runTask({ ...task, key: [subkey[0], subkey[1]] } as SliceTask, out, this.#threads);
    return out;
  }

  /** `normal(key, shape, dtype)`: float32 as a slice task, float64 slice by slice. */
  #standardNormal(key: Key, shape: number[], dtype: FloatDType, core: CoreOptions): NdArray {
    if (dtype === "float32") {
      const total = shapeSize(shape);
      const { partitionable = true, x64 = false } = core;
      const task = { op: "normal32" as const, partitionable, x64, total };
      return { dtype, shape, data: this.#runTask(Float32Array, task, key) };
    }
    return drawBySlices(dtype, shape, (slice) => normal(key, shape, dtype, { ...core, slice }));
  }

  /** `gamma(key, a, shape, dtype)`: float32 with one `a` as a slice task. */
  #gamma(
    key: Key,
    ks: Float64Array,
    shape: number[],
    dtype: FloatDType,
    core: CoreOptions,
  ): NdArray {
    const a = scalarOf(ks);
    if (dtype === "float32" && a !== undefined && ks.length > 0) {
      const total = shapeSize(shape);
      const { partitionable = true, x64 = false } = core;
      const task = { op: "gamma32" as const, partitionable, x64, total, a };
      return { dtype, shape, data: this.#runTask(Float32Array, task, key) };
    }
    return gamma(key, asParam(ks, shape, dtype), shape, dtype, core);
  }

  /** The dtype of a Python float in JAX: float64 with x64, else float32. */
  get #pythonFloat(): FloatDType {
    return this.x64 ? "float64" : "float32";
  }

  /**
   * The result dtype of float method `method`: its options' `dtype` (or
   * NumPy's positional dtype string, where NumPy has one), else the
   * generator's. Every key of the options must be one of `known`.
   */
  #floatDType(
    method: string,
    options: FloatOptions | FloatDType | undefined,
    known: readonly string[] = ["dtype"],
  ): FloatDType {
    const { dtype } = methodOptions(method, options, known);
    return dtype === undefined ? this.dtype : checkFloatDType(`${method}: dtype`, dtype);
  }

  /**
   * Random floats in [0, 1), as NumPy's `random` and JAX's
   * `uniform(key, shape, dtype)`. On a `"webgpu"` generator, float32 results
   * are computed on the GPU (bit for bit the CPU's).
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  random(size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    const dtype = this.#floatDType("random", options);
    const shape = outputShape("random", size);
    return this.#draw(
      (subkey, partitionable) => ({
        dtype,
        shape,
        // float32: the fused fill, straight into the result's buffer, on threads if large.
        data:
          dtype === "float32"
            ? this.#runTask(
                Float32Array,
                { op: "uniform32", partitionable, x64: this.x64, total: shapeSize(shape) },
                subkey,
              )
            : uniformKernel(subkey, shape, dtype, [0], [1], partitionable),
      }),
      JRNG.#float32("uniform", dtype, shape, { minval: 0, maxval: 1 }),
    );
  }

  /**
   * Uniform floats in [low, high), as NumPy's `uniform` and JAX's
   * `uniform(key, shape, dtype, minval=low, maxval=high)`. On a `"webgpu"`
   * generator, float32 results with one `low` and one `high` are computed on
   * the GPU (bit for bit the CPU's).
   *
   * @param low - lower bound (default 0), broadcast to `size`.
   * @param high - upper bound (default 1), broadcast to `size`.
   * @param size - output shape; default the broadcast shape of `low` and `high`.
   * @param options - `dtype`.
   * @throws RangeError if `high - low` is not finite or is negative (NumPy's checks).
   */
  uniform(low: ParamLike = 0, high: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.#floatDType("uniform", options);
    const lowParam = param("low", low);
    const highParam = param("high", high);
    const shape = outputShape("uniform", size, lowParam, highParam);
    // One low and one high stay scalars: no per-element broadcast.
    const scalarBounds = lowParam.data.length === 1 && highParam.data.length === 1;
    const lows = scalarBounds ? lowParam.data : broadcastParam(lowParam, shape);
    const highs = scalarBounds ? highParam.data : broadcastParam(highParam, shape);
    // As NumPy, the checks run over the result's elements (none for an empty one).
    if (shapeSize(shape) > 0)
      lows.forEach((lowValue, i) => {
        const range = highs[i] - lowValue;
        if (!Number.isFinite(range)) {
          throw new RangeError(
            `uniform: high - low must be finite, got low ${lowValue} and high ${highs[i]}`,
          );
        }
        if (range < 0) {
          throw new RangeError(
            `uniform: high - low < 0 (got low = ${lowValue}, high = ${highs[i]})`,
          );
        }
      });
    const [minval, maxval] = [scalarOf(lows), scalarOf(highs)];
    return this.#draw(
      (subkey, partitionable) => ({
        dtype,
        shape,
        data:
          dtype === "float32" && scalarBounds
            ? this.#runTask(
                Float32Array,
                {
                  op: "uniformRange32",
                  partitionable,
                  x64: this.x64,
                  total: shapeSize(shape),
                  low: lows[0],
                  high: highs[0],
                },
                subkey,
              )
            : uniformKernel(subkey, shape, dtype, lows, highs, partitionable),
      }),
      minval === undefined || maxval === undefined
        ? undefined
        : JRNG.#float32("uniform", dtype, shape, { minval, maxval }),
    );
  }

  /**
   * `length` random bytes, as NumPy's `bytes` and rng-jax's
   * `bits(key, (length,), uint8).tobytes()`.
   *
   * @returns a `Uint8Array` (JavaScript's bytes).
   */
  bytes(length: number): Uint8Array {
    const count = checkCount("length", length);
    const { subkey, next } = this.#stream.next();
    const result = bits(subkey, [count], "uint8", {
      partitionable: this.partitionable,
      x64: this.x64,
    }).data;
    this.#stream = next;
    return result;
  }

  /**
   * Run a float-valued draw: read and broadcast the parameters, validate
   * them, then compute with one subkey.
   */
  #floatDraw(
    method: string,
    size: Size,
    params: [string, ParamLike][],
    options: FloatOptions | FloatDType | undefined,
    compute: (
      key: Key,
      shape: number[],
      dtype: FloatDType,
      values: Float64Array[],
      core: CoreOptions,
    ) => NdArray,
    validate?: (values: Float64Array[]) => void,
    accelerate?: (
      shape: number[],
      dtype: FloatDType,
      values: Float64Array[],
    ) => Accelerated | undefined,
  ): JaxArray {
    const dtype = this.#floatDType(method, options);
    const { shape, values } = readParams(method, size, params);
    validate?.(values);
    return this.#draw(
      (subkey, partitionable) =>
        compute(subkey, shape, dtype, values, { partitionable, x64: this.x64 }),
      accelerate?.(shape, dtype, values),
    );
  }

  /**
   * Normal samples `loc + scale · z`, as NumPy's `normal` and JAX's
   * `stateful_rng().normal` (`z = jax.random.normal(key, shape, dtype)`). On
   * a `"webgpu"` generator, float32 results with every `loc` 0 and `scale` 1
   * are computed on the GPU (bit-identical to the CPU's); others on the CPU.
   *
   * @param loc - mean (default 0).
   * @param scale - standard deviation, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  normal(loc: ParamLike = 0, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    if (typeof loc === "number" && typeof scale === "number") {
      return this.#scalarNormal(loc, scale, size, options);
    }
    return this.#floatDraw(
      "normal",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(this.#standardNormal(key, shape, dtype, core), locs, scales),
      ([, scales]) => checkDomain("normal", "scale", scales, signbit, "scale < 0"),
      // On a device only the standard normal: loc + scale · z there could be fused (an FMA).
      (shape, dtype, [locs, scales]) =>
        locs.every((l) => l === 0) && scales.every((s) => s === 1)
          ? JRNG.#float32("normal", dtype, shape)
          : undefined,
    );
  }

  /**
   * {@link JRNG.normal} with one `loc` and one `scale`: the same checks and
   * values, without broadcasting them, float32 as a slice task (threads).
   */
  #scalarNormal(
    loc: number,
    scale: number,
    size: Size,
    options: FloatOptions | undefined,
  ): JaxArray {
    const dtype = this.#floatDType("normal", options);
    const shape = outputShape("normal", size, param("loc", loc), param("scale", scale));
    const total = shapeSize(shape);
    // As the broadcast path: the check runs over the result's elements (none for an empty one).
    if (total > 0) checkDomain("normal", "scale", Float64Array.of(scale), signbit, "scale < 0");
    return this.#draw(
      (key, partitionable) =>
        dtype === "float32"
          ? {
              dtype,
              shape,
              data: this.#runTask(
                Float32Array,
                { op: "normalLocScale32", partitionable, x64: this.x64, total, loc, scale },
                key,
              ),
            }
          : locScale(
              this.#standardNormal(key, shape, dtype, { partitionable, x64: this.x64 }),
              new Float64Array(total).fill(loc),
              new Float64Array(total).fill(scale),
            ),
      // On a device only the standard normal: loc + scale · z there could be fused (an FMA).
      loc === 0 && scale === 1 ? JRNG.#float32("normal", dtype, shape) : undefined,
    );
  }

  /**
   * Standard normal samples, as NumPy's `standard_normal` and JAX's
   * `normal(key, shape, dtype)` (rng-jax's `standard_normal`). On a
   * `"webgpu"` generator, float32 results are computed on the GPU (bit-identical
   * to the CPU's).
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  standardNormal(size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    return this.#floatDraw(
      "standardNormal",
      size,
      [],
      options,
      (key, shape, dtype, _, core) => this.#standardNormal(key, shape, dtype, core),
      undefined,
      (shape, dtype) => JRNG.#float32("normal", dtype, shape),
    );
  }

  /**
   * Random integers in `[low, high)` (or `[low, high]` with `endpoint`), as
   * NumPy's `integers` and JAX's `randint(key, shape, low, high, dtype)`.
   * With one bound, it is `high` and `low` is 0. On a `"webgpu"` generator,
   * int32 results with one `low` and one `high` are computed on the GPU (bit
   * for bit the CPU's).
   *
   * @param low - lowest integer (or the exclusive upper bound when `high` is omitted).
   * @param high - upper bound, exclusive unless `endpoint`.
   * @param size - output shape; default the broadcast shape of the bounds.
   * @param options - `dtype` (default `"int32"`, JAX without x64; 8/16-bit dtypes come back widened to int32/uint32 jax-js arrays, 64-bit ones as `NdArray`s of bigints) and `endpoint`.
   * @throws RangeError if `low >= high` (`low > high` with `endpoint`).
   */
  integers(
    low: IntegerParamLike,
    high?: IntegerParamLike | null,
    size?: Size,
    options?: IntegersOptions | IntegerDType,
  ): JaxArray {
    const read = methodOptions("integers", options, INTEGERS_OPTION_KEYS) as IntegersOptions;
    // Refuse 64-bit dtypes before drawing, so that the refusal consumes nothing.
    if (read.dtype === "int64" || read.dtype === "uint64") fail64("integers");
    return this.#integers(low, high, size, read) as JaxArray;
  }

  /**
   * {@link JRNG.integers} for 64-bit dtypes, which jax-js arrays cannot hold:
   * the result is an `NdArray` with a `BigInt64Array`/`BigUint64Array`.
   */
  integers64(
    low: IntegerParamLike,
    high?: IntegerParamLike | null,
    size?: Size,
    options?: (IntegersOptions & { dtype?: "int64" | "uint64" }) | "int64" | "uint64",
  ): NdArray<"int64" | "uint64"> {
    const read = methodOptions("integers64", options, INTEGERS_OPTION_KEYS) as IntegersOptions;
    const dtype = read.dtype ?? "int64";
    if (dtype !== "int64" && dtype !== "uint64") {
      throw new TypeError(
        `integers64: dtype must be "int64" or "uint64", got ${describe(dtype)}; call integers for other dtypes`,
      );
    }
    return this.#integers(low, high, size, { ...read, dtype }) as NdArray<"int64" | "uint64">;
  }

  #integers(
    low: IntegerParamLike,
    high: IntegerParamLike | null | undefined,
    size: Size,
    options: IntegersOptions,
  ): JaxArray | NdArray {
    const dtype = options.dtype ?? (this.x64 ? "int64" : "int32");
    const endpoint = options.endpoint ?? false;
    if (typeof endpoint !== "boolean") {
      throw new TypeError(`endpoint must be true or false, got ${describe(endpoint)}`);
    }
    const [lowBound, highBound] = high === undefined || high === null ? [0, low] : [low, high];
    const lows = integerParam("low", lowBound);
    const highs = integerParam("high", highBound);
    const shape = outputShape("integers", size, lows.param, highs.param);
    const { min, max } = INTEGER_INFO[checkIntegerDType("dtype", "integers", dtype)];
    // NumPy's checks, with `h` the exclusive bound (high + 1 under endpoint).
    const check = (l: bigint, h: bigint) => {
      if (l < min)
        throw new RangeError(`integers: low is out of bounds for ${dtype} (got low = ${l})`);
      if (h - 1n > max) {
        throw new RangeError(
          `integers: high is out of bounds for ${dtype} (got high = ${endpoint ? h - 1n : h})`,
        );
      }
      if (l >= h) {
        throw new RangeError(
          `integers: ${endpoint ? "low > high" : "low >= high"} (got low = ${l}, high = ${endpoint ? h - 1n : h})`,
        );
      }
      if (dtype === "uint64" && h > max) {
        throw new RangeError(
          "integers: the full uint64 range (exclusive high 2^64) cannot be expressed as a uint64 maxval of randint; the largest exclusive high is 2^64 - 1",
        );
      }
    };
    if (
      dtype === "int32" &&
      this.#backend.draw &&
      lows.values.length === 1 &&
      highs.values.length === 1 &&
      shape.every((d) => d > 0)
    ) {
      // Scalar bounds: the device may draw it, without broadcasting the bounds on the host.
      const [l, h] = [lows.values[0], highs.values[0] + (endpoint ? 1n : 0n)];
      check(l, h);
      const { subkey, next } = this.#stream.next();
      // As the CPU path reads them (bigIntParam: a BigInt64Array).
      const params = { minval: l, maxval: h };
      const drawn = this.#backend.draw("randint", subkey, this.partitionable, shape, dtype, params);
      if (drawn) {
        this.#stream = next;
        return drawn;
      }
    }
    if (dtype === "int32" && lows.values.length === 1 && highs.values.length === 1) {
      // Scalar bounds: no bigint broadcast; the fused int32 fill, straight into the result.
      const [l, h] = [lows.values[0], highs.values[0] + (endpoint ? 1n : 0n)];
      check(l, h);
      const { subkey, next } = this.#stream.next();
      const task = {
        op: "randint32" as const,
        partitionable: this.partitionable,
        x64: this.x64,
        total: shapeSize(shape),
        low: Number(l),
        high: Number(h),
      };
      const data = this.#runTask(Int32Array, task, subkey);
      const result = this.#backend.toArray({ dtype, shape, data });
      this.#stream = next;
      return result;
    }
    const lowValues = broadcastBigInts(lows, shape);
    const highValues = broadcastBigInts(highs, shape).map((h) => (endpoint ? h + 1n : h));
    lowValues.forEach((l, i) => check(l, highValues[i]));
    const lowArg = bigIntParam(lowValues, shape, dtype);
    const highArg = bigIntParam(highValues, shape, dtype);
    const { subkey, next } = this.#stream.next();
    const sample = randint(subkey, shape, lowArg, highArg, dtype, {
      partitionable: this.partitionable,
      x64: this.x64,
    });
    const result = jaxCanHold(sample.dtype) ? this.#backend.toArray(sample) : sample;
    this.#stream = next;
    return result;
  }

  /**
   * Standard exponential samples, as NumPy's `standard_exponential` and JAX's
   * `exponential(key, shape, dtype)`.
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  standardExponential(size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    return this.#floatDraw("standardExponential", size, [], options, (key, shape, dtype, _, core) =>
      exponential(key, shape, dtype, core),
    );
  }

  /**
   * Exponential samples with the given scale, as NumPy's `exponential` and
   * rng-jax's `scale * jax.random.exponential(key, shape)`.
   *
   * @param scale - scale `1/λ`, ≥ 0 (default 1).
   * @param size - output shape; default `scale`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  exponential(scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "exponential",
      size,
      [["scale", scale]],
      options,
      (key, shape, dtype, [scales], core) => scaled(exponential(key, shape, dtype, core), scales),
      ([scales]) => checkDomain("exponential", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Standard Cauchy samples, as NumPy's `standard_cauchy` and JAX's `cauchy`.
   *
   * @param size - output shape (default one value).
   * @param options - `dtype`.
   */
  standardCauchy(size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw("standardCauchy", size, [], options, (key, shape, dtype, _, core) =>
      cauchy(key, shape, dtype, core),
    );
  }

  /**
   * Gamma samples with shape `k` and scale 1, as NumPy's `standard_gamma` and
   * JAX's `gamma(key, a, shape, dtype)`.
   *
   * @param shape - the shape parameter `k`, ≥ 0.
   * @param size - output shape; default `shape`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `shape < 0`.
   */
  standardGamma(shape: ParamLike, size?: Size, options?: FloatOptions | FloatDType): JaxArray {
    return this.#floatDraw(
      "standardGamma",
      size,
      [["shape", shape]],
      options,
      (key, out, dtype, [ks], core) => this.#gamma(key, ks, out, dtype, core),
      ([ks]) => checkDomain("standardGamma", "shape", ks, signbit, "shape < 0"),
    );
  }

  /**
   * Gamma samples, as NumPy's `gamma` and rng-jax's
   * `scale * jax.random.gamma(key, shape)`.
   *
   * @param shape - the shape parameter `k`, ≥ 0.
   * @param scale - the scale `θ`, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `shape < 0` or `scale < 0`.
   */
  gamma(shape: ParamLike, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "gamma",
      size,
      [
        ["shape", shape],
        ["scale", scale],
      ],
      options,
      (key, out, dtype, [ks, scales], core) =>
        scaled(this.#gamma(key, ks, out, dtype, core), scales),
      ([ks, scales]) => {
        checkDomain("gamma", "shape", ks, signbit, "shape < 0");
        checkDomain("gamma", "scale", scales, signbit, "scale < 0");
      },
    );
  }

  /**
   * Beta samples, as NumPy's `beta` and JAX's `beta(key, a, b, shape, dtype)`.
   *
   * @param a - alpha, > 0.
   * @param b - beta, > 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `a <= 0` or `b <= 0`.
   */
  beta(a: ParamLike, b: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "beta",
      size,
      [
        ["a", a],
        ["b", b],
      ],
      options,
      (key, out, dtype, [as, bs], core) =>
        beta(key, asParam(as, out, dtype), asParam(bs, out, dtype), out, dtype, core),
      ([as, bs]) => {
        checkDomain("beta", "a", as, (x) => x <= 0, "a <= 0");
        checkDomain("beta", "b", bs, (x) => x <= 0, "b <= 0");
      },
    );
  }

  /**
   * Chi-square samples, as NumPy's `chisquare` and JAX's `chisquare`.
   *
   * @param df - degrees of freedom, > 0.
   * @param size - output shape; default `df`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `df <= 0`.
   */
  chisquare(df: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "chisquare",
      size,
      [["df", df]],
      options,
      (key, out, dtype, [dfs], core) => chisquare(key, asParam(dfs, out, dtype), out, dtype, core),
      ([dfs]) => checkDomain("chisquare", "df", dfs, (x) => x <= 0, "df <= 0"),
    );
  }

  /**
   * F samples, as NumPy's `f` and JAX's `f(key, dfnum, dfden, shape, dtype)`.
   *
   * @param dfnum - numerator degrees of freedom, > 0.
   * @param dfden - denominator degrees of freedom, > 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `dfnum <= 0` or `dfden <= 0`.
   */
  f(dfnum: ParamLike, dfden: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "f",
      size,
      [
        ["dfnum", dfnum],
        ["dfden", dfden],
      ],
      options,
      (key, out, dtype, [num, den], core) =>
        f(key, asParam(num, out, dtype), asParam(den, out, dtype), out, dtype, core),
      ([num, den]) => {
        checkDomain("f", "dfnum", num, (x) => x <= 0, "dfnum <= 0");
        checkDomain("f", "dfden", den, (x) => x <= 0, "dfden <= 0");
      },
    );
  }

  /**
   * Student's t samples, as NumPy's `standard_t` and JAX's `t(key, df, shape, dtype)`.
   *
   * @param df - degrees of freedom, > 0.
   * @param size - output shape; default `df`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `df <= 0`.
   */
  standardT(df: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "standardT",
      size,
      [["df", df]],
      options,
      (key, out, dtype, [dfs], core) => t(key, asParam(dfs, out, dtype), out, dtype, core),
      ([dfs]) => checkDomain("standardT", "df", dfs, (x) => x <= 0, "df <= 0"),
    );
  }

  /**
   * Gumbel samples `loc + scale · g`, as NumPy's `gumbel` with JAX's `gumbel`.
   *
   * @param loc - location (default 0).
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  gumbel(loc: ParamLike = 0, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "gumbel",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(gumbel(key, shape, dtype, "low", core), locs, scales),
      ([, scales]) => checkDomain("gumbel", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Laplace samples `loc + scale · l`, as NumPy's `laplace` with JAX's `laplace`.
   *
   * @param loc - location (default 0).
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  laplace(loc: ParamLike = 0, scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "laplace",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(laplace(key, shape, dtype, core), locs, scales),
      ([, scales]) => checkDomain("laplace", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Logistic samples `loc + scale · l`, as NumPy's `logistic` with JAX's `logistic`.
   *
   * @param loc - location (default 0).
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  logistic(
    loc: ParamLike = 0,
    scale: ParamLike = 1,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    return this.#floatDraw(
      "logistic",
      size,
      [
        ["loc", loc],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [locs, scales], core) =>
        locScale(logistic(key, shape, dtype, core), locs, scales),
      ([, scales]) => checkDomain("logistic", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Log-normal samples `exp(mean + sigma · z)`, as NumPy's `lognormal`. With
   * `mean = 0` this is exactly JAX's `lognormal(key, sigma, shape, dtype)`.
   *
   * @param mean - mean of the underlying normal (default 0).
   * @param sigma - its standard deviation, ≥ 0 (default 1).
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `sigma < 0`.
   */
  lognormal(
    mean: ParamLike = 0,
    sigma: ParamLike = 1,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    return this.#floatDraw(
      "lognormal",
      size,
      [
        ["mean", mean],
        ["sigma", sigma],
      ],
      options,
      (key, shape, dtype, [means, sigmas], core) => {
        if (means.every((m) => m === 0))
          return lognormal(key, coreParam(sigma, sigmas, shape, dtype), shape, dtype, core);
        const z = locScale(normal(key, shape, dtype, core), means, sigmas);
        return mapFloat(z, mathIn(dtype).exp);
      },
      ([, sigmas]) => checkDomain("lognormal", "sigma", sigmas, signbit, "sigma < 0"),
    );
  }

  /**
   * Lomax (Pareto II) samples, as NumPy's `pareto`: JAX's Pareto I
   * `pareto(key, a, shape, dtype)` minus 1.
   *
   * @param a - shape, > 0.
   * @param size - output shape; default `a`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `a <= 0`.
   */
  pareto(a: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "pareto",
      size,
      [["a", a]],
      options,
      (key, shape, dtype, [as], core) =>
        mapFloat(pareto(key, coreParam(a, as, shape, dtype), shape, dtype, core), (x) => x - 1),
      ([as]) => checkDomain("pareto", "a", as, (x) => x <= 0, "a <= 0"),
    );
  }

  /**
   * Rayleigh samples, as NumPy's `rayleigh` and JAX's `rayleigh(key, scale, shape, dtype)`.
   *
   * @param scale - scale, ≥ 0 (default 1).
   * @param size - output shape; default `scale`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `scale < 0`.
   */
  rayleigh(scale: ParamLike = 1, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "rayleigh",
      size,
      [["scale", scale]],
      options,
      (key, shape, dtype, [scales], core) =>
        rayleigh(key, asParam(scales, shape, dtype), shape, dtype, core),
      ([scales]) => checkDomain("rayleigh", "scale", scales, signbit, "scale < 0"),
    );
  }

  /**
   * Weibull samples with scale 1, as NumPy's `weibull` and JAX's
   * `weibull_min(key, 1, a, shape, dtype)`.
   *
   * @param a - shape, ≥ 0.
   * @param size - output shape; default `a`'s shape.
   * @param options - `dtype`.
   * @throws RangeError if `a < 0`.
   */
  weibull(a: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "weibull",
      size,
      [["a", a]],
      options,
      // NumPy returns 0 for a = 0, where JAX's `u^(1/a)` gives 0 or Infinity.
      (key, shape, dtype, [as], core) =>
        mapFloat(weibullMin(key, 1, coreParam(a, as, shape, dtype), shape, dtype, core), (x, i) =>
          as[i] === 0 ? 0 : x,
        ),
      ([as]) => checkDomain("weibull", "a", as, signbit, "a < 0"),
    );
  }

  /**
   * Triangular samples, as NumPy's `triangular` and JAX's
   * `triangular(key, left, mode, right, shape, dtype)`.
   *
   * @param left - lower limit.
   * @param mode - peak, `left ≤ mode ≤ right`.
   * @param right - upper limit, `> left`.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `left > mode`, `mode > right` or `left == right`.
   */
  triangular(
    left: ParamLike,
    mode: ParamLike,
    right: ParamLike,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    return this.#floatDraw(
      "triangular",
      size,
      [
        ["left", left],
        ["mode", mode],
        ["right", right],
      ],
      options,
      (key, shape, dtype, [ls, ms, rs], core) =>
        triangular(
          key,
          asParam(ls, shape, dtype),
          asParam(ms, shape, dtype),
          asParam(rs, shape, dtype),
          shape,
          dtype,
          core,
        ),
      ([ls, ms, rs]) => {
        ls.forEach((l, i) => {
          if (l > ms[i])
            throw new RangeError(`triangular: left > mode (got left = ${l}, mode = ${ms[i]})`);
          if (ms[i] > rs[i])
            throw new RangeError(
              `triangular: mode > right (got mode = ${ms[i]}, right = ${rs[i]})`,
            );
          if (l === rs[i]) throw new RangeError(`triangular: left == right (got ${l})`);
        });
      },
    );
  }

  /**
   * Wald (inverse Gaussian) samples, as NumPy's `wald(mean, scale)`:
   * `scale · w` with `w = jax.random.wald(key, mean / scale)`, JAX's wald
   * having scale 1 (if X ~ IG(μ, λ) then X / λ ~ IG(μ / λ, 1)).
   *
   * @param mean - mean, > 0.
   * @param scale - scale λ, > 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError if `mean <= 0` or `scale <= 0`.
   */
  wald(mean: ParamLike, scale: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    return this.#floatDraw(
      "wald",
      size,
      [
        ["mean", mean],
        ["scale", scale],
      ],
      options,
      (key, shape, dtype, [means, scales], core) => {
        const round = roundTo(dtype);
        const ratio = means.map((m, i) => round(round(m) / round(scales[i])));
        const sample = scaled(wald(key, asParam(ratio, shape, dtype), shape, dtype, core), scales);
        return numpyWaldWhereOverflowed(key, sample, means, scales, core);
      },
      ([means, scales]) => {
        checkDomain("wald", "mean", means, (x) => x <= 0, "mean <= 0");
        checkDomain("wald", "scale", scales, (x) => x <= 0, "scale <= 0");
      },
    );
  }

  /**
   * Poisson samples, as NumPy's `poisson` and JAX's `poisson(key, lam, shape)`
   * (int32).
   *
   * @param lam - rate, ≥ 0 (default 1).
   * @param size - output shape; default `lam`'s shape.
   * @throws RangeError if `lam < 0` or NaN.
   */
  poisson(lam: ParamLike = 1, size?: Size): JaxArray {
    const { shape, values } = readParams("poisson", size, [["lam", lam]]);
    checkDomain("poisson", "lam", values[0], (x) => !(x >= 0), "lam < 0 or lam is NaN");
    checkDomain(
      "poisson",
      "lam",
      values[0],
      (x) => x > POISSON_LAM_MAX,
      `lam value too large: the int32 result holds counts up to lam = ${POISSON_LAM_MAX} (NumPy's ` +
        `rule for int64, ten standard deviations below the maximum); use @jrng/core's poisson with dtype "int64"`,
    );
    return this.#draw((key, partitionable) =>
      counts(
        "poisson",
        poisson(key, asParam(values[0], shape, this.#pythonFloat), shape, "int32", {
          partitionable,
          x64: this.x64,
        }),
        '@jrng/core\'s poisson with dtype "int64"',
      ),
    );
  }

  /**
   * Binomial samples, as NumPy's `binomial` and JAX's `binomial(key, n, p, shape)`,
   * returned as int32 (JAX returns the same integer values as floats).
   *
   * @param n - trials, an integer ≥ 0.
   * @param p - success probability in [0, 1].
   * @param size - output shape; default the broadcast shape of the parameters.
   * @throws RangeError if `n < 0`, `n` is not an integer, or `p` is outside [0, 1] or NaN.
   */
  binomial(n: ParamLike, p: ParamLike, size?: Size): JaxArray {
    const { shape, values } = readParams("binomial", size, [
      ["n", n],
      ["p", p],
    ]);
    checkDomain(
      "binomial",
      "n",
      values[0],
      (x) => !(x >= 0 && Number.isInteger(x)),
      "n < 0 or n is not an integer",
    );
    checkDomain("binomial", "p", values[1], (x) => !(x >= 0 && x <= 1), "p < 0, p > 1 or p is NaN");
    return this.#draw((key, partitionable) =>
      counts(
        "binomial",
        binomial(
          key,
          asParam(values[0], shape, this.#pythonFloat),
          asParam(values[1], shape, this.#pythonFloat),
          shape,
          this.#pythonFloat,
          { partitionable, x64: this.x64 },
        ),
        '@jrng/core\'s binomial with dtype "float64"',
      ),
    );
  }

  /**
   * Geometric samples (trials until the first success, ≥ 1), as NumPy's
   * `geometric` and JAX's `geometric(key, p, shape)` (int32).
   *
   * @param p - success probability in (0, 1].
   * @param size - output shape; default `p`'s shape.
   * @throws RangeError if `p` is outside (0, 1] or NaN.
   */
  geometric(p: ParamLike, size?: Size): JaxArray {
    const { shape, values } = readParams("geometric", size, [["p", p]]);
    checkDomain(
      "geometric",
      "p",
      values[0],
      (x) => !(x > 0 && x <= 1),
      "p <= 0, p > 1 or p is NaN",
    );
    return this.#draw((key, partitionable) =>
      counts(
        "geometric",
        geometric(key, asParam(values[0], shape, this.#pythonFloat), shape, "int32", {
          partitionable,
          x64: this.x64,
        }),
        '@jrng/core\'s geometric with dtype "int64"',
      ),
    );
  }

  /**
   * A random sample from `a`, as NumPy's `choice` and JAX's
   * `choice(key, a, shape, replace, p, axis)`.
   *
   * @param a - an array to sample from along `axis`, or an integer `n` for `arange(n)`.
   * @param size - output shape (default one value).
   * @param replace - with replacement (default true).
   * @param p - probabilities of each entry (default uniform); must sum to 1.
   * @param axis - the axis of `a` to sample along (default 0).
   * @param shuffle - accepted for NumPy compatibility; the sample is always in JAX's order.
   * @throws RangeError for `p` that is negative, does not sum to 1, or has the wrong length.
   */
  choice(
    a: ArrayInput | number,
    size?: Size,
    replace = true,
    p?: ParamLike | null,
    axis = 0,
    shuffle = true,
  ): JaxArray {
    if (typeof shuffle !== "boolean")
      throw new TypeError(`shuffle must be true or false, got ${describe(shuffle)}`);
    // Checked here too: with an integer `a` the sampler never reads it.
    if (typeof axis !== "number" || !Number.isInteger(axis))
      throw new TypeError(`axis must be an integer, got ${describe(axis)}`);
    const source = typeof a === "number" ? a : toNdArray("a", a);
    const shape = size === undefined || size === null ? [] : outputShape("choice", size);
    let probabilities: NdArray | undefined;
    if (p !== undefined && p !== null) {
      const read = param("p", p);
      checkDomain("choice", "p", read.data, (x) => x < 0, "probabilities are not non-negative");
      const total = read.data.reduce((s, x) => s + x, 0);
      if (Math.abs(total - 1) > 1e-8)
        throw new RangeError(`choice: probabilities do not sum to 1 (got ${total})`);
      probabilities = asParam(read.data, read.shape, this.#pythonFloat);
    }
    return this.#draw((key, partitionable) =>
      choice(key, source, shape, replace, probabilities, axis, "low", {
        partitionable,
        x64: this.x64,
      }),
    );
  }

  /**
   * A randomly permuted copy of `x` along `axis`, or a permuted `arange(x)`
   * for an integer, as NumPy's `permutation` and JAX's
   * `permutation(key, x, axis, independent=False)`.
   *
   * @param x - an integer `n`, or an array.
   * @param axis - the axis to permute (default 0).
   */
  permutation(x: ArrayInput | number, axis = 0): JaxArray {
    const source = typeof x === "number" ? x : toNdArray("x", x);
    return this.#draw((key, partitionable) =>
      permutation(key, source, axis, false, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * NumPy's `shuffle`, for immutable arrays: returns `x` shuffled along
   * `axis` (the same values {@link JRNG.permutation} gives). jax-js arrays
   * cannot be changed in place; a JavaScript array or typed array given as
   * `x` is also overwritten with the result, as NumPy does.
   *
   * @param x - the array to shuffle.
   * @param axis - the axis to shuffle along (default 0).
   * @throws TypeError if `x` holds a frozen or read-only array (checked before anything is written or consumed).
   */
  shuffle(x: ArrayInput, axis = 0): JaxArray {
    const source = toNdArray("x", x);
    checkWritable("x", x);
    const { subkey, next } = this.#stream.next();
    const result = permutation(subkey, source, axis, false, {
      partitionable: this.partitionable,
      x64: this.x64,
    });
    const array = this.#backend.toArray(result);
    writeBack(x, result);
    this.#stream = next;
    return array;
  }

  /**
   * `x` with every slice along `axis` permuted independently, as NumPy's
   * `permuted` and JAX's `permutation(key, x, axis, independent=True)`;
   * with `axis` omitted, the flattened array is permuted.
   *
   * @param x - the array.
   * @param axis - the axis (default: the flattened array).
   */
  permuted(x: ArrayInput, axis?: number | null): JaxArray {
    const source = toNdArray("x", x);
    const flat = axis === undefined || axis === null;
    const input = flat ? { ...source, shape: [source.data.length] } : source;
    return this.#draw((key, partitionable) => {
      const result = permutation(key, input, flat ? 0 : axis, true, {
        partitionable,
        x64: this.x64,
      });
      return flat ? { ...result, shape: source.shape } : result;
    });
  }

  /**
   * Dirichlet samples, as NumPy's `dirichlet` and JAX's
   * `dirichlet(key, alpha, shape, dtype)`: shape `[...size, k]`.
   *
   * @param alpha - concentrations, a 1-D array of k values > 0.
   * @param size - batch shape (default none).
   * @param options - `dtype`.
   * @throws RangeError if any `alpha <= 0`.
   */
  dirichlet(alpha: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.#floatDType("dirichlet", options);
    const alphas = param("alpha", alpha);
    if (alphas.shape.length !== 1) {
      throw new RangeError(
        `dirichlet: alpha must be one-dimensional, got shape [${alphas.shape.join(", ")}]`,
      );
    }
    checkDomain("dirichlet", "alpha", alphas.data, (x) => x <= 0, "alpha <= 0");
    const batch = size === undefined || size === null ? [] : outputShape("dirichlet", size);
    return this.#draw((key, partitionable) =>
      dirichlet(key, asParam(alphas.data, alphas.shape, dtype), batch, dtype, {
        partitionable,
        x64: this.x64,
      }),
    );
  }

  /**
   * Multinomial counts, as NumPy's `multinomial` and JAX's
   * `multinomial(key, n, p, shape)`: shape `[...size, k]`, int32.
   *
   * @param n - trials, integers ≥ 0.
   * @param pvals - probabilities of the k categories (last axis); the first k − 1 must sum to at most 1.
   * @param size - batch shape; default the broadcast of `n`'s shape and `pvals`' leading shape.
   * @throws RangeError for negative `n`, probabilities outside [0, 1], or a sum above 1.
   */
  multinomial(n: ParamLike, pvals: ParamLike, size?: Size): JaxArray {
    const trials = param("n", n);
    const probabilities = param("pvals", pvals);
    if (probabilities.shape.length < 1)
      throw new RangeError("multinomial: pvals must have at least one axis");
    const k = probabilities.shape[probabilities.shape.length - 1];
    checkDomain(
      "multinomial",
      "n",
      trials.data,
      (x) => !(x >= 0 && Number.isInteger(x)),
      "n < 0 or n is not an integer",
    );
    checkDomain(
      "multinomial",
      "pvals",
      probabilities.data,
      (x) => !(x >= 0 && x <= 1),
      "pvals < 0, pvals > 1 or pvals contains NaNs",
    );
    for (let row = 0; row < probabilities.data.length; row += k) {
      let total = 0;
      for (let j = 0; j < k - 1; j++) total += probabilities.data[row + j];
      if (total > 1 + 1e-12)
        throw new RangeError(`multinomial: sum(pvals[:-1]) > 1.0 (got ${total})`);
    }
    const batch = outputShape("multinomial", size, trials, {
      shape: probabilities.shape.slice(0, -1),
      data: new Float64Array(0),
    });
    const shape = [...batch, k];
    const nArg = asParam(broadcastParam(trials, batch), batch, this.#pythonFloat);
    return this.#draw((key, partitionable) =>
      counts(
        "multinomial",
        multinomial(
          key,
          nArg,
          asParam(probabilities.data, probabilities.shape, this.#pythonFloat),
          shape,
          this.#pythonFloat,
          1,
          { partitionable, x64: this.x64 },
        ),
        '@jrng/core\'s multinomial with dtype "float64"',
      ),
    );
  }

  /**
   * Multivariate normal samples, as NumPy's `multivariate_normal` and JAX's
   * `multivariate_normal(key, mean, cov, shape, dtype, method)`: shape
   * `[...size, n]`. NumPy's default method, `"svd"`, is the default here too.
   *
   * @param mean - the mean, shape `[n]`.
   * @param cov - the covariance, shape `[n, n]`, symmetric positive semi-definite.
   * @param size - batch shape (default none).
   * @param options - `method` (`"svd"`, `"eigh"`, `"cholesky"`), `checkValid` (`"warn"`, `"raise"`, `"ignore"`; default `"warn"`), `tol` (default 1e-8), `dtype`.
   * @throws RangeError for mismatched shapes, or a covariance that is not PSD with `checkValid: "raise"`.
   */
  multivariateNormal(
    mean: ParamLike,
    cov: ParamLike,
    size?: Size,
    options?: MultivariateNormalOptions,
  ): JaxArray {
    const dtype = this.#floatDType("multivariateNormal", options, [
      "dtype",
      "method",
      "checkValid",
      "tol",
    ]);
    const method = options?.method ?? "svd";
    const checkValid = options?.checkValid ?? "warn";
    const tol = options?.tol ?? 1e-8;
    if (typeof tol !== "number" || !(tol >= 0) || !Number.isFinite(tol)) {
      throw new RangeError(
        `multivariateNormal: tol must be a finite number >= 0, got ${describe(tol)}`,
      );
    }
    if (!["svd", "eigh", "cholesky"].includes(method)) {
      throw new RangeError(
        `multivariateNormal: method must be "svd", "eigh" or "cholesky", got ${describe(method)}`,
      );
    }
    if (!["warn", "raise", "ignore"].includes(checkValid)) {
      throw new RangeError(
        `multivariateNormal: checkValid must be "warn", "raise" or "ignore", got ${describe(checkValid)}`,
      );
    }
    const means = param("mean", mean);
    const covs = param("cov", cov);
    const n = means.shape[0];
    if (
      means.shape.length !== 1 ||
      covs.shape.length !== 2 ||
      covs.shape[0] !== n ||
      covs.shape[1] !== n
    ) {
      throw new RangeError(
        `multivariateNormal: mean must be 1 dimensional and cov 2 dimensional and square, of matching size; ` +
          `got mean [${means.shape.join(", ")}] and cov [${covs.shape.join(", ")}]`,
      );
    }
    if (checkValid !== "ignore" && !isPositiveSemidefinite(covs.data, n, tol)) {
      const message = "multivariateNormal: covariance is not symmetric positive-semidefinite";
      if (checkValid === "raise") throw new RangeError(message);
      console.warn(message);
    }
    const batch =
      size === undefined || size === null ? [] : outputShape("multivariateNormal", size);
    return this.#draw((key, partitionable) =>
      multivariateNormal(
        key,
        asParam(means.data, means.shape, dtype),
        asParam(covs.data, covs.shape, dtype),
        batch,
        dtype,
        method,
        { partitionable, x64: this.x64 },
      ),
    );
  }

  /** Read parameters for a sampler that checks them itself (NumPy's rules, in `@jrng/core`). */
  #exactParams(params: [string, ParamLike][]): NdArray[] {
    return params.map(([name, value]) => {
      const read = param(name, value);
      return { dtype: "float64", shape: [...read.shape], data: read.data };
    });
  }

  /**
   * Negative binomial samples (failures before `n` successes), as NumPy's
   * `negative_binomial`; the spec's algorithm: `poisson(gamma(n) · (1 - p) / p)`
   * on the two halves of the subkey (spec/samplers/jrng-defined.md).
   *
   * @param n - successes, > 0.
   * @param p - success probability in (0, 1].
   * @param size - output shape; default the broadcast shape of the parameters.
   * @throws RangeError for `n <= 0` or `p` outside (0, 1] (NumPy's conditions).
   */
  negativeBinomial(n: ParamLike, p: ParamLike, size?: Size): JaxArray {
    const [ns, ps] = this.#exactParams([
      ["n", n],
      ["p", p],
    ]);
    return this.#draw((key, partitionable) =>
      counts(
        "negativeBinomial",
        negativeBinomial(key, ns, ps, sizeShape(size), "int32", { partitionable, x64: this.x64 }),
        '@jrng/core\'s negativeBinomial with dtype "int64"',
      ),
    );
  }

  /**
   * Noncentral chi-square samples, as NumPy's `noncentral_chisquare`
   * (algorithm in spec/samplers/jrng-defined.md).
   *
   * @param df - degrees of freedom, > 0.
   * @param nonc - non-centrality, ≥ 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError for `df <= 0` or `nonc < 0`.
   */
  noncentralChisquare(
    df: ParamLike,
    nonc: ParamLike,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    const dtype = this.#floatDType("noncentralChisquare", options);
    const [dfs, noncs] = this.#exactParams([
      ["df", df],
      ["nonc", nonc],
    ]);
    return this.#draw((key, partitionable) =>
      noncentralChisquare(key, dfs, noncs, sizeShape(size), dtype, {
        partitionable,
        x64: this.x64,
      }),
    );
  }

  /**
   * Noncentral F samples, as NumPy's `noncentral_f` (algorithm in
   * spec/samplers/jrng-defined.md).
   *
   * @param dfnum - numerator degrees of freedom, > 0.
   * @param dfden - denominator degrees of freedom, > 0.
   * @param nonc - non-centrality, ≥ 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError for `dfnum <= 0`, `dfden <= 0` or `nonc < 0`.
   */
  noncentralF(
    dfnum: ParamLike,
    dfden: ParamLike,
    nonc: ParamLike,
    size?: Size,
    options?: FloatOptions,
  ): JaxArray {
    const dtype = this.#floatDType("noncentralF", options);
    const [num, den, noncs] = this.#exactParams([
      ["dfnum", dfnum],
      ["dfden", dfden],
      ["nonc", nonc],
    ]);
    return this.#draw((key, partitionable) =>
      noncentralF(key, num, den, noncs, sizeShape(size), dtype, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * Power-distribution samples on [0, 1] (density `a·x^(a-1)`), as NumPy's
   * `power` (algorithm in spec/samplers/jrng-defined.md).
   *
   * @param a - exponent, > 0.
   * @param size - output shape; default `a`'s shape.
   * @param options - `dtype`.
   * @throws RangeError for `a <= 0`.
   */
  power(a: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.#floatDType("power", options);
    const [as] = this.#exactParams([["a", a]]);
    return this.#draw((key, partitionable) =>
      power(key, as, sizeShape(size), dtype, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * von Mises samples on [-π, π], as NumPy's `vonmises` (Best–Fisher
   * rejection as a fixed-shape loop; spec/samplers/jrng-defined.md).
   *
   * @param mu - mode.
   * @param kappa - concentration, ≥ 0.
   * @param size - output shape; default the broadcast shape of the parameters.
   * @param options - `dtype`.
   * @throws RangeError for `kappa < 0`.
   */
  vonmises(mu: ParamLike, kappa: ParamLike, size?: Size, options?: FloatOptions): JaxArray {
    const dtype = this.#floatDType("vonmises", options);
    const [mus, kappas] = this.#exactParams([
      ["mu", mu],
      ["kappa", kappa],
    ]);
    return this.#draw((key, partitionable) =>
      vonmises(key, mus, kappas, sizeShape(size), dtype, { partitionable, x64: this.x64 }),
    );
  }

  /**
   * Zipf samples, as NumPy's `zipf` (Devroye's rejection as a fixed-shape
   * loop; spec/samplers/jrng-defined.md), int32.
   *
   * @param a - exponent, > 1.
   * @param size - output shape; default `a`'s shape.
   * @throws RangeError for `a <= 1`.
   */
  zipf(a: ParamLike, size?: Size): JaxArray {
    const [as] = this.#exactParams([["a", a]]);
    return this.#draw((key, partitionable) =>
      counts(
        "zipf",
        zipf(key, as, sizeShape(size), "int32", { partitionable, x64: this.x64 }),
        '@jrng/core\'s zipf with dtype "int64"',
      ),
    );
  }

  /**
   * Logarithmic-series samples, as NumPy's `logseries` (Kemp's algorithm;
   * spec/samplers/jrng-defined.md), int32.
   *
   * @param p - shape, in [0, 1).
   * @param size - output shape; default `p`'s shape.
   * @throws RangeError for `p` outside [0, 1).
   */
  logseries(p: ParamLike, size?: Size): JaxArray {
    const [ps] = this.#exactParams([["p", p]]);
    return this.#draw((key, partitionable) =>
      counts(
        "logseries",
        logseries(key, ps, sizeShape(size), "int32", { partitionable, x64: this.x64 }),
        '@jrng/core\'s logseries with dtype "int64"',
      ),
    );
  }

  /**
   * Hypergeometric samples, as NumPy's `hypergeometric` (spec/samplers/jrng-defined.md), int32.
   *
   * @param ngood - good items, ≥ 0.
   * @param nbad - bad items, ≥ 0.
   * @param nsample - items drawn, in [0, ngood + nbad].
   * @param size - output shape; default the broadcast shape of the parameters.
   * @throws RangeError for negative counts or `nsample > ngood + nbad`.
   */
  hypergeometric(ngood: ParamLike, nbad: ParamLike, nsample: ParamLike, size?: Size): JaxArray {
    const [good, bad, sample] = this.#exactParams([
      ["ngood", ngood],
      ["nbad", nbad],
      ["nsample", nsample],
    ]);
    return this.#draw((key, partitionable) =>
      counts(
        "hypergeometric",
        hypergeometric(key, good, bad, sample, sizeShape(size), "int32", {
          partitionable,
          x64: this.x64,
        }),
        '@jrng/core\'s hypergeometric with dtype "int64"',
      ),
    );
  }

  /**
   * Multivariate hypergeometric samples, as NumPy's
   * `multivariate_hypergeometric`: shape `[...size, colors]`, int32.
   *
   * @param colors - items of each color, integers ≥ 0.
   * @param nsample - items drawn, ≤ the total.
   * @param size - batch shape (default none).
   * @param options - `method`: `"marginals"` (default) or `"count"`.
   * @throws RangeError for negative colors, `nsample` above the total, or a bad method.
   */
  multivariateHypergeometric(
    colors: ParamLike,
    nsample: number,
    size?: Size,
    options?: { method?: MultivariateHypergeometricMethod },
  ): JaxArray {
    const [colorCounts] = this.#exactParams([["colors", colors]]);
    const { method = "marginals" } = methodOptions("multivariateHypergeometric", options, [
      "method",
    ]) as { method?: MultivariateHypergeometricMethod };
    return this.#draw((key, partitionable) =>
      counts(
        "multivariateHypergeometric",
        multivariateHypergeometric(key, colorCounts, nsample, sizeShape(size), method, "int32", {
          partitionable,
        }),
        '@jrng/core\'s multivariateHypergeometric with dtype "int64"',
      ),
    );
  }
}
