/** Decoding PNG/JPEG files to RGBA and resampling them to the network's input (bilinear, channel conversion). */
import { PNG } from 'pngjs';
import { decode as decodeJpeg } from 'jpeg-js';
import { DataError, type ImageShape } from './dataset.ts';
import { MAX_IMAGE_PIXELS, parseImageHeader } from './imageHeader.ts';

export interface RgbaImage {
  width: number;
  height: number;
  /** 8-bit RGBA, row-major. */
  data: Uint8Array;
}

export const IMAGE_EXTENSIONS = /\.(png|jpe?g)$/i;

/**
 * Decodes a PNG or JPEG (chosen by its signature bytes, not its name). Runs only in the trainer
 * process, never in the one that answers the UI.
 * @throws DataError naming the file when it is neither, is corrupt or declares too many pixels.
 */
export function decodeImage(buf: Buffer, path: string): RgbaImage {
  // The header's size is checked first: a few KB may declare gigapixels, and decoders allocate
  // what the header says before they notice the data is not there.
  parseImageHeader(buf, path);
  const isPng = buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47;
  try {
    if (isPng) {
      const png = PNG.sync.read(buf);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) {
      const img = decodeJpeg(buf, {
        useTArray: true,
        formatAsRGBA: true,
        maxMemoryUsageInMB: 512,
        maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
      });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch (err) {
    throw new DataError(
      `cannot decode image ${path}: it is not a valid ${isPng ? 'PNG' : 'JPEG'} file (${(err as Error).message})`,
    );
  }
  throw new DataError(`cannot decode image ${path}: it is neither a PNG nor a JPEG file`);
}

/**
 * Writes the image resized to `shape` (bilinear, half-pixel centres) into `out` at `offset`, as
 * floats in [0, 1]; 1 channel = luminance (ITU-R BT.601), 3 = RGB, alpha ignored.
 */
export function resampleInto(
  img: RgbaImage,
  shape: ImageShape,
  out: Float32Array,
  offset: number,
): void {
  const [h, w, c] = shape;
  const sy = img.height / h;
  const sx = img.width / w;
  const px = (x: number, y: number, ch: number): number => img.data[(y * img.width + x) * 4 + ch]!;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, img.height - 1);
    const dy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const dx = fx - x0;
      const sample = (ch: number): number =>
        (px(x0, y0, ch) * (1 - dx) + px(x1, y0, ch) * dx) * (1 - dy) +
        (px(x0, y1, ch) * (1 - dx) + px(x1, y1, ch) * dx) * dy;
      const o = offset + (y * w + x) * c;
      if (c === 1) {
        out[o] = (0.299 * sample(0) + 0.587 * sample(1) + 0.114 * sample(2)) / 255;
      } else {
        for (let ch = 0; ch < c; ch++) out[o + ch] = sample(Math.min(ch, 2)) / 255;
      }
    }
  }
}
