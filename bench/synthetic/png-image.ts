import { crc32, deflateSync } from 'node:zlib';
import type { SeededRandom } from './seeded-random.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, checksum]);
}

/**
 * A small valid RGBA PNG with seeded pixels (icons and screenshots for the binary-file
 * cases). Pixel data is stored without compression so the bytes do not depend on the zlib
 * build, keeping the repository identical across machines.
 *
 * @example
 * const icon = pngImage(random, 16, 16);
 */
export function pngImage(random: SeededRandom, width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rowBytes = width * 4 + 1;
  const pixels = Buffer.alloc(rowBytes * height);
  const base = [random.int(0, 255), random.int(0, 255), random.int(0, 255)];
  for (let y = 0; y < height; y++) {
    pixels[y * rowBytes] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + 1 + x * 4;
      pixels[at] = (base[0]! + x * 3) & 0xff;
      pixels[at + 1] = (base[1]! + y * 5) & 0xff;
      pixels[at + 2] = (base[2]! + random.int(0, 40)) & 0xff;
      pixels[at + 3] = 255;
    }
  }
  const data = deflateSync(pixels, { level: 0 });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}
