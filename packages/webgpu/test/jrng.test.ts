// JRNG on device "webgpu" against JRNG on the CPU, end to end: the same calls on the same seed
// give the same arrays (bit for bit; normal samples within NORMAL_ULP_BOUND float32 ULP) and
// leave the same state. Needs a WebGPU adapter that jax-js can use; without one the GPU tests
// are skipped with the reason. Run with a software adapter: npm run test:webgpu.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import type { Array as JaxArray } from "@jax-js/jax";
import { JRNG, type JRNGOptions, type StreamKind } from "jrng";
import { bits } from "@jrng/core";
import { NORMAL_ULP_BOUND } from "@jrng/webgpu";
// The backend module JRNG uses (the package's dist, the same module instance as "jrng").
import { webgpuBackend } from "../../jrng/dist/webgpu.js";
import { probeAdapter } from "./support/adapter.js";

const adapter = probeAdapter();
let skipReason = adapter.ok ? "" : adapter.reason;
try {
  if (adapter.ok) await JRNG.create(0, { device: "webgpu" });
} catch (error) {
  skipReason = (error as { reason?: string }).reason ?? String(error);
}
if (skipReason !== "") {
  // stdout: a skip is not a failure (a passing npm test writes nothing to stderr).
  console.log(
    `jrng on WebGPU: GPU tests skipped: ${skipReason}\n` +
      "  Run `npm run test:webgpu` to set up a software Vulkan adapter (SwiftShader) and run them.",
  );
}
const describeGpu = skipReason === "" ? describe : describe.skip;

type Values = Float32Array | Int32Array | Uint32Array;

/** The array's values (read asynchronously: in Node, jax-js cannot read webgpu arrays synchronously). */
async function read(array: JaxArray): Promise<Values> {
  return (await array.data()) as Values;
}

/** Float32 values as bits, so that -0 ≠ +0 and NaNs compare. */
function bitsOf(values: Values): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}

/** Largest float32 ULP distance. */
function maxUlp(a: Float32Array, b: Float32Array): number {
  const ordered = (w: number) => (w & 0x80000000 ? -(w & 0x7fffffff) : w);
  const x = bitsOf(a);
  const y = bitsOf(b);
  let ulp = 0;
  for (let i = 0; i < x.length; i++) ulp = Math.max(ulp, Math.abs(ordered(x[i]) - ordered(y[i])));
  return ulp;
}

/** Index of the first bitwise difference, or -1. */
function firstDifference(a: Values, b: Values): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = bitsOf(a);
  const y = bitsOf(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

interface Call {
  name: string;
  call: (rng: JRNG) => JaxArray;
  /** True when the call is one the GPU computes (see JRNGOptions.device). */
  accelerated: boolean;
  /** Normal samples: compared within NORMAL_ULP_BOUND instead of bit for bit. */
  normal?: boolean;
}

const CALLS: Call[] = [
  { name: "random()", call: (r) => r.random(), accelerated: true },
  { name: "random([3, 5])", call: (r) => r.random([3, 5]), accelerated: true },
  { name: "random(1001)", call: (r) => r.random(1001), accelerated: true },
  { name: "uniform(-2, 3, 257)", call: (r) => r.uniform(-2, 3, 257), accelerated: true },
  {
    name: "uniform(1e-3, 1e7, [2, 3])",
    call: (r) => r.uniform(1e-3, 1e7, [2, 3]),
    accelerated: true,
  },
  {
    name: "uniform([0, 1], 5, [4, 2]) (array bounds: CPU)",
    call: (r) => r.uniform([0, 1], 5, [4, 2]),
    accelerated: false,
  },
  {
    name: "random(7, float64) (CPU)",
    call: (r) => r.random(7, { dtype: "float64" }),
    accelerated: false,
  },
  {
    name: "standardNormal(65537)",
    call: (r) => r.standardNormal(65537),
    accelerated: true,
    normal: true,
  },
  {
    name: "standardNormal([3, 3])",
    call: (r) => r.standardNormal([3, 3]),
    accelerated: true,
    normal: true,
  },
  {
    name: "normal(0, 1, 1001)",
    call: (r) => r.normal(0, 1, 1001),
    accelerated: true,
    normal: true,
  },
  { name: "normal(2, 3, 9) (loc/scale: CPU)", call: (r) => r.normal(2, 3, 9), accelerated: false },
  { name: "integers(-5, 100, 1001)", call: (r) => r.integers(-5, 100, 1001), accelerated: true },
  {
    name: "integers(10, null, [2, 3])",
    call: (r) => r.integers(10, null, [2, 3]),
    accelerated: true,
  },
  {
    name: "integers(-2^31, 2^31 - 1, 999, endpoint)",
    call: (r) => r.integers(-(2 ** 31), 2 ** 31 - 1, 999, { endpoint: true }),
    accelerated: true,
  },
  {
    name: "integers(0, 3·2^29 + 17, 33)",
    call: (r) => r.integers(0, 3 * 2 ** 29 + 17, 33),
    accelerated: true,
  },
  {
    name: "integers(-2^31, 2^31, 17) (the full int32 range)",
    call: (r) => r.integers(-(2 ** 31), 2 ** 31, 17),
    accelerated: true,
  },
  {
    name: "integers([0, 5], 9, [3, 2]) (array bounds: CPU)",
    call: (r) => r.integers([0, 5], 9, [3, 2]),
    accelerated: false,
  },
  {
    name: "integers(0, 9, 4, uint32) (CPU)",
    call: (r) => r.integers(0, 9, 4, { dtype: "uint32" }),
    accelerated: false,
  },
  { name: "exponential(2, 5) (CPU)", call: (r) => r.exponential(2, 5), accelerated: false },
  { name: "random(0) (empty: CPU)", call: (r) => r.random(0), accelerated: false },
];

const CONFIGS: { stream: StreamKind; partitionable: boolean }[] = [
  { stream: "split", partitionable: true },
  { stream: "split", partitionable: false },
  { stream: "fold_in", partitionable: true },
  { stream: "fold_in", partitionable: false },
];

const label = (o: JRNGOptions) => `${o.stream}, ${o.partitionable ? "partitionable" : "legacy"}`;

describeGpu("JRNG on webgpu equals JRNG on the CPU", () => {
  for (const options of CONFIGS) {
    it(`every method, ${label(options)}: same values, same state`, async () => {
      const gpu = await JRNG.create(20260125, { ...options, device: "webgpu" });
      const cpu = new JRNG(20260125, options);
      expect(gpu.device).toBe("webgpu");
      expect(cpu.device).toBe("cpu");
      const backend = await webgpuBackend();
      const draw = vi.spyOn(backend, "draw");
      try {
        for (const { name, call, accelerated, normal } of CALLS) {
          draw.mockClear();
          const g = call(gpu);
          const c = call(cpu);
          // A draw the GPU computed returns its array; otherwise draw was not called or declined.
          const computedOnGpu = draw.mock.results.some((r) => r.value !== undefined);
          expect([name, computedOnGpu]).toEqual([name, accelerated]);
          expect([name, g.shape]).toEqual([name, c.shape]);
          expect([name, g.dtype]).toEqual([name, c.dtype]);
          if (c.dtype !== "float64") expect([name, g.device]).toEqual([name, "webgpu"]);
          const [gv, cv] = [await read(g), await read(c)];
          if (normal) {
            const ulp = maxUlp(gv as Float32Array, cv as Float32Array);
            expect([name, ulp <= NORMAL_ULP_BOUND]).toEqual([name, true]);
          } else {
            expect([name, firstDifference(gv, cv)]).toEqual([name, -1]);
          }
          expect([name, gpu.state]).toEqual([name, cpu.state]);
        }
        // Children share the device and continue the same streams.
        const [gChild] = gpu.spawn(1);
        const [cChild] = cpu.spawn(1);
        expect(gChild.device).toBe("webgpu");
        expect(firstDifference(await read(gChild.random(33)), await read(cChild.random(33)))).toBe(
          -1,
        );
        expect(gpu.state).toEqual(cpu.state);
        expect(gChild.state).toEqual(cChild.state);
      } finally {
        draw.mockRestore();
      }
    });
  }

  it("2^20 + 3 elements: random, integers bit for bit, standardNormal within the bound", async () => {
    const n = 2 ** 20 + 3;
    for (const partitionable of [true, false]) {
      const gpu = await JRNG.create(7, { partitionable, device: "webgpu" });
      const cpu = new JRNG(7, { partitionable });
      expect(firstDifference(await read(gpu.random(n)), await read(cpu.random(n)))).toBe(-1);
      const [gi, ci] = [gpu.integers(-1000, 2 ** 30, n), cpu.integers(-1000, 2 ** 30, n)];
      expect(firstDifference(await read(gi), await read(ci))).toBe(-1);
      const [gn, cn] = [gpu.standardNormal(n), cpu.standardNormal(n)];
      const ulp = maxUlp((await read(gn)) as Float32Array, (await read(cn)) as Float32Array);
      expect(ulp).toBeLessThanOrEqual(NORMAL_ULP_BOUND);
      expect(gpu.state).toEqual(cpu.state);
    }
  });

  it("createFromKey and createFromState continue as the CPU generators do", async () => {
    const source = new JRNG(3, { stream: "fold_in" });
    source.random(5);
    const gpu = await JRNG.createFromState(source.state, { device: "webgpu" });
    const cpu = JRNG.fromState(source.state);
    expect(
      firstDifference(await read(gpu.uniform(-1, 1, 100)), await read(cpu.uniform(-1, 1, 100))),
    ).toBe(-1);
    expect(gpu.state).toEqual(cpu.state);
    const key = Uint32Array.of(1, 2);
    const gk = await JRNG.createFromKey(key, { partitionable: false, device: "webgpu" });
    const ck = JRNG.fromKey(key, { partitionable: false });
    expect(
      firstDifference(await read(gk.integers(0, 7, 99)), await read(ck.integers(0, 7, 99))),
    ).toBe(-1);
    expect(gk.state).toEqual(ck.state);
  });

  it("a call that throws consumes no key on either device", async () => {
    const gpu = await JRNG.create(5, { device: "webgpu" });
    const before = gpu.state;
    expect(() => gpu.integers(5, 5, 3)).toThrow(/low >= high/);
    expect(() => gpu.uniform(0, Infinity, 3)).toThrow(RangeError);
    expect(gpu.state).toEqual(before);
  });

  it("the backend's draw: bits (uint32) on the GPU; other dtypes, empty shapes declined", async () => {
    const backend = await webgpuBackend();
    const key = Uint32Array.of(0, 42);
    for (const partitionable of [true, false]) {
      const got = backend.draw!("bits", key, partitionable, [3, 7], "uint32", {})!;
      expect(got.shape).toEqual([3, 7]);
      expect(got.device).toBe("webgpu");
      const want = bits(key, [3, 7], "uint32", { partitionable }).data;
      expect(firstDifference(await read(got), want)).toBe(-1);
    }
    expect(backend.draw!("uniform", key, true, [4], "uint32", {})).toBeUndefined();
    expect(backend.draw!("normal", key, true, [0], "float32", {})).toBeUndefined();
  });
});

describe("device option errors and fallback (no GPU needed)", () => {
  it("the synchronous constructors refuse webgpu and auto, pointing to the async factories", () => {
    expect(() => new JRNG(1, { device: "webgpu" })).toThrow(TypeError);
    expect(() => new JRNG(1, { device: "webgpu" })).toThrow(/await JRNG\.create\(/);
    expect(() => new JRNG(1, { device: "auto" })).toThrow(/await JRNG\.create\(/);
    expect(() => JRNG.fromKey([0, 1], { device: "webgpu" })).toThrow(/await JRNG\.createFromKey\(/);
    expect(() => JRNG.fromState(new JRNG(1).state, { device: "auto" })).toThrow(
      /await JRNG\.createFromState\(/,
    );
    expect(() => new JRNG(1, { device: "gpu" as never })).toThrow(/"cpu", "webgpu" or "auto"/);
    expect(new JRNG(1, { device: "cpu" }).device).toBe("cpu");
  });

  it("without an adapter: auto falls back with one warning, webgpu throws with the reason", () => {
    const script = `
      import { JRNG } from "jrng";
      const warnings = [];
      console.warn = (...args) => warnings.push(args.join(" "));
      const auto = await JRNG.create(1, { device: "auto" });
      const same = Array.from(auto.random(4).dataSync()).join() === Array.from(new JRNG(1).random(4).dataSync()).join();
      let error = null;
      try { await JRNG.create(1, { device: "webgpu" }); }
      catch (e) { error = { name: e.name, message: e.message, reason: e.reason }; }
      console.log(JSON.stringify({ device: auto.device, warnings, same, error }));`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: {
        ...process.env,
        VK_ICD_FILENAMES: "/nonexistent/icd.json",
        VK_DRIVER_FILES: "/nonexistent/icd.json",
      },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const result = JSON.parse(output.trim().split("\n").pop()!);
    expect(result.device).toBe("cpu");
    expect(result.same).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^jrng: device "auto": WebGPU is not available/);
    expect(result.warnings[0]).toMatch(/no WebGPU adapter/);
    expect(result.error.name).toBe("WebGPUUnavailableError");
    expect(result.error.reason).toMatch(/no WebGPU adapter/);
    expect(result.error.message).toMatch(/Vulkan/);
  });
});
