/**
 * The constants of XLA's float32 `log`, `log1p` and `erf_inv`, defined once
 * for both implementations: the JavaScript routines (`log.ts`, `log1p.ts`,
 * `../erf-inv.ts`) and the WebAssembly SIMD normal kernel
 * (`assembly/normal.ts`, which AssemblyScript compiles from this same file).
 *
 * So that AssemblyScript reads it too, this file holds only plain numeric
 * constants: float32 bit patterns as integers (read with `bitsToFloat32` in
 * JavaScript, `reinterpret<f32>` in AssemblyScript) and decimal coefficients
 * as StableHLO writes them (rounded to float32 where they are used).
 * Coefficient lists run from the highest degree down.
 *
 * @module
 */

/** `log`: float32 √½, the mantissa threshold of the range reduction. */
export const LOG_SQRT_HALF_BITS = 0x3f3504f3;
/** `log`: ln 2, high part (few bits: its products are exact). */
export const LOG_LN2_HIGH_BITS = 0x3f318000;
/** `log`: ln 2, low part. */
export const LOG_LN2_LOW_BITS = 0xb95e8083;
/** `log`: Cephes `logf` coefficients P0 … P8. */
export const LOG_P0_BITS = 0x3d9021bb;
export const LOG_P1_BITS = 0xbdebd1b8;
export const LOG_P2_BITS = 0x3def251a;
export const LOG_P3_BITS = 0xbdfe5d4f;
export const LOG_P4_BITS = 0x3e11e9bf;
export const LOG_P5_BITS = 0xbe2aae50;
export const LOG_P6_BITS = 0x3e4cceac;
export const LOG_P7_BITS = 0xbe7ffffc;
export const LOG_P8_BITS = 0x3eaaaaaa;

/** `log1p`: float32 √2 - 1; below it in magnitude the rational form is used. */
export const LOG1P_SMALL_BITS = 0x3ed413cd;
/** `log1p`: numerator N0 … N6 (N0 is the decimal 4.527e-5 in the IR). */
export const LOG1P_N0 = 4.527e-5;
export const LOG1P_N1_BITS = 0x3eff40c5;
export const LOG1P_N2_BITS = 0x40d284fa;
export const LOG1P_N3_BITS = 0x41ef4b9c;
export const LOG1P_N4_BITS = 0x4273cc76;
export const LOG1P_N5_BITS = 0x426473ad;
export const LOG1P_N6_BITS = 0x41a05101;
/** `log1p`: denominator D1 … D6, after its leading 1. */
export const LOG1P_D1_BITS = 0x417101ad;
export const LOG1P_D2_BITS = 0x42a6185b;
export const LOG1P_D3_BITS = 0x435dc32d;
export const LOG1P_D4_BITS = 0x439a8ca3;
export const LOG1P_D5_BITS = 0x43586d8a;
export const LOG1P_D6_BITS = 0x42707982;

/** `erf_inv` (StableHLO `erfInv32`): for `w < 5`, after `w ← w - 2.5`. */
export const ERF_INV_SMALL_C0 = 2.81022636e-8;
export const ERF_INV_SMALL_C1 = 3.43273939e-7;
export const ERF_INV_SMALL_C2 = -3.5233877e-6;
export const ERF_INV_SMALL_C3 = -4.39150654e-6;
export const ERF_INV_SMALL_C4 = 0.00021858087;
export const ERF_INV_SMALL_C5 = -0.00125372503;
export const ERF_INV_SMALL_C6 = -0.00417768164;
export const ERF_INV_SMALL_C7 = 0.246640727;
export const ERF_INV_SMALL_C8 = 1.50140941;
/** `erf_inv`: for `w >= 5`, after `w ← sqrt(w) - 3`. */
export const ERF_INV_LARGE_C0 = -0.000200214257;
export const ERF_INV_LARGE_C1 = 0.000100950558;
export const ERF_INV_LARGE_C2 = 0.00134934322;
export const ERF_INV_LARGE_C3 = -0.00367342844;
export const ERF_INV_LARGE_C4 = 0.00573950773;
export const ERF_INV_LARGE_C5 = -0.0076224613;
export const ERF_INV_LARGE_C6 = 0.00943887047;
export const ERF_INV_LARGE_C7 = 1.00167406;
export const ERF_INV_LARGE_C8 = 2.83297682;
