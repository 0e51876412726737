// The package as users install it: `npm pack` jrng and @jrng/core — exactly what jrng's README says a
// user installs (@jrng/webgpu is an optional peer, not installed) — install the tarballs into an empty
// project, run the README's example there with node, and compare what it prints with the same code
// run in this process on the workspace sources, and with the README's output.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JRNG } from "../src/index.js";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const readmePath = fileURLToPath(new URL("../README.md", import.meta.url));
/** The workspace packages the tarball project installs: jrng and its one workspace dependency. */
const PACKAGES = [
  { name: "@jrng/core", dir: "packages/core" },
  { name: "jrng", dir: "packages/jrng" },
];

/** Asks for the WebGPU backend without @jrng/webgpu installed, printing the error. */
const WEBGPU_MISSING = `import { JRNG } from "jrng";
try {
  await JRNG.create(0, { device: "webgpu" });
  console.log("created");
} catch (error) {
  console.log(error.name + ": " + error.message);
}
`;
const TIMEOUT_MS = 180_000;

/** The fenced code block that follows `<!-- pack-test:<marker> -->` in the README. */
function readmeBlock(readme: string, marker: string): string {
  const found = new RegExp(`<!-- pack-test:${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(
    readme,
  );
  if (found === null)
    throw new Error(`README.md has no code block after <!-- pack-test:${marker} -->`);
  return found[1];
}

/**
 * The environment for the nested npm and node: npm's own variables from an enclosing
 * `npm test` (workspace, prefix, …) removed, so the temporary project is its own root.
 * The cache is kept, so `--prefer-offline` finds what `npm ci` fetched.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.toLowerCase().startsWith("npm_") && name.toLowerCase() !== "npm_config_cache")
      continue;
    if (name === "NODE_OPTIONS" || name.startsWith("VITEST")) continue;
    env[name] = value;
  }
  return env;
}

/** Runs the example's code in this process, with `JRNG` from the sources, capturing `console.log`. */
async function runInProcess(example: string): Promise<string> {
  const importLine = 'import { JRNG } from "jrng";';
  expect(example).toContain(importLine);
  const body = example.replace(importLine, "");
  const lines: string[] = [];
  const capture = { log: (...args: unknown[]) => lines.push(format(...args)) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction("JRNG", "console", body)(JRNG, capture);
  return lines.map((line) => `${line}\n`).join("");
}

describe("the packed tarballs install and run in an empty project", () => {
  let temp = "";
  let example = "";
  let printed = "";
  let webgpuMissing = "";

  beforeAll(async () => {
    for (const { name, dir } of PACKAGES) {
      if (!existsSync(join(repoRoot, dir, "dist", "index.js"))) {
        throw new Error(
          `${name} is not built (${dir}/dist is missing): run \`npm run build\` first`,
        );
      }
    }
    temp = mkdtempSync(join(tmpdir(), "jrng-pack-"));
    const env = cleanEnv();
    const tarballs = new Map<string, string>();
    for (const { name, dir } of PACKAGES) {
      const { stdout } = await run(
        "npm",
        ["pack", "--json", "--ignore-scripts", "--pack-destination", temp],
        { cwd: join(repoRoot, dir), env },
      );
      const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      const paths = packed.files.map((file) => file.path);
      expect(paths, `${name}'s tarball`).toContain("README.md");
      expect(paths, `${name}'s tarball`).toContain("dist/index.js");
      expect(paths, `${name}'s tarball`).toContain("dist/index.d.ts");
      expect(
        paths.filter((path) => /(^|\/)test\/|\.test\.[cm]?[jt]s$/.test(path)),
        `${name}'s tarball holds no tests`,
      ).toEqual([]);
      tarballs.set(name, join(temp, packed.filename));
    }

    const project = join(temp, "project");
    const jaxVersion = (
      JSON.parse(
        readFileSync(join(repoRoot, "node_modules", "@jax-js", "jax", "package.json"), "utf8"),
      ) as { version: string }
    ).version;
    const dependencies: Record<string, string> = { "@jax-js/jax": jaxVersion };
    for (const [name, tarball] of tarballs) dependencies[name] = `file:${tarball}`;
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      `${JSON.stringify({ name: "jrng-pack-test", private: true, type: "module", dependencies }, null, 2)}\n`,
    );
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: project,
      env,
    });

    example = readmeBlock(readFileSync(readmePath, "utf8"), "example");
    writeFileSync(join(project, "example.mjs"), example);
    ({ stdout: printed } = await run(process.execPath, ["example.mjs"], { cwd: project, env }));
    writeFileSync(join(project, "webgpu-missing.mjs"), WEBGPU_MISSING);
    ({ stdout: webgpuMissing } = await run(process.execPath, ["webgpu-missing.mjs"], {
      cwd: project,
      env,
    }));
  }, TIMEOUT_MS);

  afterAll(() => {
    if (temp !== "") rmSync(temp, { recursive: true, force: true });
  });

  it("the README example prints what the same code computes in process", async () => {
    expect(printed).toBe(await runInProcess(example));
  });

  it("asking for WebGPU without @jrng/webgpu names the package to install", () => {
    expect(webgpuMissing).toContain("WebGPUUnavailableError");
    expect(webgpuMissing).toContain("npm install @jrng/webgpu");
  });

  it("the README shows exactly what the example prints", () => {
    expect(readmeBlock(readFileSync(readmePath, "utf8"), "output")).toBe(printed);
  });
});
