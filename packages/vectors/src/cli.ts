/**
 * The `jrng-vectors` command: generate, check, list and show the vectors.
 *
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { allCases, loadVectorFiles, SCHEMA_PATH } from "./files.js";
import { isErrorCase } from "./format.js";
import { buildAll, formatJson, jaxCalls, type ReferenceGap } from "./generate.js";
import { JAX_MODULE_PATH } from "./jax-driver.js";
import { committedResults, liveResults, type JaxResults } from "./jax-results.js";
import { notExactTable, renderNotExact } from "./not-exact.js";

const USAGE = `Usage: jrng-vectors <command> [options]

Commands:
  generate [--jax PYTHON] [--out DIR] [--no-cache]
        regenerate every vectors file into DIR (default: vectors); expected values come from
        real JAX run by PYTHON (default: $JRNG_JAX_PYTHON, else .venv-jax/bin/python if present)
  generate --offline [--dir DIR] [--out DIR]
        regenerate from the JAX values already committed in DIR (rules, new mirror cases)
  check [--jax PYTHON | --offline] [--dir DIR] [--cache]
        regenerate in memory and fail with a diff if DIR differs: with JAX, every value is
        recomputed by JAX (--cache reuses earlier answers of the same JAX version); without
        JAX (or --offline), the committed JAX values are reused and only the rest is checked
        (the output says so)
  list [--dir DIR] [--json] [--not-exact]
        list every case id with its comment; --not-exact: the cases the reference does not yet
        reproduce bit for bit, with their measured distance, by sampler
  show ID [--dir DIR]     print one case as JSON

Options:
  --quiet                 no progress display`;

/** Where the CLI writes: standard output and standard error, replaceable in tests. */
export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultOutput: Output = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

/** The options every command accepts (each command uses those that concern it). */
const OPTIONS = {
  jax: { type: "string" },
  out: { type: "string" },
  dir: { type: "string" },
  offline: { type: "boolean" },
  cache: { type: "boolean" },
  "no-cache": { type: "boolean" },
  json: { type: "boolean" },
  "not-exact": { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** Parsed command-line options. */
type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function progress(output: Output, quiet: boolean) {
  return (done: number, total: number, area: string) => {
    if (!quiet) output.err(`[${done}/${total}] ${area}`);
  };
}

/** The Python that runs JAX: `--jax`, else `$JRNG_JAX_PYTHON`, else the repository's `.venv-jax`. */
export function findJaxPython(given?: string): string | undefined {
  if (given) return given;
  if (process.env.JRNG_JAX_PYTHON) return process.env.JRNG_JAX_PYTHON;
  const local = resolve(".venv-jax/bin/python");
  return existsSync(local) ? local : undefined;
}

/** JAX's answers for every case: from real JAX, or from the committed files. */
async function jaxResults(
  options: Options,
  output: Output,
  { live, cache }: { live: string | undefined; cache: boolean },
): Promise<JaxResults> {
  if (!live) return committedResults(resolve(options.dir ?? "vectors"));
  const calls = jaxCalls();
  let last = 0;
  return liveResults(live, calls, {
    cacheFile: cache
      ? ({ jax, jaxlib }) => resolve(`.cache/jax-results/jax-${jax}-jaxlib-${jaxlib}-driver-${driverVersion()}.jsonl`)
      : undefined,
    compilationCache: options["no-cache"] ? undefined : resolve(".cache/jax-compilation"),
    onProgress: (done, total) => {
      if (options.quiet || (done - last < 100 && done !== total)) return;
      last = done;
      output.err(`JAX: ${done}/${total} calls`);
    },
  });
}

/** A digest of the JAX driver: cached answers are valid only for the program that produced them. */
function driverVersion(): string {
  return createHash("sha256").update(readFileSync(JAX_MODULE_PATH)).digest("hex").slice(0, 12);
}

/** The files `generate` writes: one per area plus the schema, by file name. */
export function renderAll(
  jax: JaxResults,
  onProgress?: (done: number, total: number, area: string) => void,
): { files: Map<string, string>; gaps: ReferenceGap[] } {
  const files = new Map<string, string>();
  const built = buildAll(jax, onProgress);
  for (const file of built.files) files.set(`${file.area}.json`, formatJson(file));
  files.set("schema.json", readFileSync(SCHEMA_PATH, "utf8"));
  return { files, gaps: built.gaps };
}

function reportGaps(gaps: ReferenceGap[], output: Output): void {
  if (gaps.length === 0) return;
  output.err(`the reference breaks ${gaps.length} case(s) under their rule:`);
  for (const gap of gaps.slice(0, 20)) output.err(`  ${gap.id}: ${gap.reason}`);
  if (gaps.length > 20) output.err(`  … and ${gaps.length - 20} more (jrng-vectors list --not-exact)`);
}

function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  - ${b[i] ?? "(missing)"}\n  + ${a[i] ?? "(missing)"}`;
  }
  return "(identical)";
}

/** Run the CLI; returns the exit code. */
export async function main(args: string[], output: Output = defaultOutput): Promise<number> {
  const [command, ...rest] = args;
  let options: Options;
  let positionals: string[];
  try {
    ({ values: options, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true }));
  } catch (error) {
    output.err(`jrng-vectors: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(command, options, positionals, output);
  } catch (error) {
    output.err(`jrng-vectors ${command}: ${(error as Error).message}`);
    return 1;
  }
}

async function run(command: string | undefined, options: Options, positionals: string[], output: Output): Promise<number> {
  const quiet = options.quiet ?? false;
  switch (command) {
    case "generate": {
      const out = resolve(options.out ?? "vectors");
      const live = options.offline ? undefined : findJaxPython(options.jax);
      if (!live && !options.offline) {
        output.err(
          "generate needs real JAX: pass --jax PYTHON (a Python with jax and jaxlib; see spec/vectors.md), " +
            "or --offline to reuse the JAX values committed in vectors/",
        );
        return 2;
      }
      const jax = await jaxResults(options, output, { live, cache: !options["no-cache"] });
      const { files, gaps } = renderAll(jax, progress(output, quiet));
      mkdirSync(out, { recursive: true });
      for (const [name, text] of files) writeFileSync(join(out, name), text);
      reportGaps(gaps, output);
      output.out(`wrote ${files.size} files to ${out} (expected values from ${jax.source})`);
      return 0;
    }
    case "check": {
      const dir = resolve(options.dir ?? "vectors");
      const live = options.offline ? undefined : findJaxPython(options.jax);
      const jax = await jaxResults(options, output, { live, cache: options.cache ?? false });
      const { files } = renderAll(jax, progress(output, quiet));
      let differences = 0;
      for (const [name, text] of files) {
        const path = join(dir, name);
        const committed = existsSync(path) ? readFileSync(path, "utf8") : "";
        if (committed !== text) {
          differences++;
          output.err(`✗ ${name} differs from a fresh generation at ${firstDifference(text, committed)}`);
        }
      }
      const stray = loadVectorFiles(dir).filter(({ name }) => !files.has(name));
      for (const { name } of stray) {
        differences++;
        output.err(`✗ ${name} is not produced by the generator`);
      }
      if (differences > 0) {
        output.err(`${differences} file(s) differ: run \`jrng-vectors generate\` and commit the result`);
        return 1;
      }
      output.out(`✓ ${files.size} files in ${dir} match a fresh generation (expected values from ${jax.source})`);
      if (!live) {
        output.out(
          `  JAX's values were not recomputed (${options.offline ? "--offline" : "JAX was not found"}): ` +
            "the committed ones were reused; pass --jax PYTHON or set JRNG_JAX_PYTHON to regenerate them",
        );
      }
      return 0;
    }
    case "list": {
      const dir = resolve(options.dir ?? "vectors");
      const cases = allCases(loadVectorFiles(dir).map(({ file }) => file));
      if (options["not-exact"]) {
        const table = notExactTable(cases.map(({ testCase }) => testCase));
        if (options.json) output.out(JSON.stringify(table, null, 2));
        else for (const line of renderNotExact(table)) output.out(line);
        return 0;
      }
      if (options.json) {
        output.out(JSON.stringify(cases.map(({ testCase }) => ({ id: testCase.id, comment: testCase.comment }))));
      } else {
        for (const { testCase } of cases) {
          const kind = isErrorCase(testCase) ? "error" : testCase.provenance.kind;
          output.out(`${testCase.id.padEnd(34)} ${kind.padEnd(12)} ${testCase.comment}`);
        }
        output.out(`${cases.length} cases`);
      }
      return 0;
    }
    case "show": {
      const id = positionals[0];
      const dir = resolve(options.dir ?? "vectors");
      const found = allCases(loadVectorFiles(dir).map(({ file }) => file)).find(({ testCase }) => testCase.id === id);
      if (!found) {
        output.err(`no case with id ${JSON.stringify(id)}; \`jrng-vectors list\` shows them`);
        return 1;
      }
      output.out(formatJson(found.testCase).trimEnd());
      return 0;
    }
    default:
      output.err(USAGE);
      return command === undefined || command === "--help" || command === "help" ? 0 : 2;
  }
}
