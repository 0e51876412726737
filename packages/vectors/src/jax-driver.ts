/**
 * Real JAX as the source of expected values: `python/jrng_jax.py` run as a
 * JSON Lines server, one process per `jax_enable_x64` setting (JAX reads it
 * once, before it computes anything).
 *
 * @module
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ExpectedArray, FunctionCall, GeneratorCall } from "./format.js";
import { isGeneratorCall } from "./format.js";

/** The shared module that turns a vectors call into a JAX call. */
export const JAX_MODULE_PATH = fileURLToPath(new URL("../python/jrng_jax.py", import.meta.url));

/** What a JAX process says about itself before serving. */
export interface JaxHello {
  jax: string;
  jaxlib: string;
  platform: string;
  x64: boolean;
  machine: string;
  cpuFlags: string[];
  /** The CPU's vendor, family and model (XLA:CPU's float32 `rsqrt` is its estimate instruction). */
  cpu: string;
}

/** JAX's answer to one call: its result, or the error it raised. */
export type JaxReply =
  | { result: ExpectedArray | ExpectedArray[] }
  | { error: { type: string; message: string } };

/** Reports progress while JAX works through calls. */
export type JaxProgress = (done: number, total: number) => void;

/** The x64 setting a call runs under. */
export function x64Of(call: FunctionCall | GeneratorCall): boolean {
  return (isGeneratorCall(call) ? call.generator.x64 : call.x64) ?? false;
}

/** One JAX process and its pending replies. */
class JaxProcess {
  readonly hello: Promise<JaxHello>;
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, (reply: JaxReply) => void>();
  #stderr = "";
  #exited = false;

  constructor(python: string, x64: boolean, compilationCache: string | undefined) {
    const args = [
      JAX_MODULE_PATH,
      "serve",
      ...(x64 ? ["--x64"] : []),
      ...(compilationCache ? [`--compilation-cache=${compilationCache}`] : []),
    ];
    this.#child = spawn(python, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.#child.stderr.on("data", (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    const lines = createInterface({ input: this.#child.stdout });
    this.hello = new Promise((resolve, reject) => {
      const failed = (why: string) =>
        reject(new Error(`${python} ${args.join(" ")} ${why}${this.#stderr ? `: ${lastLine(this.#stderr)}` : ""}`));
      this.#child.on("error", (error) => failed(`could not start (${error.message})`));
      this.#child.on("exit", (code, signal) => {
        this.#exited = true;
        failed(`exited with ${signal ?? `status ${code}`} before answering`);
        for (const [, settle] of this.#pending) {
          settle({ error: { type: "DriverExited", message: `JAX exited: ${lastLine(this.#stderr)}` } });
        }
        this.#pending.clear();
      });
      lines.on("line", (line) => {
        const message = JSON.parse(line) as {
          hello?: JaxHello;
          id?: number;
          result?: ExpectedArray | ExpectedArray[];
          error?: { type: string; message: string };
        };
        if (message.hello) {
          resolve(message.hello);
          return;
        }
        const settle = this.#pending.get(message.id as number);
        this.#pending.delete(message.id as number);
        settle?.(message.error ? { error: message.error } : { result: message.result! });
      });
    });
  }

  call(id: number, call: FunctionCall | GeneratorCall): Promise<JaxReply> {
    if (this.#exited) {
      return Promise.resolve({ error: { type: "DriverExited", message: lastLine(this.#stderr) } });
    }
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#child.stdin.write(JSON.stringify({ id, call }) + "\n");
    });
  }

  close(): void {
    this.#child.stdin.end();
  }
}

function lastLine(text: string): string {
  return text.trim().split("\n").pop() ?? "";
}

/** Options of {@link runInJax}. */
export interface RunOptions {
  onProgress?: JaxProgress;
  /** Called with each reply as it arrives (by the call's index), e.g. to cache it. */
  onReply?: (index: number, reply: JaxReply) => void;
  /** A directory where XLA keeps compiled programs between runs (JAX's persistent compilation cache). */
  compilationCache?: string;
}

/**
 * Run calls through real JAX: `python` must import `jax` (jaxlib on CPU).
 * Calls are grouped by their x64 setting into two processes; replies come
 * back in the order of `calls`.
 */
export async function runInJax(
  python: string,
  calls: (FunctionCall | GeneratorCall)[],
  { onProgress, onReply, compilationCache }: RunOptions = {},
): Promise<{ hello: JaxHello; replies: JaxReply[] }> {
  const processes = new Map<boolean, JaxProcess>();
  const processFor = (x64: boolean) => {
    let process = processes.get(x64);
    if (!process) processes.set(x64, (process = new JaxProcess(python, x64, compilationCache)));
    return process;
  };
  const first = processFor(false);
  let hello: JaxHello;
  try {
    hello = await first.hello;
    if (calls.some(x64Of)) await processFor(true).hello;
  } catch (error) {
    for (const process of processes.values()) process.close();
    throw error;
  }
  let done = 0;
  const replies = await Promise.all(
    calls.map(async (call, index) => {
      const reply = await processFor(x64Of(call)).call(index, call);
      onReply?.(index, reply);
      onProgress?.(++done, calls.length);
      return reply;
    }),
  );
  for (const process of processes.values()) process.close();
  return { hello: { ...hello, x64: false }, replies };
}
