import { describe, expect, it } from "vitest";
import { JRNG } from "../src/index.js";

// JAX's values: jax 0.10.2 / jaxlib 0.10.2 CPU (x86-64 with AVX2+FMA, glibc
// 2.36), through the vectors' driver (packages/vectors/python/jrng_jax.py):
// the split stream is rng-jax's Generator, the fold_in stream
// jax.experimental.random.stateful_rng; `lognormal` with a mean is
// `jnp.exp(mean + sigma * normal(...))`, each operation eager. Float32 bit
// patterns; the draws follow one another on one generator.

const view = new DataView(new ArrayBuffer(4));
const toHex32 = (x: number): string => {
  view.setFloat32(0, x);
  return "0x" + view.getUint32(0).toString(16).padStart(8, "0");
};
const hexOf = (array: { js(): unknown }): string[] =>
  (array.js() as number[]).flat(Infinity as 1).map(toHex32);

describe("lognormal with a mean equals JAX's eager exp (XLA's, or glibc's expf on short 1-D arrays)", () => {
  it("split stream, partitionable: sizes 3, 7, [2, 3] and 11", () => {
    const rng = new JRNG(42, { stream: "split", partitionable: true });
    expect(hexOf(rng.lognormal(0.5, 0.8, 3))).toEqual(["0x402b5038", "0x4047f5d0", "0x3f4bfb9b"]);
    expect(hexOf(rng.lognormal(0.5, 0.8, 7))).toEqual([
      "0x3fb245f9",
      "0x3f0ddfd4",
      "0x3fcb92d2",
      "0x3f27b707",
      "0x40f3f72c",
      "0x3f90165d",
      "0x40312ee7",
    ]);
    expect(hexOf(rng.lognormal(0.5, 0.8, [2, 3]))).toEqual([
      "0x3f99dedd",
      "0x3f9617ec",
      "0x3f3309d2",
      "0x3ef4506a",
      "0x413ebad4",
      "0x403e3a42",
    ]);
    expect(hexOf(rng.lognormal(0.5, 0.8, 11))).toEqual([
      "0x4034d62c",
      "0x3f8c746d",
      "0x3fa8251a",
      "0x4105d5a9",
      "0x402c1e75",
      "0x3eb52574",
      "0x3e343670",
      "0x3ecc5eff",
      "0x3f204ca8",
      "0x3ea1badf",
      "0x40f19bcc",
    ]);
  });

  it("fold_in stream, legacy: sizes 5 and 13", () => {
    const rng = new JRNG(42, { stream: "fold_in", partitionable: false });
    expect(hexOf(rng.lognormal(-0.3, 1.3, 5))).toEqual([
      "0x3f13cf81",
      "0x3deb1b35",
      "0x408c435e",
      "0x404afa89",
      "0x3f3a5d06",
    ]);
    expect(hexOf(rng.lognormal(-0.3, 1.3, 13))).toEqual([
      "0x3e26086e",
      "0x3d6b2461",
      "0x3f329db8",
      "0x3e944fa7",
      "0x3e5f653a",
      "0x3ee9a913",
      "0x3f593200",
      "0x3d39ceb2",
      "0x400e29f0",
      "0x3c9ecbb4",
      "0x404acb77",
      "0x3e3c371a",
      "0x3effc02e",
    ]);
  });
});
