/**
 * Numbers packed as little-endian IEEE 754 floats, the byte layout shared by the compact snapshot series
 * (compact-series.ts) and the store's series chunks (lambdas/shared/store/series-codec.ts).
 *
 * Float32 keeps about 7 significant digits (relative error ≤ 2⁻²⁴ ≈ 6e-8, integers exact up to 2²⁴); a value v is
 * stored without loss exactly when Math.fround(v) === v, which holds for everything the store has already packed
 * as Float32. Float64 is lossless for every JS number.
 */
export type FloatWidth = 32 | 64;

/** Bytes per packed value. */
export function bytesPerFloat(width: FloatWidth): number {
  return width === 32 ? Float32Array.BYTES_PER_ELEMENT : Float64Array.BYTES_PER_ELEMENT;
}

/** Packs `numbers` little-endian at the given width (NaN stays NaN). */
export function packFloats(numbers: ArrayLike<number>, width: FloatWidth): Uint8Array {
  const size = bytesPerFloat(width);
  const view = new DataView(new ArrayBuffer(numbers.length * size));
  for (let i = 0; i < numbers.length; i++) {
    if (width === 32) view.setFloat32(i * size, numbers[i], true);
    else view.setFloat64(i * size, numbers[i], true);
  }
  return new Uint8Array(view.buffer);
}

/** Unpacks little-endian floats; undefined when the byte length is not a whole number of values. */
export function unpackFloats(bytes: Uint8Array, width: FloatWidth): number[] | undefined {
  const size = bytesPerFloat(width);
  if (bytes.byteLength % size !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength / size);
  for (let i = 0; i < out.length; i++) out[i] = width === 32 ? view.getFloat32(i * size, true) : view.getFloat64(i * size, true);
  return out;
}

/** Whether every value survives a round trip through Float32 unchanged (NaN counts as surviving). */
export function fitsFloat32Exactly(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && !Number.isNaN(v)) return false;
  }
  return true;
}
