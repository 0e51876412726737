/**
 * C's hexadecimal floating literals (`0x1.8p+52`), as glibc's tables write them.
 *
 * @module
 */

/** A C hexadecimal float literal (`0x1.8p+52`) as a number, exactly. */
export function hexFloat(literal: string): number {
  const match = /^(-?)0x([0-9a-f])\.?([0-9a-f]*)p([+-]?\d+)$/i.exec(literal);
  if (!match) throw new Error(`bad hex float ${literal}`);
  const [, sign, lead, fraction, exponent] = match;
  const significand = parseInt(lead + fraction, 16);
  const value = significand * 2 ** (Number(exponent) - 4 * fraction.length);
  return sign ? -value : value;
}
