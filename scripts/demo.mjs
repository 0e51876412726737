// jrng demo: @jrng/core's keys, split, foldIn and bits in both threefry modes,
// printed next to the values JAX printed, with where JAX printed each one.
//
//   npm run demo            (builds the packages first, then runs this file)
//   node scripts/demo.mjs --json
//
// Exits 0 when every row matches, 1 when one does not, 2 when the build is missing.
// Every expected value below is copied from a JAX test or docstring (or from
// Random123's known answers, which JAX's own tests assert) and is asserted in
// packages/core/test as well; none of them was produced by our code.

const json = process.argv.includes("--json");

let core;
try {
  core = await import("../packages/core/dist/index.js");
} catch (error) {
  console.error(`demo: cannot load packages/core/dist (${error.message}).`);
  console.error("Build first: `npm run build`, or run `npm run demo`, which builds.");
  process.exit(2);
}
const { bits, foldIn, key, split, threefry2x32 } = core;

const LEGACY = { partitionable: false };
const hex = (word) => `0x${word.toString(16).padStart(8, "0")}`;

const RANDOM123 =
  "Random123 kat_vectors (Salmon et al., SC'11), asserted by " +
  "jax-ml/jax tests/random_test.py@1b661b8 lines 210-231 (testThreefry2x32)";
const PRNG_VALUES = "jax-ml/jax tests/random_test.py@1b661b8";
const RANDOM_BITS =
  "jax-ml/jax tests/random_test.py@1b661b8 lines 261-286 (testRngRandomBits, legacy mode)";
const JAX_JS = "ekzhang/jax-js test/random.test.ts@f6cf3d3";
const STATEFUL =
  "jax-ml/jax jax/_src/random/stateful_rng.py@e6848a3 lines 94-102 " +
  "(StatefulPRNG.key docstring, partitionable mode)";

/** Words of a key array, grouped into keys: [[k0, k1], ...]. */
const keysOf = (keyArray) => {
  const pairs = [];
  for (let i = 0; i < keyArray.data.length; i += 2) {
    pairs.push([keyArray.data[i], keyArray.data[i + 1]]);
  }
  return pairs;
};

const sections = [
  {
    title: "Threefry-2x32-20 block function (no mode)",
    rows: [
      [
        [0x00000000, 0x00000000],
        [0x00000000, 0x00000000],
        [0x6b200159, 0x99ba4efe],
      ],
      [
        [0xffffffff, 0xffffffff],
        [0xffffffff, 0xffffffff],
        [0x1cb996fc, 0xbb002be7],
      ],
      [
        [0x13198a2e, 0x03707344],
        [0x243f6a88, 0x85a308d3],
        [0xc4923a9c, 0x483df7a0],
      ],
    ].map(([k, x, out]) => ({
      call: `threefry2x32([${k.map(hex).join(", ")}], [${x.map(hex).join(", ")}])`,
      ours: () => threefry2x32(k, x),
      jax: out,
      format: (words) => `[${words.map(hex).join(", ")}]`,
      source: RANDOM123,
    })),
  },
  {
    title: "legacy mode: LEGACY = { partitionable: false }",
    rows: [
      {
        call: "split(key(0), 4, LEGACY)",
        ours: () => keysOf(split(key(0), 4, LEGACY)),
        jax: [
          [2285895361, 1501764800],
          [1518642379, 4090693311],
          [433833334, 4221794875],
          [839183663, 3740430601],
        ],
        source: `${PRNG_VALUES} lines 399-405 (testPRNGValues)`,
      },
      {
        call: "foldIn(key(0), 4)  (fold_in is the same in both modes)",
        ours: () => Array.from(foldIn(key(0), 4)),
        jax: [2285895361, 433833334],
        source: `${PRNG_VALUES} lines 407-409 (testPRNGValues)`,
      },
      ...[
        ["uint8", [216, 115, 43]],
        ["uint16", [41682, 1300, 55017]],
        ["uint32", [56197195, 4200222568, 961309823]],
        ["uint64", [3982329540505020460n, 16822122385914693683n, 7882654074788531506n]],
      ].map(([dtype, expected]) => ({
        call: `bits(key(1701), [3], "${dtype}", LEGACY)`,
        ours: () => Array.from(bits(key(1701), [3], dtype, LEGACY).data),
        jax: expected,
        source: dtype === "uint64" ? `${RANDOM_BITS}, the jax_enable_x64 expectation` : RANDOM_BITS,
      })),
    ],
  },
  {
    title: "partitionable mode: the default (as in JAX 0.5.0 and later)",
    rows: [
      {
        call: "bits(key(0))",
        ours: () => Array.from(bits(key(0)).data),
        jax: [4070199207],
        source: `${JAX_JS} lines 22-33, printed with JAX`,
      },
      {
        call: "bits(key(10), [4])",
        ours: () => Array.from(bits(key(10), [4]).data),
        jax: [169096361, 1572511259, 2689743692, 2228103506],
        source: `${JAX_JS} lines 22-33, printed with JAX`,
      },
      {
        call: "split(key(1), 3)",
        ours: () => keysOf(split(key(1), 3)),
        jax: [
          [507451445, 1853169794],
          [1948878966, 4237131848],
          [2441914641, 3819641963],
        ],
        source: `${JAX_JS} lines 36-44, printed with JAX`,
      },
      {
        call: "foldIn(key(0), 0)",
        ours: () => Array.from(foldIn(key(0), 0)),
        jax: [1797259609, 2579123966],
        source: STATEFUL,
      },
      {
        call: "foldIn(key(0), 1)",
        ours: () => Array.from(foldIn(key(0), 1)),
        jax: [928981903, 3453687069],
        source: STATEFUL,
      },
    ],
  },
];

const show = (value) => (Array.isArray(value) ? `[${value.map(show).join(", ")}]` : String(value));
const same = (a, b) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => same(x, b[i]))
    : a === b;
const plain = (value) =>
  Array.isArray(value) ? value.map(plain) : typeof value === "bigint" ? String(value) : value;

const results = sections.flatMap(({ title, rows }) =>
  rows.map((row) => {
    let ours;
    let error;
    try {
      ours = row.ours();
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const match = error === undefined && same(ours, row.jax);
    return { section: title, ...row, ours, error, match };
  }),
);
const mismatches = results.filter((row) => !row.match).length;

if (json) {
  const rows = results.map(({ section, call, ours, jax, match, source, error }) => ({
    section,
    call,
    jrng: error === undefined ? plain(ours) : null,
    jax: plain(jax),
    match,
    source,
    ...(error === undefined ? {} : { error }),
  }));
  console.log(JSON.stringify({ ok: mismatches === 0, rows }, null, 2));
} else {
  console.log("jrng demo: @jrng/core next to the values JAX printed");
  for (const { title } of sections) {
    console.log(`\n${title}`);
    for (const row of results.filter((r) => r.section === title)) {
      const format = row.format ?? show;
      console.log(`  ${row.match ? "✓" : "✗"} ${row.call}`);
      console.log(
        `      jrng  ${row.error === undefined ? format(row.ours) : `threw: ${row.error}`}`,
      );
      console.log(`      JAX   ${format(row.jax)}`);
      console.log(`      from  ${row.source}`);
    }
  }
  console.log(
    mismatches === 0
      ? `\nall ${results.length} rows match JAX bit for bit`
      : `\n${mismatches} of ${results.length} rows do NOT match JAX`,
  );
}
process.exit(mismatches === 0 ? 0 : 1);
