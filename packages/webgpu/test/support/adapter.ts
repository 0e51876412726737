// Whether this machine has a WebGPU adapter, asked in a child process: creating a GPU instance
// makes Dawn write warnings ("Couldn't load Vulkan", "XDG_RUNTIME_DIR is invalid") straight to
// the process's stderr, which a passing `npm test` must not do. The child's stderr is dropped;
// only machines with an adapter create one in the test process.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The outcome of the probe: an adapter, or the reason there is none. */
export type AdapterProbe = { ok: true } | { ok: false; reason: string };

const PROBE = `
  import { tryCreateWebGPURandom } from "@jrng/webgpu";
  const probe = await tryCreateWebGPURandom();
  if (probe.ok) probe.random.destroy();
  console.log(JSON.stringify(probe.ok ? { ok: true } : { ok: false, reason: probe.reason }));
  process.exit(0);`;

/** Ask a child process whether `tryCreateWebGPURandom()` finds an adapter. */
export function probeAdapter(): AdapterProbe {
  try {
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", PROBE], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 60_000,
    });
    return JSON.parse(output.trim().split("\n").pop()!) as AdapterProbe;
  } catch (error) {
    return { ok: false, reason: `the adapter probe failed: ${(error as Error).message}` };
  }
}
