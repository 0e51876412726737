import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { JRNG } from "../src/index.js";
import { PARALLEL_MIN_ELEMENTS, readyWorkers } from "../src/threads.js";

const N = PARALLEL_MIN_ELEMENTS.uniform32 * 3 + 17;

/** Every method that may run on threads, as (name, call) pairs. */
const CALLS: [string, (rng: JRNG) => { dataSync(): ArrayLike<number> }][] = [
  ["random", (rng) => rng.random([N])],
  ["uniform", (rng) => rng.uniform(-2, 3, [N])],
  ["integers", (rng) => rng.integers(-5, 1000, [N])],
  ["standardNormal", (rng) => rng.standardNormal([PARALLEL_MIN_ELEMENTS.normal32 * 3 + 1])],
  ["normal", (rng) => rng.normal(1, 2, [PARALLEL_MIN_ELEMENTS.normal32 * 3 + 2])],
  ["normal with array loc", (rng) => rng.normal([1, -1], 2, [PARALLEL_MIN_ELEMENTS.normal32, 2])],
  ["gamma", (rng) => rng.gamma(2.5, 1, [PARALLEL_MIN_ELEMENTS.gamma32 * 3 + 5])],
];

async function untilWorkersReady(): Promise<void> {
  for (let i = 0; i < 200 && readyWorkers() === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("large draws on worker threads", () => {
  it("rejects a bad threads option", () => {
    expect(() => new JRNG(0, { threads: 0 })).toThrow(
      /options.threads must be a positive integer, got 0/,
    );
    expect(() => new JRNG(0, { threads: 1.5 })).toThrow(TypeError);
  });

  it("JRNG.fromState takes the threads option too: checked, kept, and no value changes", () => {
    const saved = new JRNG(7, { threads: 2 }).state;
    expect(() => JRNG.fromState(saved, { threads: 0 })).toThrow(
      /options.threads must be a positive integer, got 0/,
    );
    const restored = JRNG.fromState(saved, { threads: 1 });
    expect((restored as unknown as { threads: number }).threads).toBe(1);
    const [x, y] = [restored, JRNG.fromState(saved)].map((rng) => rng.random([5]).dataSync());
    expect(Array.from(x)).toEqual(Array.from(y));
  });

  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: equal the single-thread results, bit for bit",
    async (_, partitionable) => {
      const threaded = new JRNG(42, { partitionable, threads: 2 });
      threaded.random([N]).dispose(); // starts the pool; this draw runs on the calling thread
      await untilWorkersReady();
      // On a machine with one CPU there is no pool, and this checks the one-thread path.
      if (availableParallelism() > 1) expect(readyWorkers()).toBeGreaterThan(0);
      const single = new JRNG(42, { partitionable, threads: 1 });
      single.random([N]).dispose();
      for (const [name, call] of CALLS) {
        // dataSync() reads and releases each array.
        const [x, y] = [call(threaded).dataSync(), call(single).dataSync()];
        expect(x.length, name).toBe(y.length);
        let same = true;
        for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) same = false;
        expect(same, name).toBe(true);
      }
    },
    60_000,
  );
});

describe("scalar parameters take their own path, with the broadcast path's values", () => {
  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: uniform, normal, integers and gamma with numbers equal them with arrays of equal values",
    (_, partitionable) => {
      const n = 100_004;
      const size = [n / 2, 2];
      const pairs: [
        string,
        (rng: JRNG) => { dataSync(): ArrayLike<number> },
        (rng: JRNG) => { dataSync(): ArrayLike<number> },
      ][] = [
        [
          "uniform",
          (rng) => rng.uniform(-2, 3, size),
          (rng) => rng.uniform([-2, -2], [3, 3], size),
        ],
        ["normal", (rng) => rng.normal(1.5, 2, size), (rng) => rng.normal([1.5], [2], size)],
        [
          "normal float64",
          (rng) => rng.normal(1.5, 2, size, { dtype: "float64" }),
          (rng) => rng.normal([1.5], [2], size, { dtype: "float64" }),
        ],
        [
          "integers",
          (rng) => rng.integers(-7, 1000, size),
          (rng) => rng.integers([-7, -7], [1000, 1000], size),
        ],
        // Each gamma element depends on its own key and shape only: the first column of a
        // draw with shapes [2.5, 3.5] (not one shape: no slice task) is that of shape 2.5.
        [
          "gamma",
          (rng) => rng.gamma(2.5, 1.5, size),
          (rng) => rng.gamma([2.5, 3.5], [1.5, 1.5], size),
        ],
        [
          "gamma float64",
          (rng) => rng.gamma(2.5, 1.5, size, { dtype: "float64" }),
          (rng) => rng.gamma([2.5], [1.5], size, { dtype: "float64" }),
        ],
      ];
      for (const [name, scalar, array] of pairs) {
        const x = scalar(new JRNG(5, { partitionable, threads: 1 })).dataSync();
        const y = array(new JRNG(5, { partitionable, threads: 1 })).dataSync();
        expect(x.length, name).toBe(n);
        const step = name === "gamma" ? 2 : 1;
        let same = true;
        for (let i = 0; i < n; i += step) if (!Object.is(x[i], y[i])) same = false;
        expect(same, name).toBe(true);
      }
    },
    60_000,
  );
});

describe("with x64, the scalar paths and slice tasks equal the broadcast path", () => {
  it.each([
    ["partitionable", true],
    ["legacy", false],
  ] as const)(
    "%s: float32 and float64 draws, int32 integers",
    (_, partitionable) => {
      const size = [50_002, 2];
      const f32 = { dtype: "float32" } as const;
      const pairs: [
        string,
        (rng: JRNG) => { dataSync(): ArrayLike<number> },
        (rng: JRNG) => { dataSync(): ArrayLike<number> },
      ][] = [
        [
          "uniform",
          (rng) => rng.uniform(-2, 3, size, f32),
          (rng) => rng.uniform([-2, -2], [3, 3], size, f32),
        ],
        [
          "uniform float64",
          (rng) => rng.uniform(-2, 3, size),
          (rng) => rng.uniform([-2, -2], [3, 3], size),
        ],
        [
          "normal",
          (rng) => rng.normal(1.5, 2, size, f32),
          (rng) => rng.normal([1.5], [2], size, f32),
        ],
        [
          "normal float64",
          (rng) => rng.normal(1.5, 2, size),
          (rng) => rng.normal([1.5], [2], size),
        ],
        // Each gamma element depends on its own key and shape only: the first column of a
        // draw with shapes [2.5, 3.5] (not one shape: no slice task) is that of shape 2.5.
        [
          "gamma",
          (rng) => rng.gamma(2.5, 1, size, f32),
          (rng) => rng.gamma([2.5, 3.5], [1, 1], size, f32),
        ],
        [
          "integers",
          (rng) => rng.integers(-7, 1000, size, { dtype: "int32" }),
          (rng) => rng.integers([-7, -7], [1000, 1000], size, { dtype: "int32" }),
        ],
      ];
      for (const [name, scalar, array] of pairs) {
        const x = scalar(new JRNG(5, { partitionable, x64: true, threads: 1 })).dataSync();
        const y = array(new JRNG(5, { partitionable, x64: true, threads: 1 })).dataSync();
        expect(x.length, name).toBe(size[0] * size[1]);
        const step = name === "gamma" ? 2 : 1;
        let same = true;
        for (let i = 0; i < x.length; i += step) if (!Object.is(x[i], y[i])) same = false;
        expect(same, name).toBe(true);
      }
      // Twelve draws of 100,004 elements (gamma's through the broadcast path): seconds under load.
    },
    60_000,
  );
});

describe("draws that reuse one output buffer", () => {
  it.each([
    ["one thread", 1],
    ["two threads", 2],
  ] as const)(
    "%s: each array keeps its own values after later draws (random, uniform, normal, standardNormal, integers)",
    (_, threads) => {
      const n = PARALLEL_MIN_ELEMENTS.uniform32 + 3;
      const rng = new JRNG(9, { threads });
      const first = [
        rng.random([n]),
        rng.uniform(-1, 1, [n]),
        rng.normal(2, 3, [n]),
        rng.standardNormal([n]),
        rng.integers(0, 100, [n]),
      ];
      const later = [rng.random([n]), rng.standardNormal([2 * n]), rng.integers(-5, 5, [2 * n])];
      const again = new JRNG(9, { threads: 1 });
      const expected = [
        again.random([n]),
        again.uniform(-1, 1, [n]),
        again.normal(2, 3, [n]),
        again.standardNormal([n]),
        again.integers(0, 100, [n]),
      ];
      first.forEach((array, k) => {
        const [x, y] = [array.dataSync(), expected[k].dataSync()];
        let same = true;
        for (let i = 0; i < n; i++) if (!Object.is(x[i], y[i])) same = false;
        expect(same, `draw ${k}`).toBe(true);
      });
      later.forEach((array) => array.dispose());
    },
  );
});
