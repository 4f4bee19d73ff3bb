/**
 * An image's pixel size, read from its header bytes: the token estimate of an image depends on it
 * (see binaryTokens.ts). No image library and no DOM: the host has neither, and the few header
 * fields we need are at fixed places in each of the four formats we attach.
 */

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** The size stated in a PNG, JPEG, WebP or GIF header, or undefined when it cannot be read. */
export function imageDimensions(bytes: Uint8Array): ImageSize | undefined {
  const size = pngSize(bytes) ?? gifSize(bytes) ?? webpSize(bytes) ?? jpegSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u16le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u24le(bytes: Uint8Array, at: number): number {
  return u16le(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
}

function u32be(bytes: Uint8Array, at: number): number {
  return u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
}

/** PNG: the 8-byte signature, then the IHDR chunk, whose data starts with width and height (32-bit, big-endian). */
function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 24 || ascii(bytes, 1, 3) !== 'PNG' || bytes[0] !== 0x89 || ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
}

/** GIF: `GIF87a`/`GIF89a`, then the logical screen's width and height (16-bit, little-endian). */
function gifSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 10 || !/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return undefined;
  return { width: u16le(bytes, 6), height: u16le(bytes, 8) };
}

/** WebP: a RIFF file whose first chunk is `VP8 ` (lossy), `VP8L` (lossless) or `VP8X` (extended). */
function webpSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return undefined;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') {
    // A key frame: 3 bytes of frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return undefined;
    return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // The signature byte 0x2f, then width − 1 and height − 1 in 14 bits each, least significant first.
    if (bytes[20] !== 0x2f) return undefined;
    const bits = (bytes[21] ?? 0) | ((bytes[22] ?? 0) << 8) | ((bytes[23] ?? 0) << 16) | ((bytes[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Flags and 3 reserved bytes, then canvas width − 1 and height − 1 (24-bit, little-endian).
    return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
  }
  return undefined;
}

/** Start-of-frame markers (C0–CF) except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * JPEG: walk the segments after SOI (FF D8) to the first start-of-frame (SOF0 baseline, SOF2
 * progressive, or another SOFn), whose data is precision, height, width. EXIF and colour profiles
 * come before it, so it may be tens of kilobytes in.
 */
function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // a fill byte before a marker
      continue;
    }
    // Markers without a length: TEM and the restart markers; EOI or SOS before a frame: none found.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = u16be(bytes, at + 2);
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return undefined;
      return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}
