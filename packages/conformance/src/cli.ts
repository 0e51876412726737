/**
 * The `jrng-conformance` command.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadVectorFiles } from "@jrng/vectors";
import { AdapterFault, type Adapter } from "./adapter.js";
import { jaxJsAdapter } from "./adapters/jax-js.js";
import { summarizeProvenance } from "./describe.js";
import { explainCase, findCase } from "./explain.js";
import { referenceAdapter } from "./in-process.js";
import { DEFAULT_TIMEOUT_MS, ProcessAdapter } from "./process-adapter.js";
import { buildReport, formatJUnitReport, formatTerminalReport } from "./report.js";
import { runConformance } from "./runner.js";
import { runStatisticalTier } from "./statistical.js";

const USAGE = `Usage: jrng-conformance [options]

Checks an implementation against the jrng golden vectors.

Implementation (one of; default: the reference implementation):
  --reference             @jrng/core and jrng, in process
  --adapter MODULE        a JS module whose default export (or createAdapter()) is an Adapter
  --command "CMD"         a program speaking the JSON Lines protocol on stdin/stdout,
                          started without a shell (quotes and $VARS as in sh; no pipes)
  --jax-js                jax-js's own random module (partitionable functions only)

Options:
  --vectors DIR           the vectors directory (default: ./vectors)
  --filter TEXT           only cases whose id contains TEXT
  --timeout MS            per-call timeout in milliseconds (default: ${DEFAULT_TIMEOUT_MS});
                          three time-outs in a row stop the run
  --explain ID            print one case in full: call, expected values, rule,
                          provenance and spec section; with an implementation
                          option, also its result and the first difference
  --json FILE             write the JSON report to FILE ("-" for stdout)
  --junit FILE            write a JUnit XML report to FILE
  --no-statistical        skip the statistical tier
  --no-color              plain terminal output
  --quiet                 no progress display
  --help                  this text

Exit status: 0 when nothing failed, 1 on any failure (or when the
implementation cannot start, dies or stops answering), 2 on bad usage.`;

/** Options without a value. */
const FLAGS = new Set([
  "--reference",
  "--jax-js",
  "--no-statistical",
  "--no-color",
  "--quiet",
  "--help",
]);
/** Options followed by a value. */
const VALUED = new Set([
  "--adapter",
  "--command",
  "--vectors",
  "--filter",
  "--timeout",
  "--json",
  "--junit",
  "--explain",
]);

function value(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** True when the arguments name an implementation (otherwise the reference is run). */
function namesImplementation(args: string[]): boolean {
  return ["--reference", "--jax-js", "--command", "--adapter"].some((option) =>
    args.includes(option),
  );
}

async function loadAdapter(args: string[], timeoutMs: number): Promise<Adapter> {
  if (args.includes("--jax-js")) return jaxJsAdapter();
  const command = value(args, "--command");
  if (command) return new ProcessAdapter(command, { timeoutMs });
  const module = value(args, "--adapter");
  if (module) {
    const loaded = await import(pathToFileURL(resolve(module)).href);
    const factory = loaded.createAdapter ?? loaded.default;
    return typeof factory === "function" ? await factory() : factory;
  }
  return referenceAdapter();
}

/** Run the CLI; returns the exit status. */
export async function main(args: string[]): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  const unknown = args.find(
    (arg, i) =>
      arg.startsWith("--") && !FLAGS.has(arg) && !VALUED.has(arg) && !VALUED.has(args[i - 1]),
  );
  if (unknown) {
    process.stderr.write(`unknown option ${unknown}\n\n${USAGE}\n`);
    return 2;
  }
  const vectorsDir = resolve(value(args, "--vectors") ?? "vectors");
  const filter = value(args, "--filter");
  const missing = args.findIndex(
    (arg, i) => VALUED.has(arg) && (i + 1 >= args.length || args[i + 1].startsWith("--")),
  );
  if (missing >= 0) {
    process.stderr.write(`${args[missing]} needs a value\n\n${USAGE}\n`);
    return 2;
  }
  const timeoutMs = Number(value(args, "--timeout") ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    process.stderr.write(
      `--timeout must be a positive number of milliseconds, got ${value(args, "--timeout")}\n`,
    );
    return 2;
  }
  const quiet = args.includes("--quiet");
  const tty = process.stderr.isTTY === true;
  /** One progress line per stage ("vectors", "statistical"), on stderr. */
  const progress =
    (stage: string) =>
    (done: number, total: number, result: { status: string; id: string }): void => {
      if (quiet) return;
      const line = `${stage} [${done}/${total}] ${result.status.padEnd(7)} ${result.id}`;
      if (tty) process.stderr.write(`\r\u001b[2K${line}${done === total ? "\n" : ""}`);
      else if (done % 50 === 0 || done === total) process.stderr.write(line + "\n");
    };
  const files = loadVectorFiles(vectorsDir).map(({ file }) => file);
  let adapter: Adapter;
  try {
    adapter = await loadAdapter(args, timeoutMs);
  } catch (error) {
    process.stderr.write(`jrng-conformance: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const explain = value(args, "--explain");
    if (explain !== undefined) {
      if (!findCase(files, explain)) {
        process.stderr.write(`jrng-conformance: no case with id ${JSON.stringify(explain)}\n`);
        return 2;
      }
      const text = await explainCase(
        files,
        explain,
        namesImplementation(args) ? adapter : undefined,
        { timeoutMs },
      );
      process.stdout.write(text + "\n");
      return 0;
    }
    const { capabilities, results, stopped } = await runConformance(adapter, files, {
      filter,
      timeoutMs,
      onProgress: progress("vectors"),
    });
    if (tty && !quiet && stopped) process.stderr.write("\n");
    const statistical =
      !stopped && !args.includes("--no-statistical") && capabilities.tiers.includes("statistical")
        ? await runStatisticalTier(adapter, capabilities.methods, {
            filter,
            timeoutMs,
            stream: capabilities.streams[0],
            mode: capabilities.modes[0],
            onProgress: progress("statistical"),
          })
        : undefined;
    const report = buildReport(capabilities, vectorsDir, results, statistical, {
      provenance: summarizeProvenance(files),
      stopped,
    });
    const jsonPath = value(args, "--json");
    if (jsonPath === "-") process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    else {
      if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 2) + "\n");
      process.stdout.write(
        formatTerminalReport(
          report,
          !args.includes("--no-color") && process.stdout.isTTY === true,
        ) + "\n",
      );
    }
    const junitPath = value(args, "--junit");
    if (junitPath) writeFileSync(junitPath, formatJUnitReport(report));
    return report.totals.failed > 0 || stopped ? 1 : 0;
  } catch (error) {
    // The implementation could not start, died before answering or answered hello wrongly: one line, no stack.
    if (error instanceof AdapterFault) {
      process.stderr.write(`jrng-conformance: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await adapter.close();
  }
}
