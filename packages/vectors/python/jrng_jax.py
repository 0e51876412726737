"""Run a jrng vectors call in real JAX.

One module turns a case's call (the JSON of spec/vectors.md) into the JAX
program it names, so that what writes a vector (`jrng-vectors generate --jax`)
and what checks JAX against the vectors (the conformance kit's JAX adapter)
call JAX the same way.

The conventions, in one place:

- **x64 is per process.** `jax_enable_x64` must be set before JAX computes
  anything, so a process serves the calls of one x64 setting: `configure(x64)`
  first, then calls whose `x64` flag matches (`CallError` otherwise).
- **Threefry mode is per call**, through `jax_threefry_partitionable`.
- **Arguments** keep Python's own types where a JAX user writes literals:
  JSON numbers become Python ints and floats (weakly typed in JAX),
  `{"$bigint": "..."}` a Python int, `{"$float": "NaN" | "Infinity" |
  "-Infinity" | "-0"}` the float. Nested lists become NumPy arrays: of the
  call's float dtype for float parameters, of the call's integer dtype for
  integer bounds, of JAX's default types otherwise. Two literals need a type
  to be expressible at all: a `randint` bound beyond int32 without x64 (a
  scalar of the call's dtype) and negative `fold_in` data (`np.int32`).
- **Results** come back in the vectors' array encoding: `{"dtype", "shape",
  "data"}` with floats as bit patterns (`"0x3f800000"`), 64-bit integers as
  decimal strings, booleans as booleans.
- **Generator calls** are JAX programs: the `split` stream is the original
  JRNG's (`key, sub = jax.random.split(key)` before every draw, as rng-jax's
  Generator), the `fold_in` stream is `jax.experimental.random.stateful_rng`
  itself. Each NumPy-named method is the eager JAX expression in `METHODS`;
  a method JAX has no counterpart for raises `Inexpressible`.

Command line: `python jrng_jax.py serve [--x64] [--compilation-cache=DIR]` reads one JSON request per
line on standard input (`{"id": ..., "call": {...}}`) and writes one reply
per line (`{"id": ..., "result": ...}` or `{"id": ..., "error": {"type":
..., "message": ...}}`), after a first line `{"hello": {...}}` naming the
versions and the host.
"""

from __future__ import annotations

import json
import platform
import sys
from typing import Any, Callable

import numpy as np

jax: Any = None
jnp: Any = None
random: Any = None
_x64: bool | None = None


class CallError(Exception):
    """The request itself is malformed or not for this process."""


class Inexpressible(Exception):
    """The call has no JAX counterpart (a spec-defined sampler, a NumPy-only method)."""


def configure(x64: bool, compilation_cache: str | None = None) -> dict:
    """Import JAX with `jax_enable_x64` set; returns the versions and host.

    `compilation_cache`, a directory, keeps XLA's compiled programs between
    runs (JAX compiles every new function, shape, dtype and mode, about a
    second each; the vectors need about a thousand).
    """
    global jax, jnp, random, _x64
    import jax as jax_module

    jax_module.config.update("jax_enable_x64", bool(x64))
    if compilation_cache:
        jax_module.config.update("jax_compilation_cache_dir", compilation_cache)
        jax_module.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
        jax_module.config.update("jax_persistent_cache_min_entry_size_bytes", 0)
    import jax.numpy as jnp_module
    import jax.random as random_module
    import jaxlib

    jax, jnp, random, _x64 = jax_module, jnp_module, random_module, bool(x64)
    return {
        "jax": jax.__version__,
        "jaxlib": jaxlib.__version__,
        "platform": jax.default_backend(),
        "x64": _x64,
        "machine": platform.machine(),
        "cpuFlags": _cpu_flags(),
        "cpu": _cpu_model(),
    }


def _cpu_flags() -> list[str]:
    """The host CPU's vector and FMA features, which shape XLA's code."""
    wanted = ("fma", "avx", "avx2", "avx512f", "avx512dq", "avx512bw", "avx512vl", "sse4_1", "sse4_2", "neon", "asimd")
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith(("flags", "Features")):
                    present = set(line.split(":", 1)[1].split())
                    return [flag for flag in wanted if flag in present]
    except OSError:
        pass
    return []


def _cpu_model() -> str:
    """The host CPU's vendor, family and model: XLA:CPU's float32 rsqrt is the processor's estimate."""
    fields: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if not line.strip():
                    break
                name, _, value = line.partition(":")
                fields[name.strip()] = value.strip()
    except OSError:
        return platform.processor() or "unknown"
    if "vendor_id" not in fields:
        return fields.get("model name", platform.processor() or "unknown")
    return f"{fields['vendor_id']} family {fields.get('cpu family', '?')} model {fields.get('model', '?')} ({fields.get('model name', '')})"


# ---------------------------------------------------------------- arguments

_SPECIAL_FLOATS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf"), "-0": -0.0}


def scalar(value: Any) -> Any:
    """A JSON scalar argument as the Python literal a JAX user writes."""
    if isinstance(value, dict):
        if "$bigint" in value:
            return int(value["$bigint"])
        if "$float" in value:
            return _SPECIAL_FLOATS[value["$float"]]
        raise CallError(f"unknown argument encoding {value!r}")
    return value


def plain(value: Any) -> Any:
    """Decode every scalar in a nested JSON value."""
    if isinstance(value, list):
        return [plain(item) for item in value]
    return scalar(value)


def param(value: Any, dtype: Any) -> Any:
    """A parameter: a Python scalar as is, a nested list as an array of `dtype`."""
    if value is None:
        return None
    if isinstance(value, list):
        return np.asarray(plain(value), dtype=dtype)
    return scalar(value)


def int_bound(value: Any, dtype: Any) -> Any:
    """A `randint` bound. A Python int beyond int32 overflows JAX's weak int32 without x64,
    so a bound that fits the dtype but not int32 is passed as a scalar of the dtype, as a
    JAX user must write it (`np.uint32(4294967295)`)."""
    if isinstance(value, list):
        return np.asarray(plain(value), dtype=dtype)
    value = scalar(value)
    info = np.iinfo(dtype)
    if not _x64 and not -2**31 <= value < 2**31 and info.min <= value <= info.max:
        return np.asarray(value, dtype=dtype)
    return value


def fold_in_data(value: Any) -> Any:
    """`fold_in` data: a negative value is an int32 counter (`np.int32(-1)`), as JAX wraps it."""
    value = scalar(value)
    return np.int32(value) if isinstance(value, int) and value < 0 else value


def shape_of(args: dict, name: str = "shape", default: Any = ()) -> Any:
    value = args.get(name, default)
    if value is None:
        return None
    if isinstance(value, int):
        return (value,)
    return tuple(int(n) for n in value)


_WIDE = ("float64", "int64", "uint64")


def _dtype(name: str) -> Any:
    """A dtype JAX can compute: 64-bit ones only with x64 (JAX would silently narrow them)."""
    if name in _WIDE and not _x64:
        raise Inexpressible(f"JAX computes {name} only with jax_enable_x64")
    return np.dtype(name)


def float_dtype(args: dict) -> Any:
    return _dtype(args.get("dtype", "float32"))


def int_dtype(args: dict, default: str = "int32") -> Any:
    return _dtype(args.get("dtype", default))


def _key(words: list[int]) -> Any:
    return random.wrap_key_data(jnp.asarray(np.asarray(words, dtype=np.uint32)))


def set_mode(mode: str) -> None:
    if mode not in ("partitionable", "legacy"):
        raise CallError(f"unknown threefry mode {mode!r}")
    jax.config.update("jax_threefry_partitionable", mode == "partitionable")


# ---------------------------------------------------------------- functions

def _split(k, a):
    num = a.get("num", 2)
    return random.key_data(random.split(k, tuple(num) if isinstance(num, list) else num))


def _choice(k, a):
    source = a["a"]
    source = scalar(source) if not isinstance(source, list) else np.asarray(plain(source))
    p = a.get("p")
    return random.choice(
        k, source, shape_of(a), a.get("replace", True),
        None if p is None else np.asarray(plain(p), dtype=np.float32 if not _x64 else np.float64),
        a.get("axis", 0), mode=a.get("mode"),
    )


def _permutation(k, a):
    x = a["x"]
    x = scalar(x) if not isinstance(x, list) else np.asarray(plain(x))
    return random.permutation(k, x, a.get("axis", 0), a.get("independent", False))


def _multivariate_normal(k, a):
    dt = float_dtype(a)
    return random.multivariate_normal(
        k, param(a["mean"], dt), param(a["cov"], dt), shape_of(a, default=None), dt, a.get("method", "cholesky"))


FUNCTIONS: dict[str, Callable[[Any, dict], Any]] = {
    "split": _split,
    "foldIn": lambda k, a: random.key_data(random.fold_in(k, fold_in_data(a["data"]))),
    "bits": lambda k, a: random.bits(k, shape_of(a), int_dtype(a, "uint32")),
    "uniform": lambda k, a: random.uniform(
        k, shape_of(a), float_dtype(a), param(a.get("minval", 0.0), float_dtype(a)),
        param(a.get("maxval", 1.0), float_dtype(a))),
    "normal": lambda k, a: random.normal(k, shape_of(a), float_dtype(a)),
    "truncatedNormal": lambda k, a: random.truncated_normal(
        k, param(a["lower"], float_dtype(a)), param(a["upper"], float_dtype(a)), shape_of(a, default=None),
        float_dtype(a)),
    "lognormal": lambda k, a: random.lognormal(
        k, param(a.get("sigma", 1.0), float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "maxwell": lambda k, a: random.maxwell(k, shape_of(a), float_dtype(a)),
    "doubleSidedMaxwell": lambda k, a: random.double_sided_maxwell(
        k, param(a["loc"], float_dtype(a)), param(a["scale"], float_dtype(a)), shape_of(a), float_dtype(a)),
    "wald": lambda k, a: random.wald(k, param(a["mean"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "randint": lambda k, a: random.randint(
        k, shape_of(a), int_bound(a["minval"], int_dtype(a)), int_bound(a["maxval"], int_dtype(a)), int_dtype(a)),
    "bernoulli": lambda k, a: random.bernoulli(
        k, param(a.get("p", 0.5), np.float64 if _x64 else np.float32), shape_of(a, default=None),
        mode=a.get("mode", "low")),
    "rademacher": lambda k, a: random.rademacher(k, shape_of(a), int_dtype(a)),
    "gumbel": lambda k, a: random.gumbel(k, shape_of(a), float_dtype(a), mode=a.get("mode", "low")),
    "categorical": lambda k, a: random.categorical(
        k, param(a["logits"], np.float64 if _x64 else np.float32), a.get("axis", -1), shape_of(a, default=None),
        a.get("replace", True), mode=a.get("mode")),
    "permutation": _permutation,
    "choice": _choice,
    "geometric": lambda k, a: random.geometric(
        k, param(a["p"], np.float64 if _x64 else np.float32), shape_of(a, default=None), int_dtype(a)),
    "cauchy": lambda k, a: random.cauchy(k, shape_of(a), float_dtype(a)),
    "exponential": lambda k, a: random.exponential(k, shape_of(a), float_dtype(a)),
    "laplace": lambda k, a: random.laplace(k, shape_of(a), float_dtype(a)),
    "logistic": lambda k, a: random.logistic(k, shape_of(a), float_dtype(a)),
    "pareto": lambda k, a: random.pareto(k, param(a["b"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "rayleigh": lambda k, a: random.rayleigh(
        k, param(a.get("scale", 1.0), float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "weibullMin": lambda k, a: random.weibull_min(
        k, param(a["scale"], float_dtype(a)), param(a["concentration"], float_dtype(a)), shape_of(a), float_dtype(a)),
    "triangular": lambda k, a: random.triangular(
        k, param(a["left"], float_dtype(a)), param(a["mode"], float_dtype(a)), param(a["right"], float_dtype(a)),
        shape_of(a, default=None), float_dtype(a)),
    "gamma": lambda k, a: random.gamma(k, param(a["a"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "loggamma": lambda k, a: random.loggamma(
        k, param(a["a"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "beta": lambda k, a: random.beta(
        k, param(a["a"], float_dtype(a)), param(a["b"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "dirichlet": lambda k, a: random.dirichlet(
        k, param(a["alpha"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "chisquare": lambda k, a: random.chisquare(
        k, param(a["df"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "f": lambda k, a: random.f(
        k, param(a["dfnum"], float_dtype(a)), param(a["dfden"], float_dtype(a)), shape_of(a, default=None),
        float_dtype(a)),
    "t": lambda k, a: random.t(k, param(a["df"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "generalizedNormal": lambda k, a: random.generalized_normal(
        k, scalar(a["p"]), shape_of(a), float_dtype(a)),
    "ball": lambda k, a: random.ball(k, a["d"], scalar(a.get("p", 2)), shape_of(a), float_dtype(a)),
    "poisson": lambda k, a: random.poisson(
        k, param(a["lam"], np.float64 if _x64 else np.float32), shape_of(a, default=None), int_dtype(a)),
    "binomial": lambda k, a: random.binomial(
        k, param(a["n"], float_dtype(a)), param(a["p"], float_dtype(a)), shape_of(a, default=None), float_dtype(a)),
    "multinomial": lambda k, a: random.multinomial(
        k, param(a["n"], float_dtype(a)), param(a["p"], float_dtype(a)), shape=shape_of(a, default=None),
        dtype=float_dtype(a)),
    "multivariateNormal": _multivariate_normal,
    "orthogonal": lambda k, a: random.orthogonal(k, a["n"], shape_of(a), float_dtype(a), a.get("m")),
}


def _threefry2x32(a):
    from jax.extend.random import threefry_2x32

    key = np.asarray(plain(a["key"]), dtype=np.uint32)
    counter = jnp.asarray(np.asarray(plain(a["counter"]), dtype=np.uint32))
    return threefry_2x32((jnp.uint32(key[0]), jnp.uint32(key[1])), counter)


KEYLESS: dict[str, Callable[[dict], Any]] = {
    "key": lambda a: random.key_data(random.key(scalar(a["seed"]))),
    "threefry2x32": _threefry2x32,
}


def run_function(call: dict) -> Any:
    """The JAX array a functional call returns."""
    _check_x64(call.get("x64", False))
    set_mode(call["mode"])
    name, args = call["function"], call.get("args", {})
    if name in KEYLESS:
        return KEYLESS[name](args)
    if name not in FUNCTIONS:
        raise Inexpressible(f"jax.random has no counterpart of {name}")
    return FUNCTIONS[name](_key(call["key"]), args)


# ---------------------------------------------------------------- generators

def _size(args: dict, *params: Any) -> tuple:
    size = args.get("size")
    if size is None:
        return np.broadcast_shapes(*(np.shape(p) for p in params)) if params else ()
    return (size,) if isinstance(size, int) else tuple(size)


def _default_float(args: dict) -> Any:
    return _dtype(args.get("dtype", "float64" if _x64 else "float32"))


def _affine(draw: Callable[[Any, tuple, Any], Any]) -> Callable[[Any, dict], Any]:
    """`loc + scale * draw(key)`, evaluated eagerly as rng-jax's Generator and stateful_rng do."""

    def method(key: Any, a: dict) -> Any:
        dt = _default_float(a)
        loc, scale = param(a.get("loc", 0.0), dt), param(a.get("scale", 1.0), dt)
        sample = draw(key, _size(a, loc, scale), dt)
        return (jnp.asarray(loc) + jnp.asarray(scale) * sample).astype(dt)

    return method


def _scaled(draw: Callable[[Any, Any, tuple, Any], Any], shape_name: str | None) -> Callable[[Any, dict], Any]:
    """`scale * draw(key, shape parameter)`, eagerly."""

    def method(key: Any, a: dict) -> Any:
        dt = _default_float(a)
        scale = param(a.get("scale", 1.0), dt)
        shape_param = param(a[shape_name], dt) if shape_name else None
        params = (scale,) if shape_param is None else (shape_param, scale)
        sample = draw(key, shape_param, _size(a, *params), dt)
        return (jnp.asarray(scale) * sample).astype(dt)

    return method


def _integers(key: Any, a: dict) -> Any:
    dt = _dtype(a.get("dtype", "int64" if _x64 else "int32"))
    low, high = a.get("low"), a.get("high")
    if high is None:
        low, high = 0, low
    low, high = param(low, dt), param(high, dt)
    if a.get("endpoint", False):
        high = np.asarray(high, dtype=dt) + 1 if isinstance(high, np.ndarray) else high + 1
    return random.randint(key, _size(a, low, high), low, high, dt)


def _float_method(draw: Callable[[Any, tuple, Any], Any]) -> Callable[[Any, dict], Any]:
    return lambda key, a: draw(key, _size(a), _default_float(a))


def _one_param(name: str, draw: Callable[[Any, Any, tuple, Any], Any]) -> Callable[[Any, dict], Any]:
    def method(key: Any, a: dict) -> Any:
        dt = _default_float(a)
        value = param(a[name], dt)
        return draw(key, value, _size(a, value), dt)

    return method


def _two_params(names: tuple[str, str], draw: Callable[..., Any]) -> Callable[[Any, dict], Any]:
    def method(key: Any, a: dict) -> Any:
        dt = _default_float(a)
        first, second = param(a[names[0]], dt), param(a[names[1]], dt)
        return draw(key, first, second, _size(a, first, second), dt)

    return method


def _key_method(key: Any, a: dict) -> Any:
    size = a.get("size")
    if size is None:
        return random.key_data(key)
    return random.key_data(random.split(key, (size,) if isinstance(size, int) else tuple(size)))


def _lognormal(key: Any, a: dict) -> Any:
    dt = _default_float(a)
    mean, sigma = param(a.get("mean", 0.0), dt), param(a.get("sigma", 1.0), dt)
    shape = _size(a, mean, sigma)
    if not isinstance(mean, np.ndarray) and mean == 0:
        return random.lognormal(key, sigma, shape, dt)
    return jnp.exp(jnp.asarray(mean) + jnp.asarray(sigma) * random.normal(key, shape, dt)).astype(dt)


def _wald(key: Any, a: dict) -> Any:
    dt = _default_float(a)
    mean, scale = param(a["mean"], dt), param(a["scale"], dt)
    ratio = jnp.asarray(mean, dtype=dt) / jnp.asarray(scale, dtype=dt)
    return (jnp.asarray(scale) * random.wald(key, ratio, _size(a, mean, scale), dt)).astype(dt)


def _pareto(key: Any, a: dict) -> Any:
    dt = _default_float(a)
    shape_param = param(a["a"], dt)
    return (random.pareto(key, shape_param, _size(a, shape_param), dt) - 1).astype(dt)


def _triangular(key: Any, a: dict) -> Any:
    dt = _default_float(a)
    left, mode, right = (param(a[n], dt) for n in ("left", "mode", "right"))
    return random.triangular(key, left, mode, right, _size(a, left, mode, right), dt)


def _counts(draw: Callable[..., Any], names: tuple[str, ...]) -> Callable[[Any, dict], Any]:
    """Count-valued methods: JAX's sampler (float for `binomial`, int64 with x64), as int32.

    The generator's count methods return int32 with and without x64 (it refuses counts
    int32 cannot hold), so the program converts JAX's counts to int32."""

    def method(key: Any, a: dict) -> Any:
        values = tuple(param(a[n], np.float64 if _x64 else np.float32) for n in names)
        return draw(key, *values, _size(a, *values)).astype(np.int32)

    return method


def _dirichlet(key: Any, a: dict) -> Any:
    dt = _default_float(a)
    return random.dirichlet(key, param(a["alpha"], dt), _size(a), dt)


def _multinomial(key: Any, a: dict) -> Any:
    dt = np.float64 if _x64 else np.float32
    n, pvals = param(a["n"], dt), param(a["pvals"], dt)
    size = a.get("size")
    batch = () if size is None else ((size,) if isinstance(size, int) else tuple(size))
    shape = batch + np.shape(pvals) if batch else None
    return random.multinomial(key, n, pvals, shape=shape, dtype=dt).astype(np.int32)


def _permutation_method(key: Any, a: dict) -> Any:
    x = a["x"]
    x = scalar(x) if not isinstance(x, list) else np.asarray(plain(x))
    return random.permutation(key, x, a.get("axis", 0), False)


def _permuted(key: Any, a: dict) -> Any:
    x = np.asarray(plain(a["x"]))
    axis = a.get("axis")
    if axis is None:
        return random.permutation(key, x.reshape(-1), 0, True).reshape(x.shape)
    return random.permutation(key, x, axis, True)


def _choice_method(key: Any, a: dict) -> Any:
    source = a["a"]
    source = scalar(source) if not isinstance(source, list) else np.asarray(plain(source))
    p = a.get("p")
    return random.choice(
        key, source, _size(a), a.get("replace", True),
        None if p is None else np.asarray(plain(p), dtype=np.float64 if _x64 else np.float32), a.get("axis", 0))


METHODS: dict[str, Callable[[Any, dict], Any]] = {
    "key": _key_method,
    "random": _float_method(lambda k, s, dt: random.uniform(k, s, dt)),
    "uniform": lambda k, a: (lambda dt, lo, hi: random.uniform(k, _size(a, lo, hi), dt, lo, hi))(
        _default_float(a), param(a.get("low", 0.0), _default_float(a)), param(a.get("high", 1.0), _default_float(a))),
    "bytes": lambda k, a: random.bits(k, (a["length"],), np.uint8),
    "integers": _integers,
    "normal": _affine(lambda k, s, dt: random.normal(k, s, dt)),
    "standardNormal": _float_method(lambda k, s, dt: random.normal(k, s, dt)),
    "standardExponential": _float_method(lambda k, s, dt: random.exponential(k, s, dt)),
    "exponential": _scaled(lambda k, _, s, dt: random.exponential(k, s, dt), None),
    "standardCauchy": _float_method(lambda k, s, dt: random.cauchy(k, s, dt)),
    "standardGamma": _one_param("shape", lambda k, v, s, dt: random.gamma(k, v, s, dt)),
    "gamma": _scaled(lambda k, v, s, dt: random.gamma(k, v, s, dt), "shape"),
    "beta": _two_params(("a", "b"), lambda k, x, y, s, dt: random.beta(k, x, y, s, dt)),
    "chisquare": _one_param("df", lambda k, v, s, dt: random.chisquare(k, v, s, dt)),
    "f": _two_params(("dfnum", "dfden"), lambda k, x, y, s, dt: random.f(k, x, y, s, dt)),
    "standardT": _one_param("df", lambda k, v, s, dt: random.t(k, v, s, dt)),
    "gumbel": _affine(lambda k, s, dt: random.gumbel(k, s, dt)),
    "laplace": _affine(lambda k, s, dt: random.laplace(k, s, dt)),
    "logistic": _affine(lambda k, s, dt: random.logistic(k, s, dt)),
    "lognormal": _lognormal,
    "pareto": _pareto,
    "rayleigh": _one_param("scale", lambda k, v, s, dt: random.rayleigh(k, v, s, dt)),
    "weibull": _one_param("a", lambda k, v, s, dt: random.weibull_min(k, 1.0, v, s, dt)),
    "triangular": _triangular,
    "wald": _wald,
    "poisson": _counts(lambda k, lam, s: random.poisson(k, lam, s), ("lam",)),
    "binomial": _counts(lambda k, n, p, s: random.binomial(k, n, p, s), ("n", "p")),
    "geometric": _counts(lambda k, p, s: random.geometric(k, p, s), ("p",)),
    "choice": _choice_method,
    "permutation": _permutation_method,
    "shuffle": _permutation_method,
    "permuted": _permuted,
    "dirichlet": _dirichlet,
    "multinomial": _multinomial,
}

#: Methods `stateful_rng` provides itself; the fold_in stream calls them directly.
STATEFUL_METHODS = ("random", "uniform", "normal", "integers", "key")


class _SplitStream:
    """The original JRNG (rng-jax's Generator): split the key before every draw."""

    def __init__(self, seed: Any):
        self.key = random.key(seed)

    def subkey(self) -> Any:
        self.key, sub = random.split(self.key)
        return sub

    def keys(self, size: Any) -> Any:
        """rng-jax's `key(size)`: `keys = split(key, 1 + n)`, the first kept as the state."""
        shape = (size,) if isinstance(size, int) else tuple(size)
        every = random.split(self.key, 1 + int(np.prod(shape, dtype=np.int64)))
        self.key = every[0]
        return random.key_data(every[1:]).reshape(shape + (2,))


class _FoldInStream:
    """JAX's own stateful generator, `jax.experimental.random.stateful_rng`."""

    def __init__(self, seed: Any):
        from jax.experimental.random import stateful_rng

        self.rng = stateful_rng(seed)

    def subkey(self) -> Any:
        return self.rng.key()


def _stateful_call(rng: Any, method: str, a: dict) -> Any:
    dt = _default_float(a)
    if method == "random":
        return rng.random(_size(a), dtype=dt)
    if method == "uniform":
        return rng.uniform(param(a.get("low", 0.0), dt), param(a.get("high", 1.0), dt), a.get("size"), dtype=dt)
    if method == "normal":
        return rng.normal(param(a.get("loc", 0.0), dt), param(a.get("scale", 1.0), dt), a.get("size"), dtype=dt)
    if method == "integers":
        if a.get("endpoint", False):
            raise Inexpressible("stateful_rng.integers has no endpoint")
        it = _dtype(a.get("dtype", "int64" if _x64 else "int32"))
        return rng.integers(param(a["low"], it), param(a.get("high"), it), a.get("size"), dtype=it)
    size = a.get("size")
    return random.key_data(rng.key(() if size is None else size))


def run_generator(call: dict) -> list:
    """The JAX arrays a generator call's methods return, in order."""
    spec = call["generator"]
    _check_x64(spec.get("x64", False))
    set_mode(spec["mode"])
    missing = [c["method"] for c in call["calls"] if c["method"] not in METHODS]
    if missing:
        raise Inexpressible(f"JAX has no counterpart of {', '.join(sorted(set(missing)))}")
    seed = scalar(spec["seed"])
    stream = _SplitStream(seed) if spec["stream"] == "split" else _FoldInStream(seed)
    results = []
    for method_call in call["calls"]:
        name, args = method_call["method"], method_call.get("args", {})
        if isinstance(stream, _FoldInStream) and name in STATEFUL_METHODS and not args.get("endpoint", False):
            results.append(_stateful_call(stream.rng, name, args))
        elif isinstance(stream, _SplitStream) and name == "key" and args.get("size") is not None:
            results.append(stream.keys(args["size"]))
        else:
            results.append(METHODS[name](stream.subkey(), args))
    return results


def _check_x64(wanted: bool) -> None:
    if _x64 is None:
        raise CallError("configure(x64) first")
    if bool(wanted) != _x64:
        raise CallError(f"this process runs with x64 {'on' if _x64 else 'off'}; the call needs it {'on' if wanted else 'off'}")


# ---------------------------------------------------------------- results

def encode(array: Any) -> dict:
    """An array in the vectors' encoding."""
    value = np.asarray(array)
    dtype = value.dtype
    flat = value.reshape(-1)
    if dtype == np.float32:
        data = [f"0x{int(b):08x}" for b in flat.view(np.uint32)]
    elif dtype == np.float64:
        data = [f"0x{int(b):016x}" for b in flat.view(np.uint64)]
    elif dtype == np.bool_:
        data = [bool(b) for b in flat]
    elif dtype in (np.int64, np.uint64):
        data = [str(int(b)) for b in flat]
    elif np.issubdtype(dtype, np.integer):
        data = [int(b) for b in flat]
    else:
        raise CallError(f"cannot encode dtype {dtype}")
    return {"dtype": str(dtype), "shape": list(value.shape), "data": data}


def run(call: dict) -> Any:
    """A call's result in the vectors' encoding: one array, or a list for a generator call."""
    if "generator" in call:
        return [encode(result) for result in run_generator(call)]
    return encode(run_function(call))


def error_reply(error: BaseException) -> dict:
    kind = "Inexpressible" if isinstance(error, Inexpressible) else type(error).__name__
    return {"type": kind, "message": str(error).splitlines()[0] if str(error) else kind}


def serve(x64: bool, compilation_cache: str | None = None, source=sys.stdin, sink=sys.stdout) -> None:
    """The JSON Lines loop described in the module docstring."""
    hello = configure(x64, compilation_cache)
    sink.write(json.dumps({"hello": hello}) + "\n")
    sink.flush()
    for line in source:
        if not line.strip():
            continue
        request = json.loads(line)
        reply: dict = {"id": request.get("id")}
        try:
            reply["result"] = run(request["call"])
        except Exception as error:  # every failure of one call is that call's reply
            reply["error"] = error_reply(error)
        sink.write(json.dumps(reply) + "\n")
        sink.flush()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    cache = next((a.split("=", 1)[1] for a in arguments if a.startswith("--compilation-cache=")), None)
    known = [a for a in arguments if a in ("serve", "--x64") or a.startswith("--compilation-cache=")]
    if not arguments or arguments[0] != "serve" or len(known) != len(arguments):
        sys.stderr.write("usage: python jrng_jax.py serve [--x64] [--compilation-cache=DIR]\n")
        sys.exit(2)
    serve("--x64" in arguments, cache)
