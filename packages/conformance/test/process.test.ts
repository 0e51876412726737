import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadVectorFiles } from "@jrng/vectors";
import {
  AdapterFault,
  CLOSE_GRACE_MS,
  DEFAULT_TIMEOUT_MS,
  parseCommand,
  ProcessAdapter,
  runConformance,
  TERMINATE_GRACE_MS,
} from "../src/index.js";

const VECTORS = fileURLToPath(new URL("../../../vectors", import.meta.url));
const FAULTY = fileURLToPath(new URL("./fixtures/faulty-adapter.mjs", import.meta.url));
const DIES = fileURLToPath(new URL("./fixtures/dies-before-hello.mjs", import.meta.url));
const CLI = fileURLToPath(new URL("../bin/jrng-conformance.js", import.meta.url));
const files = loadVectorFiles(VECTORS).map(({ file }) => file);
const scratch = mkdtempSync(join(tmpdir(), "jrng-conformance-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The faulty adapter's argument vector, with its fault and a file for its pids. */
function faulty(fault: string, at: number, pidsFile: string): string[] {
  return [
    "env",
    `FAULT=${fault}`,
    `FAULT_AT=${at}`,
    `PIDS_FILE=${pidsFile}`,
    process.execPath,
    FAULTY,
  ];
}

/** Whether a process runs: exists and is not a zombie waiting for init to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** The adapter's pid and its child's, as the faulty adapter wrote them. */
function pids(file: string): number[] {
  return readFileSync(file, "utf8").trim().split(" ").map(Number);
}

describe("commands", () => {
  it("are split into words as sh does, with leading NAME=value as environment, and no shell operators", () => {
    expect(parseCommand(`python3 "my adapter.py" --mode 'a b'`).argv).toEqual([
      "python3",
      "my adapter.py",
      "--mode",
      "a b",
    ]);
    expect(parseCommand("JAX_PLATFORMS=cpu python3 a.py")).toEqual({
      argv: ["python3", "a.py"],
      env: { JAX_PLATFORMS: "cpu" },
    });
    expect(() => parseCommand("python3 a.py | tee log")).toThrow(/shell operator "\|"/);
    expect(() => parseCommand("python3 a.py && echo")).toThrow(TypeError);
    expect(() => parseCommand("   ")).toThrow(/names no program/);
  });
});

describe("an adapter process that", () => {
  it("cannot start is named in a one-line message", async () => {
    const adapter = new ProcessAdapter("jrng-no-such-program --flag");
    const error = await runConformance(adapter, files).catch((e: unknown) => e);
    await adapter.close();
    expect(error).toBeInstanceOf(AdapterFault);
    expect((error as AdapterFault).fault).toBe("start");
    expect((error as Error).message).toMatch(
      /^cannot start adapter `jrng-no-such-program --flag`: .*ENOENT$/,
    );
  });

  it("dies before hello is named with its exit status and its stderr", async () => {
    const adapter = new ProcessAdapter([process.execPath, DIES]);
    const error = await runConformance(adapter, files).catch((e: unknown) => e);
    await adapter.close();
    expect((error as AdapterFault).fault).toBe("exited");
    expect((error as Error).message).toMatch(
      /exited with status 3 before answering hello; stderr: dies-before-hello: no implementation configured$/,
    );
  });

  it("answers one request with a malformed line fails that case at once, quoting the line, and the run goes on", async () => {
    const pidsFile = join(scratch, "garbage");
    const adapter = new ProcessAdapter(faulty("garbage", 5, pidsFile), { timeoutMs: 20_000 });
    const { results, stopped } = await runConformance(adapter, files, { filter: "bits/" });
    await adapter.close();
    expect(stopped).toBeUndefined();
    // Request 1 is hello; request 5 is the fourth case.
    expect(results[3].status).toBe("failed");
    expect(results[3].reason).toBe(
      'protocol error: the answer to request 5 (call) is not JSON: "Traceback: this is not a response"',
    );
    expect(results.filter((r) => r.status === "failed")).toHaveLength(1);
    expect(results.length).toBeGreaterThan(20);
  }, 30_000);

  it("answers with an id never sent, or a success without a result, fails that case as a protocol error", async () => {
    for (const [fault, reason] of [
      ["wrong-id", /^protocol error: request 3 \(call\) was answered with id 999: /],
      ["no-result", /^protocol error: the answer to request 3 \(call\) has no result array /],
    ] as const) {
      const adapter = new ProcessAdapter(faulty(fault, 3, join(scratch, fault)));
      const { results, stopped } = await runConformance(adapter, files, { filter: "bits/" });
      await adapter.close();
      expect(stopped).toBeUndefined();
      expect(results[1].reason).toMatch(reason);
      expect(results.filter((r) => r.status === "failed")).toHaveLength(1);
    }
  }, 30_000);

  it("crashes at request N stops the run with its exit status, and nothing outlives it", async () => {
    const pidsFile = join(scratch, "crash");
    const adapter = new ProcessAdapter(faulty("crash", 5, pidsFile));
    const { results, stopped } = await runConformance(adapter, files, { filter: "bits/" });
    await adapter.close();
    expect(results).toHaveLength(4);
    expect(results.slice(0, 3).every((r) => r.status === "passed")).toBe(true);
    expect(results[3].reason).toMatch(
      /exited with status 7; stderr: faulty adapter: crashing as asked$/,
    );
    expect(stopped?.reason).toBe(results[3].reason);
    expect(stopped?.notRun).toBeGreaterThan(0);
    expect(pids(pidsFile).filter(alive)).toEqual([]);
  }, 30_000);

  it("hangs at request N stops the run after three time-outs, and its children are ended with it", async () => {
    const pidsFile = join(scratch, "hang");
    const adapter = new ProcessAdapter(faulty("hang", 5, pidsFile), { timeoutMs: 300 });
    const { results, stopped } = await runConformance(adapter, files, { filter: "bits/" });
    expect(pids(pidsFile).every(alive)).toBe(true);
    await adapter.close();
    expect(results).toHaveLength(6);
    expect(results.slice(3).map((r) => r.reason)).toEqual(
      [5, 6, 7].map(
        (n) => `adapter \`${adapter.command}\` did not answer request ${n} (call) within 300 ms`,
      ),
    );
    expect(stopped?.reason).toMatch(/^adapter stopped answering: 3 cases in a row timed out/);
    // The adapter's child held the pipe open; it is gone too.
    expect(pids(pidsFile).filter(alive)).toEqual([]);
  }, 30_000);
});

describe("the jrng-conformance command", () => {
  it("by default ends a hanging adapter within a minute of its last answer: three time-outs, then closing", () => {
    expect(3 * DEFAULT_TIMEOUT_MS + CLOSE_GRACE_MS + TERMINATE_GRACE_MS).toBeLessThan(60_000);
  });

  it("names an adapter that dies before hello in one line on stderr, with its status and its stderr", () => {
    const run = spawnSync(
      process.execPath,
      [CLI, "--vectors", VECTORS, "--command", `${process.execPath} ${DIES}`],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `jrng-conformance: adapter \`${process.execPath} ${DIES}\` exited with status 3 before answering hello; stderr: dies-before-hello: no implementation configured\n`,
    );
  });

  it("exits with status 1 and a one-line message when the adapter cannot start", () => {
    const run = spawnSync(
      process.execPath,
      [CLI, "--vectors", VECTORS, "--command", "jrng-no-such-program"],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "jrng-conformance: cannot start adapter `jrng-no-such-program`: spawn jrng-no-such-program ENOENT\n",
    );
  });

  it("ends a hanging adapter and its children, reports why, and exits with status 1", () => {
    const pidsFile = join(scratch, "cli-hang");
    const command = `env FAULT=hang FAULT_AT=3 PIDS_FILE=${pidsFile} ${process.execPath} ${FAULTY}`;
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        "--vectors",
        VECTORS,
        "--command",
        command,
        "--timeout",
        "300",
        "--quiet",
        "--filter",
        "keys/",
      ],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /Run stopped: adapter stopped answering: 3 cases in a row timed out/,
    );
    expect(pids(pidsFile).filter(alive)).toEqual([]);
  }, 30_000);
});
