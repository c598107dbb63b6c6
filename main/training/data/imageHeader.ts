/**
 * Image shapes from file headers alone: PNG's IHDR (and PLTE for palette images) and JPEG's SOF
 * frame header. Describing a data folder runs in the process that answers the UI, so it never
 * decodes: a 48 KB PNG may declare 20000×20000 pixels, and a 1 GB file may be named `.png`. The
 * caps below are checked before a single pixel is allocated, here and again before decoding.
 */
import { promises as fs } from 'node:fs';
import { DataError } from './dataset.ts';

/** Largest image file NetDesigner reads, in bytes. */
export const MAX_IMAGE_FILE_BYTES = 64 * 1024 * 1024;
/** Most pixels one image may declare (about 7000×7000); decoding it takes 4 bytes per pixel. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** How far into a JPEG the frame header is looked for (metadata segments come before it). */
const MAX_HEADER_SCAN_BYTES = 16 * 1024 * 1024;
const FIRST_READ_BYTES = 64 * 1024;

export interface ImageHeader {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** 1 for grayscale (incl. a palette of grays), 3 for colour; alpha is ignored. */
  channels: 1 | 3;
}

/** The parse needs bytes beyond the buffer it was given (a JPEG with large metadata). */
const NEED_MORE = Symbol('need more bytes');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPng(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE);
}

function isJpeg(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff;
}

function parsePng(buf: Buffer, path: string): ImageHeader | typeof NEED_MORE {
  // Signature, then the IHDR chunk: length 13, "IHDR", width, height, depth, colour type, …
  if (buf.length < 33) return NEED_MORE;
  if (buf.readUInt32BE(8) !== 13 || buf.toString('latin1', 12, 16) !== 'IHDR')
    throw new DataError(`${path} is not a valid PNG file (its first chunk is not IHDR)`);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colorType = buf[25]!;
  if (![0, 2, 3, 4, 6].includes(colorType))
    throw new DataError(`${path} is not a valid PNG file (unknown colour type ${colorType})`);
  let channels: 1 | 3 = colorType === 0 || colorType === 4 ? 1 : 3;
  if (colorType === 3) channels = paletteChannels(buf);
  return { format: 'png', width, height, channels };
}

/** 1 when every PLTE entry is a gray (R = G = B) within the bytes read, else 3. */
function paletteChannels(buf: Buffer): 1 | 3 {
  let at = 33;
  // Walk chunk headers only while they lie inside the buffer; lengths are checked, not trusted.
  for (let chunks = 0; chunks < 64 && at + 8 <= buf.length; chunks++) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'PLTE') {
      if (length % 3 !== 0 || at + 8 + length > buf.length) return 3;
      for (let i = at + 8; i < at + 8 + length; i += 3)
        if (buf[i] !== buf[i + 1] || buf[i] !== buf[i + 2]) return 3;
      return 1;
    }
    if (type === 'IDAT' || type === 'IEND') return 3;
    at += 12 + length;
  }
  return 3;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): the markers that carry the frame size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function parseJpeg(buf: Buffer, path: string, fileSize: number): ImageHeader | typeof NEED_MORE {
  let at = 2;
  for (let segments = 0; segments < 100_000; segments++) {
    if (at + 4 > buf.length) return at + 4 > fileSize ? noFrame(path) : NEED_MORE;
    if (buf[at] !== 0xff)
      throw new DataError(`${path} is not a valid JPEG file (no marker at byte ${at})`);
    const marker = buf[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM, RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return noFrame(path); // end of image / start of scan
    const length = buf.readUInt16BE(at + 2);
    if (length < 2) throw new DataError(`${path} is not a valid JPEG file (bad segment length)`);
    if (isStartOfFrame(marker)) {
      if (at + 2 + 8 > buf.length) return at + 10 > fileSize ? noFrame(path) : NEED_MORE;
      const height = buf.readUInt16BE(at + 5);
      const width = buf.readUInt16BE(at + 7);
      const components = buf[at + 9]!;
      if (height === 0)
        throw new DataError(
          `${path}: JPEG files that give their height later (DNL) are not supported`,
        );
      return { format: 'jpeg', width, height, channels: components === 1 ? 1 : 3 };
    }
    at += 2 + length;
  }
  return noFrame(path);
}

function noFrame(path: string): never {
  throw new DataError(`${path} is not a valid JPEG file (no frame header)`);
}

/** Refuses sizes of 0 and images above {@link MAX_IMAGE_PIXELS}, naming the file. */
function checkSize(h: ImageHeader, path: string): ImageHeader {
  if (h.width === 0 || h.height === 0)
    throw new DataError(`${path} declares an empty image (${h.width}×${h.height})`);
  if (h.width * h.height > MAX_IMAGE_PIXELS)
    throw new DataError(
      `${path} declares ${h.width}×${h.height} pixels, more than the ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} NetDesigner reads — resize it`,
    );
  return h;
}

/**
 * The header of an image already in memory (a whole file).
 * @throws DataError naming the file when it is neither PNG nor JPEG, is malformed, or is too large.
 */
export function parseImageHeader(buf: Buffer, path: string): ImageHeader {
  const h = isPng(buf)
    ? parsePng(buf, path)
    : isJpeg(buf)
      ? parseJpeg(buf, path, buf.length)
      : notAnImage(path);
  if (h === NEED_MORE) throw new DataError(`${path} is truncated inside its header`);
  return checkSize(h, path);
}

function notAnImage(path: string): never {
  throw new DataError(`cannot decode image ${path}: it is neither a PNG nor a JPEG file`);
}

/**
 * Checks that `path` is a regular file within {@link MAX_IMAGE_FILE_BYTES} (devices, FIFOs and
 * sparse giants are refused before they are opened) and returns its size.
 * @throws DataError naming the file.
 */
export async function imageFileSize(path: string): Promise<number> {
  let info;
  try {
    info = await fs.stat(path);
  } catch (err) {
    throw new DataError(`cannot read image ${path}: ${(err as Error).message}`);
  }
  if (!info.isFile()) throw new DataError(`${path} is not a regular file`);
  if (info.size > MAX_IMAGE_FILE_BYTES)
    throw new DataError(
      `${path} is ${(info.size / 1024 ** 2).toFixed(0)} MB, more than the ${MAX_IMAGE_FILE_BYTES / 1024 ** 2} MB an image may have`,
    );
  return info.size;
}

/**
 * Reads the header of an image file: only its first bytes (more for a JPEG whose metadata comes
 * first, up to 16 MB), never its pixels.
 * @throws DataError naming the file when it is not a regular file, too big, malformed or declares
 *   too many pixels.
 */
export async function readImageHeader(path: string): Promise<ImageHeader> {
  const size = await imageFileSize(path);
  let want = Math.min(size, FIRST_READ_BYTES);
  const fh = await fs.open(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.alloc(want);
      const { bytesRead } = await fh.read(buf, 0, want, 0);
      const head = buf.subarray(0, bytesRead);
      const h = isPng(head)
        ? parsePng(head, path)
        : isJpeg(head)
          ? parseJpeg(head, path, size)
          : notAnImage(path);
      if (h !== NEED_MORE) return checkSize(h, path);
      if (want >= Math.min(size, MAX_HEADER_SCAN_BYTES))
        throw new DataError(`${path} has no image header in its first ${want} bytes`);
      want = Math.min(size, MAX_HEADER_SCAN_BYTES, want * 4);
    }
  } finally {
    await fh.close();
  }
}
