/**
 * A passing `npm test` writes nothing to stderr (issue 15): output there reads as a failure.
 * The suites that used to write there are run in a child vitest and their stderr is asserted
 * empty: the WebGPU suites without an adapter (Dawn's "XDG_RUNTIME_DIR is invalid" and Vulkan
 * warnings when they probed in-process, their skip notes) and the conformance CLI's refusal of
 * bad options (its usage text). The name filter skips every test but the CLI one; the WebGPU
 * files still load, which is where their noise came from.
 */
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const TIMEOUT_MS = 180_000;

describe("a passing npm test writes nothing to stderr", () => {
  it(
    "the WebGPU suites without an adapter and the conformance CLI's option checks",
    async () => {
      // Without CI (no JSON report that would overwrite this run's) and without a Vulkan
      // driver path (the plain `npm test` machine, not `npm run test:webgpu`).
      const env = { ...process.env };
      delete env.CI;
      delete env.VK_ICD_FILENAMES;
      const { stdout, stderr } = await run(
        process.execPath,
        [
          join(root, "node_modules/vitest/vitest.mjs"),
          "run",
          "packages/webgpu/test",
          "packages/conformance/test/runner.test.ts",
          "-t",
          "refuses a bad --timeout",
          "--reporter=dot",
        ],
        { cwd: root, env, timeout: TIMEOUT_MS },
      );
      expect(stdout).toMatch(/1 passed/);
      expect(stderr).toBe("");
    },
    TIMEOUT_MS,
  );
});
