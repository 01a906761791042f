/**
 * A synchronous zip reader and writer for .docx packages. Apps Script's DocumentApp calls are
 * synchronous and jszip's are not, so the document fake reads and writes zips itself with
 * node:zlib. Entries nobody changed are written back with their original compressed bytes;
 * changed and new entries are stored uncompressed, and every date is fixed (1980-01-01), so the
 * same calls always give the same bytes, whatever zlib build compresses (deflate output differs
 * between zlib builds, which would make the committed default templates irreproducible).
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** One file of a zip package. */
export interface ZipEntry {
  name: string;
  /** The uncompressed bytes, read lazily for entries nobody asked for. */
  data(): Uint8Array;
  /** The stored form (method, crc, compressed bytes), reused when the entry is written unchanged. */
  stored?: { method: number; crc: number; compressed: Uint8Array; size: number };
}

/** Raised when bytes are not a zip package this reader understands. */
export class ZipFormatError extends Error {}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** DOS date of 1980-01-01 (the earliest a zip can hold), time 00:00. */
const FIXED_DOS_DATE = (1 << 5) | 1;
const FIXED_DOS_TIME = 0;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads the entries of a zip package, in the order of its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 65535); offset -= 1) {
    if (data.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('no end of central directory');
  const count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  if (offset === 0xffffffff || count === 0xffff) throw new ZipFormatError('zip64 packages are not supported');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== CENTRAL_HEADER) throw new ZipFormatError('damaged central directory');
    const flags = data.getUint16(offset + 8, true);
    const method = data.getUint16(offset + 10, true);
    const crc = data.getUint32(offset + 16, true);
    const compressedSize = data.getUint32(offset + 20, true);
    const size = data.getUint32(offset + 24, true);
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    const localOffset = data.getUint32(offset + 42, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipFormatError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`unsupported compression of ${name}`);
    if (localOffset + 30 > bytes.length || data.getUint32(localOffset, true) !== LOCAL_HEADER) throw new ZipFormatError(`damaged entry ${name}`);
    const start = localOffset + 30 + data.getUint16(localOffset + 26, true) + data.getUint16(localOffset + 28, true);
    if (start + compressedSize > bytes.length) throw new ZipFormatError(`truncated entry ${name}`);
    const compressed = bytes.subarray(start, start + compressedSize);
    let inflated: Uint8Array | undefined;
    entries.push({
      name,
      stored: { method, crc, compressed, size },
      data() {
        if (!inflated) {
          try {
            inflated = method === 0 ? compressed : new Uint8Array(inflateRawSync(compressed));
          } catch {
            throw new ZipFormatError(`damaged entry ${name}`);
          }
        }
        return inflated;
      },
    });
  }
  return entries;
}

/** An entry made from uncompressed bytes (a new or changed part). */
export function zipEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, data: () => bytes };
}

/** Writes a zip package: fixed dates, changed entries stored uncompressed, the others' stored bytes reused. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const stored = entry.stored ?? (() => {
      const bytes = entry.data();
      return { method: 0, crc: crc32(bytes), compressed: bytes, size: bytes.length };
    })();
    const name = encoder.encode(entry.name);
    const utf8Flag = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800;
    const local = new Uint8Array(30 + name.length);
    const localView = view(local);
    localView.setUint32(0, LOCAL_HEADER, true);
    localView.setUint16(4, 20, true);
    localView.setUint16(6, utf8Flag, true);
    localView.setUint16(8, stored.method, true);
    localView.setUint16(10, FIXED_DOS_TIME, true);
    localView.setUint16(12, FIXED_DOS_DATE, true);
    localView.setUint32(14, stored.crc, true);
    localView.setUint32(18, stored.compressed.length, true);
    localView.setUint32(22, stored.size, true);
    localView.setUint16(26, name.length, true);
    local.set(name, 30);
    const header = new Uint8Array(46 + name.length);
    const headerView = view(header);
    headerView.setUint32(0, CENTRAL_HEADER, true);
    headerView.setUint16(4, 20, true);
    headerView.setUint16(6, 20, true);
    headerView.setUint16(8, utf8Flag, true);
    headerView.setUint16(10, stored.method, true);
    headerView.setUint16(12, FIXED_DOS_TIME, true);
    headerView.setUint16(14, FIXED_DOS_DATE, true);
    headerView.setUint32(16, stored.crc, true);
    headerView.setUint32(20, stored.compressed.length, true);
    headerView.setUint32(24, stored.size, true);
    headerView.setUint16(28, name.length, true);
    headerView.setUint32(42, offset, true);
    header.set(name, 46);
    chunks.push(local, stored.compressed);
    central.push(header);
    offset += local.length + stored.compressed.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new Uint8Array(22);
  const endView = view(end);
  endView.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  endView.setUint16(8, entries.length, true);
  endView.setUint16(10, entries.length, true);
  endView.setUint32(12, centralSize, true);
  endView.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const result = new Uint8Array(all.reduce((sum, chunk) => sum + chunk.length, 0));
  let position = 0;
  for (const chunk of all) {
    result.set(chunk, position);
    position += chunk.length;
  }
  return result;
}
