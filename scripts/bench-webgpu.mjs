// jrng WebGPU bench: @jrng/webgpu's bits, uniform and normal at 2^22 and 2^24 float32/uint32
// elements, GPU-only and with read-back, next to @jrng/core on the CPU in the same run.
//
//   npm run bench:webgpu                (builds, sets up SwiftShader if there is no GPU driver)
//   node scripts/bench-webgpu.mjs [--runs N] [--warmup N] [--json]
//
// "gpu only": dispatch + queue.onSubmittedWorkDone() (the result stays in a GPUBuffer);
// "with read-back": the same plus copying the buffer to a mapped staging buffer and into a typed
// array; "cpu": @jrng/core (bitsInto into a pooled buffer for bits, uniform()/normal() for floats).
// Medians of --runs timed runs (default 5) after --warmup untimed ones (default 1). The adapter is
// printed first: on a software adapter (SwiftShader, lavapipe) these are CPU numbers in disguise.
import os from "node:os";

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench-webgpu: ${name} takes a positive integer, got ${process.argv[at + 1]}`);
    process.exit(2);
  }
  return value;
}
const RUNS = option("--runs", 5);
const WARMUP = option("--warmup", 1);
const json = process.argv.includes("--json");
const SIZES = [2 ** 22, 2 ** 24];

let core, webgpu;
try {
  core = await import("../packages/core/dist/index.js");
  webgpu = await import("../packages/webgpu/dist/index.js");
} catch (error) {
  console.error(`bench-webgpu: cannot load packages/*/dist (${error.message}); run npm run build.`);
  process.exit(2);
}
const probe = await webgpu.tryCreateWebGPURandom();
if (!probe.ok) {
  console.error(`bench-webgpu: no WebGPU adapter: ${probe.reason}`);
  process.exit(2);
}
const rng = probe.random;
const a = rng.adapter;
const KEY = core.key(2024);

async function median(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

const rows = [];
for (const n of SIZES) {
  const pool = new Uint32Array(n);
  const ops = {
    bits: {
      gpu: (p) => rng.bits(KEY, n, p),
      cpu: (p) => core.bitsInto(KEY, pool, { partitionable: p }),
    },
    uniform: {
      gpu: (p) => rng.uniform(KEY, n, 0, 1, p),
      cpu: (p) => core.uniform(KEY, [n], "float32", 0, 1, { partitionable: p }),
    },
    normal: {
      gpu: (p) => rng.normal(KEY, n, p),
      cpu: (p) => core.normal(KEY, [n], "float32", { partitionable: p }),
    },
  };
  for (const [op, f] of Object.entries(ops)) {
    for (const p of [true, false]) {
      const gpuOnly = await median(async () => {
        const b = f.gpu(p);
        await rng.sync();
        b.destroy();
      });
      const readBack = await median(async () => {
        const b = f.gpu(p);
        await rng.read(b);
        b.destroy();
      });
      const cpu = await median(async () => f.cpu(p));
      const rate = (ms) => n / ms / 1e3; // M elements/s
      rows.push({
        op,
        mode: p ? "partitionable" : "legacy",
        n,
        gpuOnlyMs: gpuOnly,
        readBackMs: readBack,
        cpuMs: cpu,
        gpuOnlyM: rate(gpuOnly),
        readBackM: rate(readBack),
        cpuM: rate(cpu),
      });
    }
  }
}

const header = {
  adapter: a,
  cpu: os.cpus()[0]?.model,
  cores: os.cpus().length,
  node: process.version,
  runs: RUNS,
};
if (json) {
  console.log(JSON.stringify({ ...header, rows }, null, 2));
} else {
  console.log(
    `adapter: vendor=${a.vendor} architecture=${a.architecture} device=${a.device} ` +
      `description="${a.description}"${a.isFallbackAdapter ? " (fallback adapter)" : ""}`,
  );
  if (/swiftshader|llvmpipe|lavapipe/i.test(`${a.architecture} ${a.device} ${a.description}`)) {
    console.log("NOTE: software adapter: the 'GPU' columns run on this machine's CPU cores.");
  }
  console.log(
    `host: ${header.cpu}, ${header.cores} cores, Node ${header.node}; medians of ${RUNS} runs`,
  );
  console.log("M elements/s (ms per call)");
  console.log(
    "op       mode           n          gpu only           with read-back     cpu (@jrng/core)",
  );
  for (const r of rows) {
    const cell = (m, ms) => `${m.toFixed(1).padStart(7)} (${ms.toFixed(1).padStart(7)})`.padEnd(19);
    console.log(
      `${r.op.padEnd(8)} ${r.mode.padEnd(14)} 2^${Math.log2(r.n)}       ${cell(r.gpuOnlyM, r.gpuOnlyMs)}${cell(
        r.readBackM,
        r.readBackMs,
      )}${cell(r.cpuM, r.cpuMs)}`,
    );
  }
}
rng.destroy();
