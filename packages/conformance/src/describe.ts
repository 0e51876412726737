/**
 * Calls and provenance as a reader sees them in reports: a call with its
 * arguments on one line, and where a run's expected values came from.
 *
 * @module
 */
import {
  isGeneratorCall,
  type ArgValue,
  type FunctionCall,
  type FileProvenance,
  type GeneratorCall,
  type MethodCall,
  type VectorFile,
} from "@jrng/vectors";

/** The longest argument list shown on one line before it is cut. */
const MAX_ARGS_LENGTH = 240;

function formatArg(value: ArgValue): string {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    if ("$bigint" in value) return `${value.$bigint}n`;
    if ("$float" in value) return value.$float;
  }
  if (Array.isArray(value)) return `[${value.map(formatArg).join(", ")}]`;
  return JSON.stringify(value);
}

function formatArgs(args: Record<string, ArgValue>): string {
  const text = Object.entries(args)
    .map(([name, value]) => `${name}=${formatArg(value)}`)
    .join(", ");
  return text.length > MAX_ARGS_LENGTH ? `${text.slice(0, MAX_ARGS_LENGTH)}…` : text;
}

/** A generator method call on one line: `standardNormal(size=[3])`. */
export function formatMethodCall(call: MethodCall): string {
  return `${call.method}(${formatArgs(call.args)})`;
}

/** Flags of a call that change its meaning: threefry mode, and x64 where set. */
function setting(mode: string, x64: boolean | undefined): string {
  return x64 === true ? `${mode}, x64` : mode;
}

/**
 * A call on one line: `normal(key=[0, 42], shape=[3], dtype="float32") · partitionable`,
 * or for a generator its creation and every method call, the failing one
 * (`callIndex`) marked `▶`.
 */
export function formatCall(call: FunctionCall | GeneratorCall, callIndex?: number): string {
  if (!isGeneratorCall(call)) {
    const key = call.key ? [`key=[${call.key.join(", ")}]`] : [];
    const args = formatArgs(call.args);
    const all = [...key, ...(args ? [args] : [])].join(", ");
    return `${call.function}(${all}) · ${setting(call.mode, call.x64)}`;
  }
  const { seed, stream, mode } = call.generator;
  const creation = `generator(seed=${formatArg(seed)}, stream=${stream}) · ${setting(mode, call.generator.x64)}`;
  const methods = call.calls.map(
    (method, i) => `${i === callIndex ? "▶" : ""}${formatMethodCall(method)}`,
  );
  const after = callIndex !== undefined && callIndex >= call.calls.length ? " ▶ the next call" : "";
  return `${creation}: ${methods.join(", ")}${after}`;
}

/** Where the expected values of a set of vectors files came from. */
export interface ProvenanceSummary {
  /** Cases by provenance kind (`jax`, `mirror`, `jax-observed`). */
  byKind: Record<string, number>;
  /** The JAX builds that computed the `jax` cases. */
  jax: { jax: string; jaxlib?: string; platform?: string; cases: number }[];
}

/**
 * Count the cases of the files by provenance, and name the JAX builds behind
 * the `jax` cases (from each file's provenance).
 */
export function summarizeProvenance(files: readonly VectorFile[]): ProvenanceSummary {
  const byKind: Record<string, number> = {};
  const builds = new Map<string, ProvenanceSummary["jax"][number]>();
  for (const file of files) {
    // Files written before the JAX driver have no file provenance.
    const fileProvenance: Partial<FileProvenance> = file.provenance ?? {};
    for (const testCase of file.groups.flatMap((group) => group.cases)) {
      const kind = testCase.provenance.kind;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (kind !== "jax" || fileProvenance.jax === undefined) continue;
      const build = {
        jax: fileProvenance.jax,
        ...(fileProvenance.jaxlib !== undefined ? { jaxlib: fileProvenance.jaxlib } : {}),
        ...(fileProvenance.platform !== undefined ? { platform: fileProvenance.platform } : {}),
      };
      const key = JSON.stringify(build);
      const entry = builds.get(key) ?? { ...build, cases: 0 };
      entry.cases++;
      builds.set(key, entry);
    }
  }
  return { byKind, jax: [...builds.values()] };
}

const KIND_NAMES: Record<string, string> = {
  jax: "computed by real JAX",
  mirror: "computed by the reference implementation (no JAX counterpart)",
  "jax-observed": "printed by JAX in public sources",
};

/** The provenance as report lines: `expected values: JAX 0.10.2 (jaxlib 0.10.2, cpu) for 2900 cases; …`. */
export function formatProvenance(summary: ProvenanceSummary): string[] {
  const lines = summary.jax.map(
    (build) =>
      `expected values from JAX ${build.jax}${build.jaxlib || build.platform ? ` (${[build.jaxlib && `jaxlib ${build.jaxlib}`, build.platform].filter(Boolean).join(", ")})` : ""}: ${build.cases} case${build.cases === 1 ? "" : "s"}`,
  );
  const kinds = Object.entries(summary.byKind)
    .map(([kind, count]) => `${count} ${KIND_NAMES[kind] ?? kind}`)
    .join("; ");
  if (kinds) lines.push(`provenance: ${kinds}`);
  return lines;
}
