/**
 * Blob offline: a name, a content type and bytes, as DriveApp's File.getAs and Utilities.newBlob
 * give them. getBytes() answers Java's signed bytes (-128…127) in an array of the bundle's realm,
 * as Apps Script does.
 */
import { describeType, makeFake, realmArray, realmError, type FakeContext } from '../fake-object';

/** What a Blob holds. */
export interface BlobData {
  name: string | null;
  contentType: string | null;
  bytes: Buffer;
}

/** Bytes given by the bundle: a string (UTF-8) or an array of (signed or unsigned) bytes. */
export function bytesFrom(data: unknown): Buffer | undefined {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((byte) => Number(byte) & 0xff));
  return undefined;
}

/** The data of every Blob made, by the fake the bundle holds. */
const blobs = new WeakMap<object, BlobData>();

/** A Blob fake over `data` (which it owns: setName changes it). */
export function makeBlob(context: FakeContext, data: BlobData): unknown {
  const blob = makeFake(context, 'Blob', (self) => ({
    getName: () => data.name,
    setName(name: unknown) {
      data.name = String(name);
      return self;
    },
    getContentType: () => data.contentType,
    setContentType(contentType: unknown) {
      data.contentType = String(contentType);
      return self;
    },
    getBytes: () => realmArray(context, Array.from(data.bytes, (byte) => (byte > 127 ? byte - 256 : byte))),
    getDataAsString: () => data.bytes.toString('utf8'),
    isGoogleType: () => false,
    copyBlob: () => makeBlob(context, { ...data, bytes: Buffer.from(data.bytes) }),
  }));
  blobs.set(blob, data);
  return blob;
}

/** The data behind a Blob the bundle passed in; anything else fails with Apps Script's signature message. */
export function blobDataOf(context: FakeContext, value: unknown, method: string): BlobData {
  const data = typeof value === 'object' && value !== null ? blobs.get(value) : undefined;
  if (!data) throw realmError(context, `The parameters (${describeType(value)}) don't match the method signature for DriveApp.Folder.${method}.`);
  return data;
}
