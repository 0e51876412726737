/**
 * Generator streams: sequences of JRNG calls that pin down both stream
 * disciplines in both threefry modes.
 *
 * @module
 */
import type { GeneratorCall, MethodCall, Mode } from "../format.js";
import { MODES, type AreaSpec, type CaseSpec } from "./spec.js";

const STATEFUL = "jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3";

function generator(seed: number, stream: "split" | "fold_in", mode: Mode, calls: MethodCall[]): GeneratorCall {
  return { generator: { seed, stream, mode }, calls };
}

const SEQUENCE: MethodCall[] = [
  { method: "random", args: { size: 3 } },
  { method: "key", args: {} },
  { method: "uniform", args: { low: -1, high: 1, size: [2, 2] } },
  { method: "random", args: { size: 2, dtype: "float64" } },
  { method: "bytes", args: { length: 6 } },
  { method: "key", args: { size: 2 } },
  { method: "random", args: {} },
];

const sequences: CaseSpec[] = (["split", "fold_in"] as const).flatMap((stream) =>
  MODES.map((mode) => ({
    comment: `${stream} stream, ${mode}: a mixed sequence of seven calls`,
    call: generator(2024, stream, mode, SEQUENCE),
  })),
);

const observed: CaseSpec[] = [
  {
    comment: "stateful_rng(0).key() twice",
    call: generator(0, "fold_in", "partitionable", [
      { method: "key", args: {} },
      { method: "key", args: {} },
    ]),
    jax: {
      data: [1797259609, 2579123966, 928981903, 3453687069],
      citation: `${STATEFUL} L94-L102`,
      jaxMode: "partitionable",
      note: "data lists both calls' results in order",
    },
  },
];

export const streamsArea: AreaSpec = {
  area: "streams",
  description: "Sequences of generator calls from one seed: the split and fold_in disciplines in both threefry modes.",
  groups: [
    { name: "jax-observed", description: "Sequences whose results real JAX printed.", cases: observed },
    { name: "sequences", description: "The same call sequence under each stream and mode.", cases: sequences },
  ],
};
