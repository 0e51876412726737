// Seed derivation of JAX's tests/random_test.py `_RANDOM_VALUES_CASES`.

/**
 * zlib.adler32, as JAX's RandomValuesCase._seed uses on name + prng impl
 * (`key(adler32("gammathreefry2x32"))`).
 */
export function adler32(text: string): number {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(text)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b * 65536 + a) >>> 0;
}
