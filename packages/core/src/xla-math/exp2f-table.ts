/**
 * The table and polynomial glibc's float32 `expf`, `exp2f` and `powf` share
 * (glibc 2.36, `__exp2f_data` in sysdeps/ieee754/flt-32/e_exp2f_data.c,
 * Szabolcs Nagy's, from Arm's optimized-routines).
 *
 * @module
 */
import { hexFloat } from "./hex-float.js";

/** `__exp2f_data.tab`: bits of 2^(i/32) minus i << 47, as [high, low] 32-bit words. */
export const EXP2_TABLE = [
  "3ff0000000000000",
  "3fefd9b0d3158574",
  "3fefb5586cf9890f",
  "3fef9301d0125b51",
  "3fef72b83c7d517b",
  "3fef54873168b9aa",
  "3fef387a6e756238",
  "3fef1e9df51fdee1",
  "3fef06fe0a31b715",
  "3feef1a7373aa9cb",
  "3feedea64c123422",
  "3feece086061892d",
  "3feebfdad5362a27",
  "3feeb42b569d4f82",
  "3feeab07dd485429",
  "3feea47eb03a5585",
  "3feea09e667f3bcd",
  "3fee9f75e8ec5f74",
  "3feea11473eb0187",
  "3feea589994cce13",
  "3feeace5422aa0db",
  "3feeb737b0cdc5e5",
  "3feec49182a3f090",
  "3feed503b23e255d",
  "3feee89f995ad3ad",
  "3feeff76f2fb5e47",
  "3fef199bdd85529c",
  "3fef3720dcef9069",
  "3fef5818dcfba487",
  "3fef7c97337b9b5f",
  "3fefa4afa2a490da",
  "3fefd0765b6e4540",
].map((hex) => [parseInt(hex.slice(0, 8), 16), parseInt(hex.slice(8), 16)]);

/** `__exp2f_data.poly`: 2^r ≈ C0 r^3 + C1 r^2 + C2 r + 1. */
export const EXP2_POLY = [
  "0x1.c6af84b912394p-5",
  "0x1.ebfce50fac4f3p-3",
  "0x1.62e42ff0c52d6p-1",
].map(hexFloat);
