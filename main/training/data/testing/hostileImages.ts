/** Image files that are only a header, declaring any size: for tests of the size caps. */

/** A PNG that is only a header: IHDR declaring `width`×`height`, then IEND (CRCs not needed). */
export function pngHeaderOnly(width: number, height: number, colorType = 2): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = colorType;
  const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, iend]);
}

/** A JPEG that is only SOI, APP1 segments with `padding` bytes in all and a SOF0 with the size. */
export function jpegHeaderOnly(width: number, height: number, padding = 16): Buffer {
  const parts = [Buffer.from([0xff, 0xd8])];
  for (let left = padding; left > 0; left -= 60_000) {
    const app = Buffer.alloc(4 + Math.min(left, 60_000));
    app.writeUInt16BE(0xffe1, 0);
    app.writeUInt16BE(app.length - 2, 2);
    parts.push(app);
  }
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  parts.push(sof, Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}
