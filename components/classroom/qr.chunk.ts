/**
 * The only importer of the QR encoder (uqr, MIT), loaded when the presenter opens the student
 * link. Returns the module grid as one SVG path, drawn by QrCode.tsx: no network, no canvas.
 */
import { encode } from 'uqr';

/** A QR code as an SVG path over a square of `size` modules (quiet zone included). */
export interface QrPath {
  /** Width and height in modules, with a 4-module quiet zone on each side. */
  size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module. */
  d: string;
}

/**
 * Encodes text (a URL) as a QR code path.
 * @param text what the code holds
 * @returns the path and its size in modules
 * @example qrPath('https://example.org/').size // 29 (21 modules + 2 × 4 quiet zone)
 */
export function qrPath(text: string): QrPath {
  // Medium error correction: readable from a projector with some glare, still small.
  const { data } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: data.length, d };
}
