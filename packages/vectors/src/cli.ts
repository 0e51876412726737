/**
 * The `jrng-vectors` command: generate, check, list and show the vectors.
 *
 * @module
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { allCases, loadVectorFiles, SCHEMA_PATH } from "./files.js";
import { isErrorCase } from "./format.js";
import { buildAll, formatJson } from "./generate.js";

const USAGE = `Usage: jrng-vectors <command> [options]

Commands:
  generate [--out DIR]    regenerate every vectors file into DIR (default: vectors)
  check [--dir DIR]       regenerate in memory; fail with a diff if DIR differs
  list [--dir DIR] [--json]   list every case id with its comment
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

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
}

function progress(output: Output, quiet: boolean) {
  return (done: number, total: number, area: string) => {
    if (!quiet) output.err(`[${done}/${total}] ${area}`);
  };
}

/** The files `generate` writes: one per area plus the schema, by file name. */
export function renderAll(onProgress?: (done: number, total: number, area: string) => void): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of buildAll(onProgress)) files.set(`${file.area}.json`, formatJson(file));
  files.set("schema.json", readFileSync(SCHEMA_PATH, "utf8"));
  return files;
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
  const quiet = rest.includes("--quiet");
  switch (command) {
    case "generate": {
      const out = resolve(option(rest, "--out", "vectors"));
      mkdirSync(out, { recursive: true });
      const files = renderAll(progress(output, quiet));
      for (const [name, text] of files) writeFileSync(join(out, name), text);
      output.out(`wrote ${files.size} files to ${out}`);
      return 0;
    }
    case "check": {
      const dir = resolve(option(rest, "--dir", "vectors"));
      const files = renderAll(progress(output, quiet));
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
      output.out(`✓ ${files.size} files in ${dir} match a fresh generation`);
      return 0;
    }
    case "list": {
      const dir = resolve(option(rest, "--dir", "vectors"));
      const cases = allCases(loadVectorFiles(dir).map(({ file }) => file));
      if (rest.includes("--json")) {
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
      const id = rest.find((arg) => !arg.startsWith("--") && arg !== option(rest, "--dir", ""));
      const dir = resolve(option(rest, "--dir", "vectors"));
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

