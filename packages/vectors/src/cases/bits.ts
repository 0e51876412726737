/**
 * Random bits of every width, in both modes, over every shape kind.
 *
 * @module
 */
import { fn, MODES, type AreaSpec, type CaseSpec } from "./spec.js";

const JAX_TESTS = "jax-ml/jax tests/random_test.py@1b661b8";
const JAX_JS = "ekzhang/jax-js test/random.test.ts@f6cf3d3";

const observed: CaseSpec[] = [
  { comment: "legacy uint8 bits(key(1701), (3,))", call: fn("bits", [0, 1701], "legacy", { shape: [3], dtype: "uint8" }), jax: { data: [216, 115, 43], citation: `${JAX_TESTS} L268 (testRngRandomBits)`, jaxMode: "legacy" } },
  { comment: "legacy uint16 bits(key(1701), (3,))", call: fn("bits", [0, 1701], "legacy", { shape: [3], dtype: "uint16" }), jax: { data: [41682, 1300, 55017], citation: `${JAX_TESTS} L272 (testRngRandomBits)`, jaxMode: "legacy" } },
  { comment: "legacy uint32 bits(key(1701), (3,))", call: fn("bits", [0, 1701], "legacy", { shape: [3], dtype: "uint32" }), jax: { data: [56197195, 4200222568, 961309823], citation: `${JAX_TESTS} L276 (testRngRandomBits)`, jaxMode: "legacy" } },
  { comment: "legacy uint64 bits(key(1701), (3,)) with x64", call: fn("bits", [0, 1701], "legacy", { shape: [3], dtype: "uint64" }), jax: { data: ["3982329540505020460", "16822122385914693683", "7882654074788531506"], citation: `${JAX_TESTS} L282-L283 (testRngRandomBits)`, jaxMode: "legacy" } },
  { comment: "partitionable scalar bits(key(0))", call: fn("bits", [0, 0], "partitionable", { shape: [], dtype: "uint32" }), jax: { data: [4070199207], citation: `${JAX_JS} L22-L26`, jaxMode: "partitionable" } },
  { comment: "partitionable bits(key(10), (4,))", call: fn("bits", [0, 10], "partitionable", { shape: [4], dtype: "uint32" }), jax: { data: [169096361, 1572511259, 2689743692, 2228103506], citation: `${JAX_JS} L28-L32`, jaxMode: "partitionable" } },
];

const SHAPES: { shape: number[]; what: string }[] = [
  { shape: [], what: "scalar" },
  { shape: [0], what: "zero-size" },
  { shape: [1], what: "one element" },
  { shape: [7], what: "odd length (legacy padding)" },
  { shape: [8], what: "even length" },
  { shape: [2, 3, 5], what: "three axes, 30 elements" },
  { shape: [3, 0, 2], what: "zero-size with other axes" },
];

const sweep: CaseSpec[] = MODES.flatMap((mode) =>
  (["uint8", "uint16", "uint32", "uint64"] as const).flatMap((dtype) =>
    SHAPES.map(({ shape, what }) => ({
      comment: `${mode} ${dtype}, ${what}`,
      call: fn("bits", [0x9e3779b9, 0x7f4a7c15], mode, { shape, dtype }),
    })),
  ),
);

const narrowOddWords: CaseSpec[] = MODES.flatMap((mode) => [
  { comment: `${mode} uint8 length 5: two words, the second cut short`, call: fn("bits", [3, 4], mode, { shape: [5], dtype: "uint8" }) },
  { comment: `${mode} uint8 length 9: three words (odd word count pads)`, call: fn("bits", [3, 4], mode, { shape: [9], dtype: "uint8" }) },
  { comment: `${mode} uint16 length 3: two words`, call: fn("bits", [3, 4], mode, { shape: [3], dtype: "uint16" }) },
]);

export const bitsArea: AreaSpec = {
  area: "bits",
  description: "bits(key, shape, dtype) for uint8/16/32/64 in both threefry modes, over scalar, zero-size, odd and multi-axis shapes.",
  groups: [
    { name: "jax-observed", description: "Calls whose results real JAX printed.", cases: observed },
    { name: "sweep", description: "Every width, mode and shape kind under one key.", cases: sweep },
    { name: "narrow-widths", description: "8/16-bit lengths that end mid-word.", cases: narrowOddWords },
  ],
};
