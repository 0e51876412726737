// jrng bench, part 2: the JRNG methods people call most, next to NumPy's
// default_rng (timed in the same run by python3, when it has numpy) and
// jax-js's random where it has the same call. Run by scripts/bench.mjs.
//
// Each figure is the median of about RUNS timed calls (in three rounds that
// alternate NumPy and JRNG, so both see the same load), in million values per
// second; "vs NumPy" is JRNG's rate over NumPy's. JRNG's
// time includes making the jax-js array (one copy of the result). Also
// measured: raw `bits` on two threads (worker_threads, each filling a slice
// of one SharedArrayBuffer) and the first call of a fresh process.
// Nothing here asserts a speed; see docs/performance.md.

import { execFileSync } from "node:child_process";
import { Worker } from "node:worker_threads";

const N = 10_000_000;
const CALLS = [
  // [method, description, JRNG call, NumPy call, jax-js call or null, values per call]
  [
    "random",
    "random(1e7), float32",
    (r) => r.random([N]),
    `rng.random(${N}, dtype=np.float32)`,
    "uniform",
    N,
  ],
  [
    "uniform",
    "uniform(-2, 3, 1e7)",
    (r) => r.uniform(-2, 3, [N]),
    `rng.uniform(-2, 3, ${N})`,
    null,
    N,
  ],
  [
    "standardNormal",
    "standardNormal(1e7), float32",
    (r) => r.standardNormal([N]),
    `rng.standard_normal(${N}, dtype=np.float32)`,
    null,
    N,
  ],
  ["normal", "normal(1, 2, 1e7)", (r) => r.normal(1, 2, [N]), `rng.normal(1, 2, ${N})`, null, N],
  [
    "integers",
    "integers(0, 100, 1e7), int32",
    (r) => r.integers(0, 100, [N]),
    `rng.integers(0, 100, ${N}, dtype=np.int32)`,
    null,
    N,
  ],
  ["gamma", "gamma(2, 1, 1e5)", (r) => r.gamma(2, 1, [1e5]), "rng.gamma(2, 1, 100000)", null, 1e5],
  [
    "permutation",
    "permutation(1e6)",
    (r) => r.permutation(1e6),
    "rng.permutation(1000000)",
    null,
    1e6,
  ],
  [
    "choice",
    "choice(1000, 1e6)",
    (r) => r.choice(1000, [1e6]),
    "rng.choice(1000, 1000000)",
    null,
    1e6,
  ],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds of each of `runs` calls after `warmup` untimed ones (each result disposed). */
function timeCalls(call, runs, warmup) {
  for (let i = 0; i < warmup; i++) call().dispose();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const out = call();
    ms.push(performance.now() - start);
    out.dispose();
  }
  return ms;
}

/** NumPy's milliseconds of each of `runs` calls, by call, or an error without python3 + numpy. */
function numpyTimes(runs, warmup) {
  const script = `
import json, time, numpy as np
rng = np.random.default_rng(0)
calls = ${JSON.stringify(CALLS.map(([id, , , numpyCall]) => [id, numpyCall]))}
out = {"numpy": np.__version__}
for name, code in calls:
    f = eval("lambda: " + code)
    for _ in range(${warmup}): f()
    ms = []
    for _ in range(${runs}):
        t = time.perf_counter(); f(); ms.append((time.perf_counter() - t) * 1e3)
    out[name] = ms
print(json.dumps(out))
`;
  try {
    return JSON.parse(execFileSync("python3", ["-c", script], { encoding: "utf8" }));
  } catch (error) {
    return { error: String(error.message).split("\n")[0] };
  }
}

/** jax-js's median milliseconds for `uniform` / `bits` of N elements (synchronous readback). */
function jaxJsTimes(jax, runs, warmup) {
  const key = jax.random.key(0);
  const calls = {
    uniform: () => jax.random.uniform(key.ref, [N]).dataSync(),
    bits: () => jax.random.bits(key.ref, [N]).dataSync(),
  };
  const out = {};
  for (const [name, call] of Object.entries(calls)) {
    for (let i = 0; i < warmup; i++) call();
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      call();
      ms.push(performance.now() - start);
    }
    out[name] = median(ms);
  }
  key.dispose();
  return out;
}

/** Raw partitionable bits on `threads` worker threads, each filling one slice of a shared buffer. */
async function threadedBits(threads, total, runs) {
  const coreUrl = new URL("../packages/core/dist/internal.js", import.meta.url).href;
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    import(${JSON.stringify(coreUrl)}).then(({ fillBits }) => {
      const { buffer, start, end, total } = workerData;
      parentPort.on("message", () => {
        const t = performance.now();
        fillBits(1, 2, new Uint32Array(buffer, 4 * start, end - start), true, start, total);
        parentPort.postMessage(performance.now() - t);
      });
      parentPort.postMessage("ready");
    });`;
  const buffer = new SharedArrayBuffer(4 * total);
  const workers = [];
  for (let t = 0; t < threads; t++) {
    const start = Math.floor((t * total) / threads);
    const end = Math.floor(((t + 1) * total) / threads);
    const worker = new Worker(source, { eval: true, workerData: { buffer, start, end, total } });
    await new Promise((resolve) => worker.once("message", resolve));
    workers.push(worker);
  }
  const ms = [];
  for (let run = 0; run < runs + 1; run++) {
    const start = performance.now();
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            worker.once("message", resolve);
            worker.postMessage("go");
          }),
      ),
    );
    if (run > 0) ms.push(performance.now() - start);
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
  return median(ms);
}

/**
 * The first `random([1e6])` of a fresh process, import excluded, in ms (median
 * of 5 processes): as a user meets it, and after jax-js has made one array
 * (its own start-up: the remainder is JRNG's, kernel compile and worker start
 * included).
 */
function firstCall(nodeFlags) {
  const urls = {
    jrng: new URL("../packages/jrng/dist/index.js", import.meta.url).href,
    jax: import.meta.resolve("@jax-js/jax"),
  };
  const source = (warmJax) => `
    const { JRNG } = await import(${JSON.stringify(urls.jrng)});
    const jax = await import(${JSON.stringify(urls.jax)});
    if (${warmJax}) jax.numpy.zeros([1]).dispose();
    const start = performance.now();
    const x = new JRNG(0).random([1e6]);
    const ms = performance.now() - start;
    x.dispose();
    console.log(ms);`;
  const measure = (warmJax) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const output = execFileSync(
        process.execPath,
        [...nodeFlags, "--input-type=module", "-e", source(warmJax)],
        {
          encoding: "utf8",
        },
      );
      times.push(Number(output));
    }
    return median(times);
  };
  return { coldMs: measure(false), afterJaxJsMs: measure(true) };
}

/**
 * Run the method benchmark and print its table (or return rows as JSON).
 * `nodeFlags` go to the fresh processes of the first-call measurement (the
 * V8 flags this process runs with).
 */
export async function benchMethods({ runs, warmup, json, nodeFlags = [] }) {
  const [{ JRNG }, jax] = await Promise.all([
    import("../packages/jrng/dist/index.js"),
    import("@jax-js/jax"),
  ]);
  const rng = new JRNG(0);
  // Rounds alternate NumPy and JRNG, so that both see the same machine load;
  // each figure is the median over all rounds' calls.
  const numpySamples = {};
  const jrngSamples = {};
  let numpy = {};
  const rounds = 3;
  const perRound = Math.max(1, Math.ceil(runs / rounds));
  for (let round = 0; round < rounds; round++) {
    numpy = numpyTimes(perRound, warmup);
    for (const [id, , call] of CALLS) {
      if (Array.isArray(numpy[id])) (numpySamples[id] ??= []).push(...numpy[id]);
      (jrngSamples[id] ??= []).push(...timeCalls(() => call(rng), perRound, warmup));
    }
  }
  const jaxJs = jaxJsTimes(jax, runs, warmup);
  const rows = CALLS.map(([id, label, , , jaxJsCall, values]) => {
    const ms = median(jrngSamples[id]);
    const row = { id, label, values, ms, mPerS: values / ms / 1e3 };
    if (numpySamples[id]) {
      const numpyMs = median(numpySamples[id]);
      row.numpyMPerS = values / numpyMs / 1e3;
      row.vsNumpy = numpyMs / ms;
    }
    if (jaxJsCall) row.jaxJsMPerS = values / jaxJs[jaxJsCall] / 1e3;
    return row;
  });
  const bitsTotal = 2 ** 24;
  const threads = {
    oneThreadMPerS: bitsTotal / (await threadedBits(1, bitsTotal, runs)) / 1e3,
    twoThreadsMPerS: bitsTotal / (await threadedBits(2, bitsTotal, runs)) / 1e3,
    jaxJsBitsMPerS: N / jaxJs.bits / 1e3,
  };
  const first = firstCall(nodeFlags);
  const result = { numpy: numpy.numpy ?? numpy.error, rows, threads, firstCallMs: first };
  if (!json) printMethods(result, runs, warmup);
  return result;
}

/** Print the method table of {@link benchMethods}. */
export function printMethods(result, runs, warmup) {
  const { rows, threads, firstCallMs: first } = result;
  const pad = (text, width) => String(text).padStart(width);
  const fixed = (x, digits = 1) => (x === undefined ? "-" : x.toFixed(digits));
  console.log(
    `\nJRNG methods, million values per second (median of about ${runs} calls in 3 rounds ` +
      `alternating with NumPy ${result.numpy} default_rng, after ${warmup} warm-up calls per round; ` +
      `jax-js on its wasm device)`,
  );
  console.log(
    `  ${"call".padEnd(32)}${pad("JRNG ms", 10)}${pad("JRNG", 9)}${pad("NumPy", 9)}` +
      `${pad("vs NumPy", 10)}${pad("jax-js", 9)}`,
  );
  for (const row of rows) {
    console.log(
      `  ${row.label.padEnd(32)}${pad(fixed(row.ms), 10)}${pad(fixed(row.mPerS), 9)}` +
        `${pad(fixed(row.numpyMPerS), 9)}${pad(row.vsNumpy === undefined ? "-" : fixed(row.vsNumpy, 2) + "x", 10)}` +
        `${pad(fixed(row.jaxJsMPerS), 9)}`,
    );
  }
  console.log(
    `\nbits, partitionable, 2^24 uint32 in one SharedArrayBuffer (worker_threads, one slice each): ` +
      `1 thread ${fixed(threads.oneThreadMPerS)} M/s, 2 threads ${fixed(threads.twoThreadsMPerS)} M/s ` +
      `(jax-js bits: ${fixed(threads.jaxJsBitsMPerS)} M/s)`,
  );
  console.log(
    `first JRNG random([1e6]) of a fresh process (import excluded): ${fixed(first.coldMs)} ms; ` +
      `${fixed(first.afterJaxJsMs)} ms once jax-js has made one array`,
  );
}
