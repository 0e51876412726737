/**
 * JAX's answers to the cases' calls, from one of two places: real JAX (run
 * through `python/jrng_jax.py`, with an on-disk cache), or the committed
 * vectors themselves, which hold every answer JAX gave when they were last
 * generated. The second lets the generator re-derive the files without JAX:
 * everything but JAX's values is then checked.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { allCases, loadVectorFiles } from "./files.js";
import {
  isErrorCase,
  type FileProvenance,
  type FunctionCall,
  type GeneratorCall,
} from "./format.js";
import { runInJax, type JaxProgress, type JaxReply } from "./jax-driver.js";

/** How `jrng-vectors` calls JAX, written into every file's provenance. */
export const PRODUCED_BY = "jrng-vectors generate --jax (packages/vectors/python/jrng_jax.py)";

/** JAX's answers, by call, and how they were produced. */
export interface JaxResults {
  provenance: FileProvenance;
  /** Where the answers came from, for messages: "JAX 0.10.2" or "the committed vectors". */
  source: string;
  replies: Map<string, JaxReply>;
}

/** The identity of a call: its JSON, keys in the order the case definitions write them. */
export function callKey(call: FunctionCall | GeneratorCall): string {
  return JSON.stringify(call);
}

/** The answers JAX gave when the committed vectors in `directory` were generated. */
export function committedResults(directory: string): JaxResults {
  const files = loadVectorFiles(directory).map(({ file }) => file);
  const replies = new Map<string, JaxReply>();
  for (const { testCase } of allCases(files)) {
    const key = callKey(testCase.call);
    if (isErrorCase(testCase)) {
      if (testCase.provenance.kind === "jax") {
        replies.set(key, { error: { type: testCase.jaxError ?? "Error", message: testCase.comment } });
      }
      continue;
    }
    if (testCase.provenance.kind === "jax") replies.set(key, { result: testCase.expected });
    if (testCase.provenance.kind === "mirror" && testCase.provenance.reason) {
      replies.set(key, { error: { type: "Inexpressible", message: testCase.provenance.reason } });
    }
  }
  const provenance = files.find((file) => file.provenance)?.provenance;
  if (!provenance) throw new Error(`no vectors with JAX provenance in ${directory}`);
  return { provenance, source: "the committed vectors", replies };
}

/** Options of {@link liveResults}. */
export interface LiveOptions {
  /** A JSON Lines cache of JAX's answers, per JAX version; none when undefined. */
  cacheFile?: (versions: { jax: string; jaxlib: string }) => string;
  /** A directory for XLA's compiled programs (JAX's persistent compilation cache). */
  compilationCache?: string;
  onProgress?: JaxProgress;
}

/** Run every call through real JAX (`python` imports jax), reusing cached answers. */
export async function liveResults(
  python: string,
  calls: (FunctionCall | GeneratorCall)[],
  options: LiveOptions = {},
): Promise<JaxResults> {
  const unique = [...new Map(calls.map((call) => [callKey(call), call])).values()];
  const { hello } = await runInJax(python, []);
  const cachePath = options.cacheFile?.({ jax: hello.jax, jaxlib: hello.jaxlib });
  const cached = cachePath ? readCache(cachePath) : new Map<string, JaxReply>();
  const missing = unique.filter((call) => !cached.has(digest(callKey(call))));
  if (cachePath) mkdirSync(dirname(cachePath), { recursive: true });
  await runInJax(python, missing, {
    onProgress: options.onProgress,
    compilationCache: options.compilationCache,
    onReply: (index, reply) => {
      const key = digest(callKey(missing[index]));
      cached.set(key, reply);
      // Appended as they come, so that an interrupted run keeps what JAX already answered.
      if (cachePath) appendFileSync(cachePath, JSON.stringify({ key, reply }) + "\n");
    },
  });
  const byCall = new Map<string, JaxReply>();
  for (const call of unique) byCall.set(callKey(call), cached.get(digest(callKey(call)))!);
  return {
    provenance: {
      producedBy: PRODUCED_BY,
      jax: hello.jax,
      jaxlib: hello.jaxlib,
      platform: hello.platform,
      machine: hello.machine,
      cpuFlags: hello.cpuFlags,
      cpu: hello.cpu,
    },
    source: `JAX ${hello.jax}`,
    replies: byCall,
  };
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function readCache(path: string): Map<string, JaxReply> {
  const cache = new Map<string, JaxReply>();
  if (!existsSync(path)) return cache;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line) continue;
    const { key, reply } = JSON.parse(line) as { key: string; reply: JaxReply };
    cache.set(key, reply);
  }
  return cache;
}

