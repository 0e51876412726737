// jrng on WebGPU: what a JRNG call costs on device "webgpu" (the @jrng/webgpu kernel writing into
// a jax-js webgpu array) against the same call on the CPU (@jrng/core, then np.array onto jax-js's
// default device), and what the array hand-over alone costs (np.zeros on webgpu + gpuBufferSync,
// no kernel). Every timing waits for the result (`await x.blockUntilReady()`), nothing reads back.
//
//   eval "$(bash scripts/setup-software-vulkan.sh)"; node scripts/bench-jrng-webgpu.mjs [--runs N]
//
// Medians of --runs timed runs (default 5) after one untimed run.
const at = process.argv.indexOf("--runs");
const RUNS = at === -1 ? 5 : Number(process.argv[at + 1]);
const SIZES = [2 ** 16, 2 ** 20, 2 ** 22];

const { JRNG } = await import("../packages/jrng/dist/index.js");
const jax = await import("@jax-js/jax");
let gpu;
try {
  gpu = await JRNG.create(2024, { device: "webgpu" });
} catch (error) {
  console.error(`bench-jrng-webgpu: ${error.message}`);
  process.exit(2);
}
const cpu = new JRNG(2024);
const info = jax.getWebGPUDevice().adapterInfo ?? {};
console.log(
  `adapter: ${info.vendor ?? "?"} / ${info.architecture ?? "?"} / ${info.description ?? "?"}; ` +
    `jax-js default device ${jax.defaultDevice()}; Node ${process.versions.node}`,
);

async function median(fn) {
  await fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return times[Math.floor(times.length / 2)];
}

const CALLS = {
  random: (r, n) => r.random(n),
  standardNormal: (r, n) => r.standardNormal(n),
  integers: (r, n) => r.integers(0, 1000, n),
};
const rows = [];
for (const n of SIZES) {
  const handOver = await median(async () => {
    const x = jax.numpy.zeros([n], { dtype: jax.DType.Float32, device: "webgpu" });
    x.ref.gpuBufferSync();
    await x.blockUntilReady();
    x.dispose();
  });
  rows.push({ call: "hand-over only (zeros + gpuBufferSync)", n, webgpu: handOver, cpu: NaN });
  for (const [name, call] of Object.entries(CALLS)) {
    const time = (rng) =>
      median(async () => {
        const x = call(rng, n);
        await x.blockUntilReady();
        x.dispose();
      });
    rows.push({ call: name, n, webgpu: await time(gpu), cpu: await time(cpu) });
  }
}
const rate = (ms, n) => (Number.isNaN(ms) ? "" : ((n / ms) * 1e-3).toFixed(1));
console.log("| call | n | webgpu ms | webgpu M/s | cpu ms | cpu M/s |");
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const cpuMs = Number.isNaN(r.cpu) ? "" : r.cpu.toFixed(1);
  console.log(
    `| ${r.call} | 2^${Math.log2(r.n)} | ${r.webgpu.toFixed(1)} | ${rate(r.webgpu, r.n)} | ${cpuMs} | ${rate(r.cpu, r.n)} |`,
  );
}
process.exit(0);
