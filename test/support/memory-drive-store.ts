/**
 * An in-memory DriveStore for the DocumentApp tests: files are byte arrays keyed by id, names are
 * kept beside them, and createDocument makes ids `doc-1`, `doc-2` … so a test can drive the
 * DocumentApp fake without a folder on disk.
 */
import type { DriveStore } from '../../local/services/drive/drive-store';

/** A DriveStore over a Map, with the files a test put in it. */
export class MemoryDriveStore implements DriveStore {
  readonly files = new Map<string, { name: string; bytes: Uint8Array }>();
  private created = 0;

  /** Puts a file in the store (a fixture) and returns its id. */
  add(id: string, name: string, bytes: Uint8Array): string {
    this.files.set(id, { name, bytes });
    return id;
  }

  exists(id: string): boolean {
    return this.files.has(id);
  }

  readFile(id: string): Uint8Array {
    const file = this.files.get(id);
    if (!file) throw new Error(`No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it. (${id})`);
    return file.bytes;
  }

  writeFile(id: string, bytes: Uint8Array): void {
    const file = this.files.get(id);
    if (!file) throw new Error(`No item with the given ID could be found. (${id})`);
    file.bytes = bytes;
  }

  nameOf(id: string): string {
    return this.files.get(id)?.name ?? '';
  }

  urlOf(id: string): string {
    return id;
  }

  createDocument(name: string, bytes: Uint8Array): string {
    this.created += 1;
    const id = `doc-${this.created}`;
    this.files.set(id, { name, bytes });
    return id;
  }
}
