import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import type { NdArray } from "@jrng/core";
import {
  createGenerator,
  loadVectorFiles,
  METHODS,
  runFunctionCall,
  runMethodCall,
  functionNames,
  type FunctionCall,
  type MethodCall,
} from "@jrng/vectors";
import {
  adapterFromFunctions,
  buildReport,
  formatJUnitReport,
  formatTerminalReport,
  ProcessAdapter,
  referenceAdapter,
  runConformance,
  runStatisticalTier,
  type Capabilities,
  type StatisticalResult,
} from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const SERVER = fileURLToPath(new URL("../adapters/reference-server.mjs", import.meta.url));
const files = loadVectorFiles(VECTORS).map(({ file }) => file);

const FULL: Capabilities = {
  name: "test",
  tiers: ["exact", "ulp", "statistical", "errors"],
  functions: functionNames(),
  methods: Object.keys(METHODS),
  modes: ["partitionable", "legacy"],
  streams: ["split", "fold_in"],
};

/** A reference adapter with one deliberate defect. */
function broken(
  name: string,
  defect: {
    callFunction?: (call: FunctionCall) => NdArray;
    callMethod?: (rng: ReturnType<typeof createGenerator>, call: MethodCall) => NdArray;
  },
) {
  return adapterFromFunctions({
    capabilities: { ...FULL, name },
    callFunction: defect.callFunction ?? runFunctionCall,
    createGenerator: (spec) => createGenerator({ generator: spec, calls: [] }),
    callMethod: defect.callMethod ?? runMethodCall,
  });
}

describe("the reference implementation", () => {
  it("passes every case in process", async () => {
    const { results } = await runConformance(referenceAdapter(), files);
    expect(results.filter((r) => r.status !== "passed")).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });

  it("passes every case over the JSON Lines protocol", async () => {
    const adapter = new ProcessAdapter(`node ${SERVER}`);
    try {
      const { capabilities, results } = await runConformance(adapter, files);
      expect(capabilities.name).toMatch(/reference/);
      expect(results.filter((r) => r.status !== "passed")).toEqual([]);
    } finally {
      await adapter.close();
    }
  }, 60_000);
});

describe("the runner catches broken implementations", () => {
  it("wrong threefry mode: bits in legacy mode whatever was asked", async () => {
    const adapter = broken("always legacy", {
      callFunction: (call) => runFunctionCall({ ...call, mode: "legacy" }),
    });
    const { results } = await runConformance(adapter, files, { filter: "bits/" });
    const failed = results.filter((r) => r.status === "failed");
    expect(failed.length).toBeGreaterThan(10);
    const legacyIds = new Set(
      files
        .flatMap((f) => f.groups.flatMap((g) => g.cases))
        .filter((c) => "mode" in c.call && c.call.mode === "legacy")
        .map((c) => c.id),
    );
    expect(failed.some((r) => legacyIds.has(r.id))).toBe(false);
    expect(failed[0].mismatch?.reason).toBe("integers differ");
  });

  it("floats a few ulp off: uniform nudged by 4 ulp", async () => {
    const adapter = broken("uniform off by 4 ulp", {
      callFunction: (call) => {
        const result = runFunctionCall(call);
        if (call.function !== "uniform" || result.dtype !== "float32") return result;
        const data = Float32Array.from(result.data as Float32Array);
        const bitsView = new Uint32Array(data.buffer);
        for (let i = 0; i < data.length; i++) if (data[i] > 0) bitsView[i] += 4;
        return { ...result, data } as NdArray;
      },
    });
    const { results } = await runConformance(adapter, files, { filter: "uniform/" });
    const failure = results.find((r) => r.status === "failed" && r.mismatch?.ulp === 4);
    expect(failure?.mismatch).toMatchObject({ ulp: 4, reason: "floats differ" });
    const report = formatTerminalReport(buildReport({ ...FULL, name: "x" }, VECTORS, results));
    expect(report).toMatch(/4 ulp/);
  });

  it("state advancing on error: a generator that draws before validating", async () => {
    const adapter = broken("advances on error", {
      callMethod: (rng, call) => {
        if (
          call.method !== "random" ||
          (call.args.size as number) >= 0 ||
          call.args.size === undefined
        ) {
          return runMethodCall(rng, call);
        }
        rng.key();
        return runMethodCall(rng, call);
      },
    });
    const { results } = await runConformance(adapter, files, { filter: "errors/generators" });
    const advanced = results.filter((r) => r.reason?.includes("state advanced on error"));
    expect(advanced.length).toBe(2);
  });

  it("accepting bad input: a key() that ignores the seed's range", async () => {
    const adapter = broken("lax seeds", {
      callFunction: (call) =>
        call.function === "key"
          ? { dtype: "uint32", shape: [2], data: Uint32Array.of(0, 0) }
          : runFunctionCall(call),
    });
    const { results } = await runConformance(adapter, files, { filter: "errors/functions" });
    expect(
      results.filter((r) => r.reason?.startsWith("accepted a call that must raise")).length,
    ).toBe(3);
  });

  it("skips what an implementation declares missing, and says why", async () => {
    const adapter = adapterFromFunctions({
      capabilities: {
        ...FULL,
        name: "bits only",
        functions: ["bits"],
        methods: [],
        streams: [],
        tiers: ["exact"],
      },
      callFunction: runFunctionCall,
      createGenerator: (spec) => createGenerator({ generator: spec, calls: [] }),
      callMethod: runMethodCall,
    });
    const { results } = await runConformance(adapter, files);
    expect(results.filter((r) => r.status === "failed")).toEqual([]);
    expect(results.find((r) => r.subject === "split" && r.tier === "exact")?.reason).toBe(
      "function split not implemented",
    );
    expect(results.find((r) => r.tier === "errors")?.reason).toBe("tier errors not claimed");
  });
});

describe("reports", () => {
  it("write JUnit XML with one suite per area", async () => {
    const { capabilities, results } = await runConformance(referenceAdapter(), files, {
      filter: "keys/",
    });
    const xml = formatJUnitReport(buildReport(capabilities, VECTORS, results));
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<testsuite name="keys"');
    expect(xml).toContain('failures="0"');
  });

  it("write statistical tests into the JUnit XML, so its counts match its test cases", async () => {
    const { capabilities, results } = await runConformance(referenceAdapter(), files, {
      filter: "keys/",
    });
    const statistical: StatisticalResult[] = [
      {
        id: "stat/random/1",
        method: "random",
        parameters: "",
        test: "ks",
        statistic: 0.5,
        pValue: 1e-9,
        threshold: 1e-5,
        status: "failed",
      },
    ];
    const xml = formatJUnitReport(buildReport(capabilities, VECTORS, results, statistical));
    const total = Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)?.[1]);
    expect(xml.match(/<testcase /g)?.length).toBe(total);
    expect(xml).toContain('<testsuite name="statistical" tests="1" failures="1" skipped="0">');
    expect(xml).toContain('<failure message="ks p = 1.00e-9 &lt; 1.00e-5 (statistic 0.5000)">');
  });
});

describe("the jax-js adapter", () => {
  it("reproduces partitionable bits, split and uniform, and fails where jax-js departs", async () => {
    const { jaxJsAdapter } = await import("../src/index.js");
    const { results } = await runConformance(jaxJsAdapter(), files);
    const passed = (id: string) => results.find((r) => r.id === id)?.status === "passed";
    // Values jax-js's own tests quote from JAX: it matches them.
    expect(passed("bits/jax-observed/005-jax")).toBe(true);
    expect(passed("keys/split/002-jax")).toBe(true);
    expect(passed("uniform/jax-observed/001-jax")).toBe(true);
    // Legacy mode and the stateful API are declared missing, so skipped, not failed.
    expect(results.find((r) => r.id === "bits/jax-observed/001")?.reason).toBe(
      "mode legacy not implemented",
    );
    expect(results.filter((r) => r.area === "streams").every((r) => r.status === "skipped")).toBe(
      true,
    );
    // 8/16/64-bit dtypes and float64 are not in jax-js: reported as failures.
    const failed = results.filter((r) => r.status === "failed");
    expect(failed.some((r) => /uint64/.test(r.reason ?? ""))).toBe(true);
    expect(failed.some((r) => /float64/.test(r.reason ?? ""))).toBe(true);
  }, 30_000);
});

describe("the statistical tier", () => {
  it("fails a generator whose random() is skewed (u² instead of u)", async () => {
    const adapter = broken("skewed random", {
      callMethod: (rng, call) => {
        const result = runMethodCall(rng, call);
        if (call.method !== "random") return result;
        const data = Float64Array.from(result.data as Float32Array, (u) => u * u);
        return { dtype: "float64", shape: result.shape, data } as NdArray;
      },
    });
    const results = await runStatisticalTier(adapter, Object.keys(METHODS), { filter: "random" });
    const random = results.filter((r) => r.method === "random");
    expect(random.length).toBeGreaterThan(0);
    expect(random.every((r) => r.status === "failed" && r.pValue < r.threshold)).toBe(true);
  }, 30_000);
});

describe("the statistical tier with a dead adapter", () => {
  it("stops at the first test whose adapter died and does not run the rest", async () => {
    const { AdapterFault } = await import("../src/index.js");
    let creations = 0;
    const adapter = {
      ...referenceAdapter(),
      createGenerator: async () => {
        creations++;
        throw new AdapterFault("exited", "adapter `x` exited with status 9");
      },
    };
    const results = await runStatisticalTier(adapter, Object.keys(METHODS), { filter: "random" });
    expect(creations).toBe(1);
    expect(results[0]).toMatchObject({
      status: "failed",
      reason: "adapter `x` exited with status 9",
    });
    expect(results.length).toBeGreaterThan(1);
    expect(
      results
        .slice(1)
        .every(
          (r) => r.status === "skipped" && r.reason === "not run: adapter `x` exited with status 9",
        ),
    ).toBe(true);
  });
});

describe("the protocol server", () => {
  it("answers malformed lines and unknown ops with a ProtocolError instead of dying", async () => {
    const { PassThrough } = await import("node:stream");
    const { serveAdapter } = await import("../src/index.js");
    const input = new PassThrough();
    const output = new PassThrough();
    const lines: string[] = [];
    output.on("data", (chunk: Buffer) => lines.push(...chunk.toString().trim().split("\n")));
    const served = serveAdapter(referenceAdapter(), input, output);
    input.write("this is not json\n");
    input.write('{"id": 7, "op": "frobnicate"}\n');
    input.write('{"id": 8, "op": "hello"}\n');
    input.write('{"id": 9, "op": "close"}\n');
    await served;
    const responses = lines.map((line) => JSON.parse(line));
    expect(responses[0]).toMatchObject({ id: -1, ok: false, error: { kind: "ProtocolError" } });
    expect(responses[1]).toMatchObject({ id: 7, ok: false, error: { kind: "ProtocolError" } });
    expect(responses[2]).toMatchObject({ id: 8, ok: true });
    expect(responses[3]).toMatchObject({ id: 9, ok: true });
  });
});

describe("the CLI and the statistical tier's guards", () => {
  it("refuses a bad --timeout and a valued option without its value (exit 2), saying why on stderr", async () => {
    const { main } = await import("../src/index.js");
    // Capture what the CLI writes to stderr, so that the test asserts it and a passing run prints nothing.
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await main(["--timeout", "abc"])).toBe(2);
      expect(await main(["--timeout", "-5"])).toBe(2);
      expect(await main(["--json"])).toBe(2);
    } finally {
      write.mockRestore();
    }
    expect(written[0]).toBe("--timeout must be a positive number of milliseconds, got abc\n");
    expect(written[1]).toBe("--timeout must be a positive number of milliseconds, got -5\n");
    expect(written[2]).toMatch(/^--json needs a value\n\nUsage: jrng-conformance/);
  });

  it("reports progress of both stages, a tier legend and totals that add up", async () => {
    const { main } = await import("../src/index.js");
    const errors: string[] = [];
    const output: string[] = [];
    const errorWrite = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    const outputWrite = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    try {
      await main(["--filter", "uniform", "--no-color"]);
    } finally {
      errorWrite.mockRestore();
      outputWrite.mockRestore();
    }
    const progress = errors.join("");
    expect(progress).toMatch(/^vectors \[\d+\/\d+\]/m);
    expect(progress).toMatch(/^statistical \[\d+\/\d+\]/m);
    const report = output.join("");
    expect(report).toMatch(/^tiers:$/m);
    for (const tier of ["exact", "ulp", "statistical", "errors"]) {
      expect(report).toMatch(new RegExp(`^  ${tier} +\\S`, "m"));
    }
    const [, cases, tests, sum] =
      /total = (\d+) vector cases \+ (\d+) statistical tests = (\d+)/.exec(report)!;
    expect(Number(cases) + Number(tests)).toBe(Number(sum));
    const vectorsDone = /^vectors \[(\d+)\/(\d+)\]/m.exec(
      progress.split("\n").reverse().join("\n"),
    )!;
    expect(Number(vectorsDone[1])).toBe(Number(cases));
  });

  it("creates generators in the stream and mode given, and reports a failing create as a failure", async () => {
    const seen: string[] = [];
    const adapter = adapterFromFunctions({
      capabilities: { ...FULL, name: "fold_in legacy only" },
      callFunction: runFunctionCall,
      createGenerator: (spec) => {
        seen.push(`${spec.stream}/${spec.mode}`);
        if (seen.length > 1) throw new Error("no more generators");
        return createGenerator({ generator: spec, calls: [] });
      },
      callMethod: runMethodCall,
    });
    const results = await runStatisticalTier(adapter, ["random", "uniform"], {
      filter: "random",
      stream: "fold_in",
      mode: "legacy",
    });
    expect(seen.every((s) => s === "fold_in/legacy")).toBe(true);
    expect(
      results
        .filter((r) => r.status === "failed")
        .every((r) => /no more generators/.test(r.reason ?? "")),
    ).toBe(true);
    expect(results.length).toBeGreaterThan(1);
  });
});
