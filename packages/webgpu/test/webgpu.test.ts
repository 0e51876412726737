// @jrng/webgpu against @jrng/core (our own reference implementation, not JAX's printed values:
// @jrng/core's agreement with JAX is tested in packages/core/test). Needs a WebGPU adapter; on a
// machine without one every GPU test is skipped with the reason. Run with a software adapter:
//   npm run test:webgpu   (sets up SwiftShader and VK_ICD_FILENAMES, vitest.webgpu.config.ts)
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bits, key, normal, randint, uniform } from "@jrng/core";
import {
  compileKernel,
  NORMAL_ULP_BOUND,
  transformWords,
  tryCreateWebGPURandom,
  WebGPUKernelError,
  type WebGPURandom,
} from "@jrng/webgpu";
import { erfInvFloat32 } from "../../core/src/erf-inv.js";
import { f32, fmaF32, nextAfterFloat32 } from "@jrng/core/internal";
import { probeAdapter } from "./support/adapter.js";

const adapter = probeAdapter();
const probe = adapter.ok ? await tryCreateWebGPURandom() : adapter;
const gpu: WebGPURandom | undefined = probe.ok ? probe.random : undefined;
if (!probe.ok) {
  // stdout: a skip is not a failure (a passing npm test writes nothing to stderr).
  console.log(
    `@jrng/webgpu: GPU tests skipped: ${probe.reason}\n` +
      "  Run `npm run test:webgpu` to set up a software Vulkan adapter (SwiftShader) and run them.",
  );
} else {
  const a = probe.random.adapter!;
  console.info(
    `@jrng/webgpu: adapter ${a.vendor} / ${a.architecture} / ${a.device} / ${a.description}`,
  );
}
afterAll(() => gpu?.destroy());

const BIG = 2 ** 22 + 1; // ≥ 2^22 elements, odd (legacy padding)
const ODD_LENGTHS = [0, 1, 2, 3, 255, 256, 257, 1001, 65537];
const MODES = [true, false] as const;
const K = key(20260125);

/** Index of the first difference, or -1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return i;
  return -1;
}

/** Float32 values as bits, compared bit for bit (so -0 ≠ +0). */
function asBits(x: Float32Array): Uint32Array {
  return new Uint32Array(x.buffer, x.byteOffset, x.length);
}

function ordered(bitsWord: number): number {
  return bitsWord & 0x80000000 ? -(bitsWord & 0x7fffffff) : bitsWord;
}

/** Largest float32 ULP distance between two arrays, and where. */
function maxUlp(a: Float32Array, b: Float32Array): { ulp: number; index: number } {
  const x = asBits(a);
  const y = asBits(b);
  let ulp = 0;
  let index = -1;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(ordered(x[i]) - ordered(y[i]));
    if (d > ulp) {
      ulp = d;
      index = i;
    }
  }
  return { ulp, index };
}

const describeGpu = gpu ? describe : describe.skip;
const mode = (p: boolean) => (p ? "partitionable" : "legacy");

describeGpu("bits on WebGPU equal @jrng/core", () => {
  for (const p of MODES) {
    it(`uint32, ${mode(p)}, 2^22 + 1 elements`, async () => {
      const got = await gpu!.read(gpu!.bits(K, BIG, p));
      const want = bits(K, [BIG], "uint32", { partitionable: p }).data;
      expect(firstDifference(got, want)).toBe(-1);
    });
    for (const dtype of ["uint32", "uint16", "uint8"] as const) {
      it(`${dtype}, ${mode(p)}, lengths ${ODD_LENGTHS.join(", ")} and 2^20 + 3`, async () => {
        for (const n of [...ODD_LENGTHS, 2 ** 20 + 3]) {
          const got = await gpu!.read(gpu!.bits(K, n, p, { dtype }));
          const want = bits(K, [n], dtype, { partitionable: p }).data;
          expect(got.constructor).toBe(want.constructor);
          expect([n, firstDifference(got, want as ArrayLike<number>)]).toEqual([n, -1]);
        }
      });
    }
  }
});

describeGpu("uniform on WebGPU equals @jrng/core bit for bit", () => {
  const ranges: [number, number][] = [
    [0, 1],
    [-3.5, 7.25],
    [1e-3, 1e7],
    [-0.1, 0.1 + 2 ** -20],
  ];
  for (const p of MODES) {
    it(`${mode(p)}, 2^22 + 1 elements, [0, 1)`, async () => {
      const got = await gpu!.read(gpu!.uniform(K, BIG, 0, 1, p));
      const want = uniform(K, [BIG], "float32", 0, 1, { partitionable: p }).data as Float32Array;
      expect(firstDifference(asBits(got as Float32Array), asBits(want))).toBe(-1);
    });
    it(`${mode(p)}, 2^22 + 1 elements, ranges where a fused multiply-add would differ`, async () => {
      for (const [lo, hi] of ranges) {
        const got = (await gpu!.read(gpu!.uniform(K, BIG, lo, hi, p))) as Float32Array;
        const want = uniform(K, [BIG], "float32", lo, hi, { partitionable: p })
          .data as Float32Array;
        expect([lo, hi, firstDifference(asBits(got), asBits(want))]).toEqual([lo, hi, -1]);
      }
    });
    it(`${mode(p)}, odd lengths`, async () => {
      for (const n of ODD_LENGTHS) {
        const got = (await gpu!.read(gpu!.uniform(K, n, -2, 3, p))) as Float32Array;
        const want = uniform(K, [n], "float32", -2, 3, { partitionable: p }).data as Float32Array;
        expect([n, firstDifference(asBits(got), asBits(want))]).toEqual([n, -1]);
      }
    });
  }
  it("every one of the 2^23 unit floats, scaled to [-3.5, 7.25), as @jrng/core computes it", async () => {
    const words = new Uint32Array(2 ** 23).map((_, k) => k << 9);
    const got = await transformWords(gpu!, "uniform", words, -3.5, 7.25);
    const lo = f32(-3.5);
    const scale = f32(f32(7.25) - lo);
    // XLA:CPU (and so @jrng/core) fuses u · scale + lo into one FMA.
    const want = Float32Array.from(words, (w) =>
      Math.max(lo, fmaF32((w >>> 9) * 2 ** -23, scale, lo)),
    );
    expect(firstDifference(asBits(got), asBits(want))).toBe(-1);
  });
});

describeGpu("randint on WebGPU equals @jrng/core", () => {
  const bounds: [number | bigint, number | bigint][] = [
    [0, 10],
    [-7, 1000003],
    [-(2 ** 31), 2 ** 31], // maxval above int32 max: the widened, full span
    [-(2 ** 31), 2 ** 31 - 1],
    [5, 5], // empty: always minval
    [9, 3],
    [-(2n ** 40n), 2n ** 40n], // clipped to int32
    [0, 3 * 2 ** 29 + 17], // a span above 2^31
  ];
  for (const p of MODES) {
    it(`${mode(p)}, 2^22 + 1 elements`, async () => {
      const got = await gpu!.read(gpu!.randint(K, BIG, -100, 2 ** 30 + 5, p));
      const want = randint(K, [BIG], -100, 2 ** 30 + 5, "int32", { partitionable: p }).data;
      expect(firstDifference(got, want as Int32Array)).toBe(-1);
    });
    it(`${mode(p)}, edge bounds and odd lengths`, async () => {
      for (const [lo, hi] of bounds) {
        for (const n of [1, 3, 1001, 65537]) {
          const got = await gpu!.read(gpu!.randint(K, n, lo, hi, p));
          const want = randint(K, [n], lo, hi, "int32", { partitionable: p }).data;
          expect([String(lo), String(hi), n, firstDifference(got, want as Int32Array)]).toEqual([
            String(lo),
            String(hi),
            n,
            -1,
          ]);
        }
      }
    });
  }
});

describeGpu(`normal on WebGPU equals @jrng/core (NORMAL_ULP_BOUND = ${NORMAL_ULP_BOUND})`, () => {
  for (const p of MODES) {
    it(`${mode(p)}, 2^22 + 1 elements`, async () => {
      const got = (await gpu!.read(gpu!.normal(K, BIG, p))) as Float32Array;
      const want = normal(K, [BIG], "float32", { partitionable: p }).data as Float32Array;
      const { ulp, index } = maxUlp(got, want);
      console.info(`normal ${mode(p)}: max ${ulp} ULP over ${BIG} elements (at ${index})`);
      expect(ulp).toBeLessThanOrEqual(NORMAL_ULP_BOUND);
    });
  }
  it("every one of the 2^23 inputs the sampler can produce (exhaustive)", async () => {
    const words = new Uint32Array(2 ** 23).map((_, k) => k << 9);
    const got = await transformWords(gpu!, "normal", words);
    const lo = nextAfterFloat32(-1, 0);
    const sqrt2 = f32(Math.SQRT2);
    const want = Float32Array.from(words, (w) => {
      const u = Math.max(lo, fmaF32((w >>> 9) * 2 ** -23, 2, lo));
      return f32(sqrt2 * erfInvFloat32(u));
    });
    const { ulp, index } = maxUlp(got, want);
    let differing = 0;
    for (let i = 0; i < got.length; i++) if (got[i] !== want[i]) differing++;
    console.info(
      `normal exhaustive: max ${ulp} ULP (input word ${words[index]}, gpu ${got[index]}, core ${want[index]}); ` +
        `${differing} of ${got.length} differ`,
    );
    expect([ulp, differing]).toEqual([0, 0]);
  });
});

describeGpu("errors are exceptions, never silent zeros", () => {
  it("a WGSL kernel that does not compile throws WebGPUKernelError with the compiler's message", async () => {
    const broken = "@compute @workgroup_size(1) fn main() { let x: u32 = undefined_name + 1u; }";
    await expect(compileKernel(gpu!.device, broken, "broken")).rejects.toThrow(WebGPUKernelError);
    await expect(compileKernel(gpu!.device, broken, "broken")).rejects.toThrow(/undefined_name/);
  });
  it("a kernel with a bad binding (validation error) throws", async () => {
    const bad =
      "@group(0) @binding(0) var<storage, read_write> o: array<u32>;\n" +
      "@compute @workgroup_size(99999) fn main() { o[0] = 1u; }";
    await expect(compileKernel(gpu!.device, bad, "too-big-workgroup")).rejects.toThrow(
      WebGPUKernelError,
    );
  });
  it("writing into a destroyed buffer rejects in read()/sync()", async () => {
    const out = gpu!.device.createBuffer({ size: 1024, usage: 0x80 | 0x04 });
    out.destroy();
    gpu!.uniform(K, 16, 0, 1, true, { out });
    await expect(gpu!.sync()).rejects.toThrow(WebGPUKernelError);
  });
  it("an output buffer without STORAGE usage or too small is refused at once", () => {
    const noStorage = gpu!.device.createBuffer({ size: 1024, usage: 0x04 | 0x08 });
    expect(() => gpu!.bits(K, 16, true, { out: noStorage })).toThrow(/STORAGE/);
    const small = gpu!.device.createBuffer({ size: 16, usage: 0x80 });
    expect(() => gpu!.bits(K, 16, true, { out: small })).toThrow(/bytes/);
  });
  it("writes into a caller's buffer at an offset", async () => {
    const out = gpu!.device.createBuffer({ size: 4096, usage: 0x80 | 0x04 | 0x08 });
    expect(gpu!.bits(K, 100, false, { out, byteOffset: 256 })).toBe(out);
    expect(Array.from(await gpu!.read(out))).toEqual(
      Array.from(bits(K, [100], "uint32", { partitionable: false }).data),
    );
  });
});

describe("no adapter", () => {
  it("createWebGPURandom() rejects with WebGPUUnavailableError saying why; tryCreate signals fallback", () => {
    const script = `
      import { createWebGPURandom, tryCreateWebGPURandom } from "@jrng/webgpu";
      const t = await tryCreateWebGPURandom();
      try { await createWebGPURandom(); console.log(JSON.stringify({ t: t.ok })); }
      catch (e) { console.log(JSON.stringify({ t: t.ok, name: e.name, message: e.message })); }`;
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
    expect(result.t).toBe(false);
    expect(result.name).toBe("WebGPUUnavailableError");
    expect(result.message).toMatch(/no WebGPU adapter/);
    expect(result.message).toMatch(/Vulkan/);
  });
});
