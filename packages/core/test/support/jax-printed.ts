// Comparison with values JAX printed (6 decimals, as assertAllClose shows them).
import { expect } from "vitest";

/**
 * Values printed with 6 decimals: ours must round to the printed value, i.e. lie within half
 * a unit of the last printed digit (5e-7), plus 6 float32 ULP of the value for the
 * transcendentals (see gamma.ts).
 */
export function expectPrinted(actual: ArrayLike<number>, printed: readonly number[]): void {
  expect(actual.length).toBe(printed.length);
  for (let i = 0; i < printed.length; i++) {
    const ulp = 2 ** (Math.floor(Math.log2(Math.abs(printed[i]))) - 23);
    expect(Math.abs(actual[i] - printed[i])).toBeLessThanOrEqual(5e-7 + 6 * ulp);
  }
}
