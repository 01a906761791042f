/**
 * Utilities offline: formatDate (Java SimpleDateFormat patterns in a given time zone), sleep (moves
 * the simulated clock on), getUuid, and base-64 of strings and byte arrays (bytes as Java's signed
 * -128…127, as Apps Script gives them), and newBlob (a Blob as DriveApp's). The rest is not available.
 */
import { randomUUID } from 'node:crypto';
import { isKnownTimeZone } from '../runtime/time-zones';
import { advanceClock, isDate, makeEnum, makeFake, realmArray, unavailable, type FakeContext } from './fake-object';
import { bytesFrom, makeBlob } from './drive/blob';
import { formatJavaDate } from './java-date-format';

/** Bytes of a string or of a byte array given by the bundle. */
function bytesOf(context: FakeContext, data: unknown, method: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((byte) => Number(byte) & 0xff));
  return unavailable(context, 'Utilities', method, 'data that is neither a string nor a byte array');
}

/** Java's signed bytes of a buffer, as an array of the bundle's realm. */
function signedBytes(context: FakeContext, buffer: Buffer): number[] {
  return realmArray(context, Array.from(buffer, (byte) => (byte > 127 ? byte - 256 : byte)));
}

/** The Utilities fake. */
export function makeUtilities(context: FakeContext): unknown {
  const checkCharset = (charset: unknown, method: string) => {
    if (charset !== undefined && String(charset) !== 'UTF_8') unavailable(context, 'Utilities', method, `charset ${String(charset)}`);
  };
  return makeFake(context, 'Utilities', () => ({
    Charset: makeEnum(context, 'Charset', ['US_ASCII', 'UTF_8']),
    formatDate(date: unknown, timeZone: unknown, format: unknown) {
      if (!isDate(date)) return unavailable(context, 'Utilities', 'formatDate', 'a first argument that is not a Date');
      const zone = String(timeZone);
      if (!isKnownTimeZone(zone)) return unavailable(context, 'Utilities', 'formatDate', `time zone "${zone}"`);
      const formatted = formatJavaDate(date.getTime(), zone, String(format));
      return formatted ?? unavailable(context, 'Utilities', 'formatDate', `pattern "${String(format)}"`);
    },
    sleep(milliseconds: unknown) {
      advanceClock(context, Math.max(0, Number(milliseconds) || 0));
    },
    getUuid: () => randomUUID(),
    newBlob(data: unknown, contentType?: unknown, name?: unknown) {
      const bytes = bytesFrom(data);
      if (!bytes) return unavailable(context, 'Utilities', 'newBlob', 'data that is neither a string nor a byte array');
      return makeBlob(context, {
        bytes,
        contentType: contentType === undefined || contentType === null ? null : String(contentType),
        name: name === undefined || name === null ? null : String(name),
      });
    },
    base64Encode(data: unknown, charset?: unknown) {
      checkCharset(charset, 'base64Encode');
      return bytesOf(context, data, 'base64Encode').toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown) {
      checkCharset(charset, 'base64EncodeWebSafe');
      return bytesOf(context, data, 'base64EncodeWebSafe').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: unknown, charset?: unknown) {
      checkCharset(charset, 'base64Decode');
      return signedBytes(context, Buffer.from(String(encoded), 'base64'));
    },
    base64DecodeWebSafe(encoded: unknown, charset?: unknown) {
      checkCharset(charset, 'base64DecodeWebSafe');
      return signedBytes(context, Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    },
  }));
}
