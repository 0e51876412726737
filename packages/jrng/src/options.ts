/**
 * The options objects of `JRNG`'s constructors and methods: unknown keys are
 * refused (with the nearest known key suggested), and NumPy's positional
 * `dtype` string is read where NumPy's method has one.
 *
 * @module
 */
import { checkOptionKeys, describe, checkFloatDType } from "@jrng/core/internal";
import type { FloatDType, IntegerDType, MultivariateNormalMethod } from "@jrng/core";
import type { StreamKind } from "./stream.js";
import { checkThreads } from "./threads.js";

/**
 * The keys of a generator's options. `x64` mirrors JAX's `jax_enable_x64`
 * (default false) and is carried in the generator's state.
 */
export const GENERATOR_OPTION_KEYS: readonly string[] = [
  "stream",
  "partitionable",
  "dtype",
  "device",
  "x64",
  "threads",
];

/** The keys `JRNG.fromState` accepts besides the state (stream and mode come from it). */
export const STATE_OPTION_KEYS: readonly string[] = ["dtype", "device", "x64"];

/**
 * The methods whose NumPy signature has a positional `dtype` right where
 * `JRNG`'s options object goes (`Generator.random(size, dtype)`, …), so that
 * `rng.random(3, "float64")` means what it means in NumPy.
 */
const POSITIONAL_DTYPE = new Set([
  "random",
  "standardNormal",
  "standardExponential",
  "standardGamma",
  "integers",
  "integers64",
]);

/**
 * Read the options argument of `JRNG.<method>`: an object whose keys are all
 * in `known`, or — for the methods with NumPy's positional `dtype` — a dtype
 * string, read as `{ dtype }`.
 *
 * @throws TypeError for any other string or non-object, or an unknown key.
 */
export function methodOptions(
  method: string,
  options: unknown,
  known: readonly string[],
): Record<string, unknown> {
  if (typeof options === "string") {
    if (POSITIONAL_DTYPE.has(method)) return { dtype: options };
    throw new TypeError(
      `${method}: options must be an object such as { dtype: ${describe(options)} }, got ${describe(options)}` +
        ` (a positional dtype string is accepted only where NumPy's method has one: ${[...POSITIONAL_DTYPE].join(", ")})`,
    );
  }
  return checkOptionKeys(method, options, known);
}

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
export const INTEGERS_OPTION_KEYS = ["dtype", "endpoint"];

/** Options of {@link JRNG.multivariateNormal}. */
export interface MultivariateNormalOptions extends FloatOptions {
  /** How the covariance is factored (default `"svd"`, as NumPy). */
  method?: MultivariateNormalMethod;
  /** What to do with a covariance that is not positive semi-definite (default `"warn"`). */
  checkValid?: "warn" | "raise" | "ignore";
  /** Tolerance of that check (default 1e-8). */
  tol?: number;
}

/** A generator's device option. */
export type DeviceOption = NonNullable<JRNGOptions["device"]>;

export function checkDevice(device: unknown): DeviceOption {
  if (device === undefined) return "cpu";
  if (device !== "cpu" && device !== "webgpu" && device !== "auto") {
    throw new TypeError(
      `options.device must be "cpu", "webgpu" or "auto", got ${describe(device)}`,
    );
  }
  return device;
}

/** The synchronous constructors' refusal of a GPU device. */
export function requireCpu(device: DeviceOption, factory: string, asyncFactory: string): void {
  if (device !== "cpu") {
    throw new TypeError(
      `${factory}: options.device "${device}" needs asynchronous WebGPU set-up; ` +
        `use \`await ${asyncFactory}(...)\` instead`,
    );
  }
}

/** `options` of `owner` read as an object (undefined: no options), every key one of `known`. */
export function optionsObject(
  owner: string,
  options: unknown,
  known: readonly string[] = GENERATOR_OPTION_KEYS,
): JRNGOptions {
  return checkOptionKeys(owner, options, known) as JRNGOptions;
}

/** The `x64` option: a boolean, default false. */
export function checkX64(x64: unknown): boolean {
  if (x64 === undefined) return false;
  if (typeof x64 !== "boolean") {
    throw new TypeError(`options.x64 must be true or false, got ${describe(x64)}`);
  }
  return x64;
}

export function checkOptions(owner: string, options: unknown): Required<JRNGOptions> {
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
