/**
 * Uniform floats.
 *
 * @module
 */
import type { CompareRule } from "../format.js";
import { fn, MODES, type AreaSpec, type CaseSpec } from "./spec.js";

const JAX_JS = "ekzhang/jax-js test/random.test.ts@f6cf3d3";

const observed: CaseSpec[] = [
  {
    comment: "partitionable uniform(key(51), (4,))",
    call: fn("uniform", [0, 51], "partitionable", { shape: [4], dtype: "float32" }),
    jax: {
      data: [0.471269, 0.12344253, 0.17550635, 0.5663593],
      citation: `${JAX_JS} L67-L71`,
      jaxMode: "partitionable",
      note: "printed decimals: the shortest that read back as the float32 JAX computed, so compared exactly",
    },
  },
];

/**
 * Bounds other than [0, 1): `u · (maxval - minval) + minval` is one multiply
 * and one add, which XLA:CPU may fuse into one FMA (one rounding instead of
 * two), so implementations agree within 1 ULP there (spec/samplers/discrete.md).
 */
const AFFINE: CompareRule = { rule: "ulp", maxUlp: 1 };

const sweep: CaseSpec[] = MODES.flatMap((mode) =>
  (["float32", "float64"] as const).flatMap((dtype): CaseSpec[] => [
    { comment: `${mode} ${dtype} scalar`, call: fn("uniform", [0, 42], mode, { shape: [], dtype }) },
    { comment: `${mode} ${dtype} odd length`, call: fn("uniform", [0, 42], mode, { shape: [9], dtype }) },
    { comment: `${mode} ${dtype} zero-size`, call: fn("uniform", [0, 42], mode, { shape: [0, 4], dtype }) },
    { comment: `${mode} ${dtype} [2, 3] on [-5, 10)`, call: fn("uniform", [1, 2], mode, { shape: [2, 3], dtype, minval: -5, maxval: 10 }), compare: AFFINE },
    { comment: `${mode} ${dtype} broadcast bounds per row`, call: fn("uniform", [1, 2], mode, { shape: [2, 3], dtype, minval: [[0], [100]], maxval: [[1], [200]] }), compare: AFFINE },
    { comment: `${mode} ${dtype} maxval < minval: max(minval, …) clamps`, call: fn("uniform", [1, 2], mode, { shape: [4], dtype, minval: 3, maxval: 1 }) },
    { comment: `${mode} ${dtype} tiny range: subnormal results (IEEE gradual underflow, which the spec keeps; XLA:CPU flushes them to 0)`, call: fn("uniform", [5, 6], mode, { shape: [4], dtype, minval: 0, maxval: 1e-40 }), compare: AFFINE },
  ]),
);

export const uniformArea: AreaSpec = {
  area: "uniform",
  description: "uniform(key, shape, dtype, minval, maxval): float32 and float64, both modes, broadcasting and the final max(minval, …).",
  groups: [
    { name: "jax-observed", description: "Calls whose results real JAX printed.", cases: observed },
    { name: "sweep", description: "dtypes, modes, shapes and bounds.", cases: sweep },
  ],
};
