/**
 * Keys: seeding, the block function, split and fold_in.
 *
 * @module
 */
import { fn, MODES, type AreaSpec, type CaseSpec } from "./spec.js";

const JAX_TESTS = "jax-ml/jax tests/random_test.py@1b661b8";
const STATEFUL = "jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3";
const JAX_JS = "ekzhang/jax-js test/random.test.ts@f6cf3d3";

/** `key(seed)` as JAX reads a Python int: through int64, then `[0, low word]` without x64, `[hi, lo]` with it. */
const seedCases: CaseSpec[] = [
  { comment: "seed 0", call: fn("key", undefined, "partitionable", { seed: 0 }), jax: { data: [0, 0], citation: `${JAX_TESTS} L487`, jaxMode: "legacy" } },
  { comment: "small positive seed", call: fn("key", undefined, "partitionable", { seed: 42 }) },
  { comment: "-1, x64 off: its low 32 bits", call: fn("key", undefined, "partitionable", { seed: -1 }), jax: { data: [0, 4294967295], citation: `${JAX_TESTS} L495`, jaxMode: "legacy" } },
  { comment: "negative seed, x64 off: its low 32 bits", call: fn("key", undefined, "partitionable", { seed: -2 }), jax: { data: [0, 4294967294], citation: `${JAX_TESTS} L497`, jaxMode: "legacy" } },
  { comment: "int32 max + 100, x64 off", call: fn("key", undefined, "partitionable", { seed: 2147483747 }), jax: { data: [0, 2147483747], citation: `${JAX_TESTS} L501`, jaxMode: "legacy" } },
  { comment: "below int32 min, x64 off: its low 32 bits", call: fn("key", undefined, "partitionable", { seed: -2147483748 }), jax: { data: [0, 2147483548], citation: `${JAX_TESTS} L505`, jaxMode: "legacy" } },
  { comment: "2^40 + 5, x64 off: the high word is dropped", call: fn("key", undefined, "partitionable", { seed: 1099511627781 }) },
  { comment: "largest safe integer, x64 off", call: fn("key", undefined, "partitionable", { seed: 9007199254740991 }) },
  { comment: "int64 max as a bigint, x64 off", call: fn("key", undefined, "partitionable", { seed: { $bigint: "9223372036854775807" } }) },
  { comment: "-1, x64 on: both words of int64 -1", call: fn("key", undefined, "partitionable", { seed: { $bigint: "-1" } }, true), jax: { data: [4294967295, 4294967295], citation: `${JAX_TESTS} L495 (x64)`, jaxMode: "legacy" } },
  { comment: "below int32 min, x64 on", call: fn("key", undefined, "partitionable", { seed: { $bigint: "-2147483749" } }, true), jax: { data: [4294967295, 2147483547], citation: `${JAX_TESTS} L507 (x64)`, jaxMode: "legacy" } },
  { comment: "2^40 + 5, x64 on: both words", call: fn("key", undefined, "partitionable", { seed: 1099511627781 }, true) },
  { comment: "int64 max, x64 on", call: fn("key", undefined, "partitionable", { seed: { $bigint: "9223372036854775807" } }, true) },
  { comment: "int64 min, x64 on", call: fn("key", undefined, "partitionable", { seed: { $bigint: "-9223372036854775808" } }, true) },
  { comment: "42, x64 on", call: fn("key", undefined, "partitionable", { seed: 42 }, true) },
];

const threefryCases: CaseSpec[] = [
  { comment: "Random123 known answer: zero key and counter", call: fn("threefry2x32", undefined, "partitionable", { key: [0, 0], counter: [0, 0] }), jax: { data: [0x6b200159, 0x99ba4efe], citation: `${JAX_TESTS} L210-L231 (Random123 kat_vectors)`, jaxMode: "legacy" } },
  { comment: "Random123 known answer: all-ones key and counter", call: fn("threefry2x32", undefined, "partitionable", { key: [0xffffffff, 0xffffffff], counter: [0xffffffff, 0xffffffff] }), jax: { data: [0x1cb996fc, 0xbb002be7], citation: `${JAX_TESTS} L210-L231 (Random123 kat_vectors)`, jaxMode: "legacy" } },
  { comment: "Random123 known answer: digits of pi", call: fn("threefry2x32", undefined, "partitionable", { key: [0x13198a2e, 0x03707344], counter: [0x243f6a88, 0x85a308d3] }), jax: { data: [0xc4923a9c, 0x483df7a0], citation: `${JAX_TESTS} L210-L231 (Random123 kat_vectors)`, jaxMode: "legacy" } },
];

const splitCases: CaseSpec[] = [
  { comment: "legacy split(key(0), 4)", call: fn("split", [0, 0], "legacy", { num: 4 }), jax: { data: [2285895361, 1501764800, 1518642379, 4090693311, 433833334, 4221794875, 839183663, 3740430601], citation: `${JAX_TESTS} L399-L405 (testPRNGValues)`, jaxMode: "legacy" } },
  { comment: "partitionable split(key(1), 3)", call: fn("split", [0, 1], "partitionable", { num: 3 }), jax: { data: [507451445, 1853169794, 1948878966, 4237131848, 2441914641, 3819641963], citation: `${JAX_JS} L36-L44`, jaxMode: "partitionable" } },
  ...MODES.flatMap((mode): CaseSpec[] => [
    { comment: `${mode}: default two keys`, call: fn("split", [0, 42], mode, { num: 2 }) },
    { comment: `${mode}: one key`, call: fn("split", [0, 42], mode, { num: 1 }) },
    { comment: `${mode}: odd count (legacy halves of 2n words)`, call: fn("split", [12345, 67890], mode, { num: 5 }) },
    { comment: `${mode}: shape [2, 3]`, call: fn("split", [0, 7], mode, { num: [2, 3] }) },
    { comment: `${mode}: zero keys`, call: fn("split", [0, 7], mode, { num: 0 }) },
  ]),
];

const foldInCases: CaseSpec[] = [
  { comment: "fold_in(key(0), 4), same in both modes", call: fn("foldIn", [0, 0], "legacy", { data: 4 }), jax: { data: [2285895361, 433833334], citation: `${JAX_TESTS} L407-L409 (testPRNGValues)`, jaxMode: "legacy" } },
  { comment: "fold_in(key(0), 0): first key of stateful_rng(0)", call: fn("foldIn", [0, 0], "partitionable", { data: 0 }), jax: { data: [1797259609, 2579123966], citation: `${STATEFUL} L94-L102`, jaxMode: "partitionable" } },
  { comment: "fold_in(key(0), 1): second key of stateful_rng(0)", call: fn("foldIn", [0, 0], "partitionable", { data: 1 }), jax: { data: [928981903, 3453687069], citation: `${STATEFUL} L94-L102`, jaxMode: "partitionable" } },
  { comment: "largest data word", call: fn("foldIn", [1, 2], "partitionable", { data: 4294967295 }) },
  { comment: "negative data is its int32 bit pattern", call: fn("foldIn", [1, 2], "legacy", { data: -1 }) },
];

export const keysArea: AreaSpec = {
  area: "keys",
  description: "Seeding (key), the Threefry-2x32-20 block function, split and fold_in in both threefry modes.",
  groups: [
    { name: "key", description: "key(seed): 32- and 64-bit seeds, number and bigint rules.", cases: seedCases },
    { name: "threefry2x32", description: "The block function: Random123 known answers.", cases: threefryCases },
    { name: "split", description: "split(key, num | shape) in both modes.", cases: splitCases },
    { name: "foldIn", description: "fold_in(key, data): identical in both modes.", cases: foldInCases },
  ],
};
