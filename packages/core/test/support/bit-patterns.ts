// Floats as the IEEE bit patterns the tests write them in ("0x3ff0000000000000", "0x3f800000").

const view = new DataView(new ArrayBuffer(8));

/** A float64 from its 16-hex-digit bit pattern. */
export function fromHex(hex: string): number {
  view.setBigUint64(0, BigInt(hex));
  return view.getFloat64(0);
}

/** The bit pattern of a float64, as 16 hex digits after `0x`. */
export function toHex(x: number): string {
  view.setFloat64(0, x);
  return "0x" + view.getBigUint64(0).toString(16).padStart(16, "0");
}

/** A float32 from its 8-hex-digit bit pattern. */
export function fromHex32(hex: string): number {
  view.setUint32(0, Number(hex));
  return view.getFloat32(0);
}

/** The bit pattern of `x` rounded to float32, as 8 hex digits after `0x`. */
export function toHex32(x: number): string {
  view.setFloat32(0, x);
  return "0x" + view.getUint32(0).toString(16).padStart(8, "0");
}
