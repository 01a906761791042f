/**
 * DriveApp offline, over a LocalDrive (a folder on disk): getFileById, getFolderById,
 * createFolder, getRootFolder; Folder (getFilesByName, getFiles, createFile, createFolder), File
 * (names, MIME type, trash, makeCopy, moveTo, getAs PDF) and FileIterator, as the Drive service
 * reference describes them (https://developers.google.com/apps-script/reference/drive). Every call
 * is counted and costs modelled time: copies and PDF conversions a document's, lookups a read's,
 * changes a write's.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { isFakeOf, makeFake, realmError, unavailable, type FakeContext } from '../fake-object';
import { blobDataOf, makeBlob } from './blob';
import { GOOGLE_DOCS_MIME_TYPE } from './drive-store';
import { ITEM_NOT_FOUND_MESSAGE, TRASH_FOLDER_NAME, type LocalDrive } from './local-drive';
import { convertDocxToPdf } from './pdf';

/** A file as the fakes track it: where it is on disk now and whether it is in the trash. */
interface FileRecord {
  path: string;
  trashed: boolean;
}

/** Runs a drive operation, turning its errors into errors of the bundle's realm. */
function inRealm<T>(context: FakeContext, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof Error) throw realmError(context, error.message);
    throw error;
  }
}

/** The folders and files the fakes hand out, over one drive. */
class DriveFakes {
  private readonly folders = new WeakMap<object, string>();

  constructor(
    private readonly context: FakeContext,
    private readonly drive: LocalDrive,
  ) {}

  /** The folder path behind a Folder the bundle passed in. */
  folderPathOf(value: unknown, method: string): string {
    const path = typeof value === 'object' && value !== null ? this.folders.get(value) : undefined;
    if (path === undefined) {
      throw realmError(this.context, `The parameters (${isFakeOf(value, 'File') ? 'DriveApp.File' : typeof value === 'string' ? 'String' : 'Object'}) don't match the method signature for DriveApp.File.${method}.`);
    }
    return path;
  }

  /** A Folder fake over a directory. */
  folder(path: string): unknown {
    const { context, drive } = this;
    const id = () => drive.idOf(path);
    const fake = makeFake(
      context,
      'Folder',
      () => ({
        getId: id,
        getName: () => (path === drive.root ? 'My Drive' : drive.nameAt(path)),
        getUrl: () => id(),
        getFilesByName: (name: unknown) =>
          this.iterator(inRealm(context, () => drive.filesIn(path).filter((file) => drive.nameAt(file) === String(name)))),
        getFiles: () => this.iterator(inRealm(context, () => drive.filesIn(path))),
        createFile: (blob: unknown, ...rest: unknown[]) => {
          if (rest.length > 0 || typeof blob === 'string') return unavailable(context, 'Folder', 'createFile', 'name and content form');
          const data = blobDataOf(context, blob, 'createFile');
          if (!data.name) throw realmError(context, 'Blob object must have non-null name for this operation.');
          const name = data.name;
          return this.file(inRealm(context, () => drive.createFileIn(path, name, data.bytes, false)));
        },
        createFolder: (name: unknown) => this.folder(inRealm(context, () => drive.createFolderIn(path, String(name)))),
      }),
      { costs: { getFilesByName: 'read', getFiles: 'read', createFile: 'write', createFolder: 'write' } },
    );
    this.folders.set(fake, path);
    return fake;
  }

  /** A File fake over a file on disk (its record follows renames, moves and the trash). */
  file(path: string, trashed = false): unknown {
    const { context, drive } = this;
    const record: FileRecord = { path, trashed };
    const name = () => drive.nameAt(record.path);
    return makeFake(
      context,
      'File',
      (self) => ({
        // A trashed file keeps its id (the place it was trashed from), as on Google.
        getId: () => drive.idOf(record.trashed ? drive.trashedFromPath(record.path) : record.path),
        getName: name,
        getUrl: () => drive.idOf(record.trashed ? drive.trashedFromPath(record.path) : record.path),
        getMimeType: () => drive.mimeTypeAt(record.path),
        getSize: () => inRealm(context, () => drive.readFile(drive.idOf(record.path)).length),
        isTrashed: () => record.trashed,
        setName: (newName: unknown) => {
          this.checkPresent(record);
          record.path = inRealm(context, () => drive.moveFile(record.path, dirname(record.path), String(newName)));
          return self;
        },
        setTrashed: (trash: unknown) => {
          if (Boolean(trash) === record.trashed) return self;
          this.checkPresent(record);
          record.path = inRealm(context, () => (trash ? drive.trashFile(record.path) : drive.restoreFile(record.path)));
          record.trashed = Boolean(trash);
          return self;
        },
        makeCopy: (copyName?: unknown, destination?: unknown) => {
          this.checkPresent(record);
          // makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination); by default
          // the copy is named "Copy of …" and lands beside the original (beside its .trash/ when trashed).
          let folder = record.trashed ? dirname(dirname(record.path)) : dirname(record.path);
          let named = `Copy of ${name()}`;
          if (typeof copyName === 'string') named = copyName;
          else if (copyName !== undefined) folder = this.folderPathOf(copyName, 'makeCopy');
          if (destination !== undefined) folder = this.folderPathOf(destination, 'makeCopy');
          return this.file(inRealm(context, () => drive.copyFile(record.path, folder, named)));
        },
        moveTo: (destination: unknown) => {
          this.checkPresent(record);
          const folder = this.folderPathOf(destination, 'moveTo');
          record.path = inRealm(context, () => drive.moveFile(record.path, folder, name()));
          return self;
        },
        getAs: (contentType: unknown) => {
          const type = String(contentType);
          if (type !== 'application/pdf') return unavailable(context, 'File', 'getAs', `content type ${type}`);
          this.checkPresent(record);
          if (drive.mimeTypeAt(record.path) !== GOOGLE_DOCS_MIME_TYPE) return unavailable(context, 'File', 'getAs', 'a file that is not a document');
          const bytes = inRealm(context, () => convertDocxToPdf(record.path, name()));
          return makeBlob(context, { name: `${name()}.pdf`, contentType: 'application/pdf', bytes });
        },
        getBlob: () => {
          this.checkPresent(record);
          const bytes = inRealm(context, () => drive.readFile(drive.idOf(record.path)));
          return makeBlob(context, { name: name(), contentType: drive.mimeTypeAt(record.path), bytes: Buffer.from(bytes) });
        },
      }),
      {
        costs: {
          makeCopy: 'document',
          getAs: 'document',
          getBlob: 'read',
          getSize: 'read',
          setName: 'write',
          setTrashed: 'write',
          moveTo: 'write',
        },
      },
    );
  }

  /** Fails with Drive's not-found message when a file was removed from disk behind the fake's back. */
  private checkPresent(record: FileRecord): void {
    if (!existsSync(record.path)) throw realmError(this.context, ITEM_NOT_FOUND_MESSAGE);
  }

  /** A FileIterator over paths (a snapshot, as Drive's iterators are). */
  iterator(paths: string[]): unknown {
    let next = 0;
    return makeFake(this.context, 'FileIterator', () => ({
      hasNext: () => next < paths.length,
      next: () => {
        const path = paths[next];
        if (path === undefined) throw realmError(this.context, 'Cannot retrieve the next object: iterator has reached the end.');
        next += 1;
        return this.file(path);
      },
      getContinuationToken: () => unavailable(this.context, 'FileIterator', 'getContinuationToken'),
    }));
  }
}

/** The DriveApp fake over `drive`. */
export function makeDriveApp(context: FakeContext, drive: LocalDrive): unknown {
  const fakes = new DriveFakes(context, drive);
  return makeFake(
    context,
    'DriveApp',
    () => ({
      // Drive's getFileById finds a trashed file too (isTrashed() answers true); only a file that is
      // not there at all fails (https://developers.google.com/apps-script/reference/drive/drive-app#getFileById(String)).
      getFileById: (id: unknown) => {
        const key = String(id);
        if (drive.exists(key)) return fakes.file(drive.pathOf(key));
        const trashed = drive.trashedPathOf(key);
        if (trashed === undefined) throw realmError(context, ITEM_NOT_FOUND_MESSAGE);
        return fakes.file(trashed, true);
      },
      getFolderById: (id: unknown) => {
        const key = String(id);
        if (!drive.folderExists(key) || key.split('/').includes(TRASH_FOLDER_NAME)) throw realmError(context, ITEM_NOT_FOUND_MESSAGE);
        return fakes.folder(drive.pathOf(key));
      },
      getRootFolder: () => fakes.folder(drive.root),
      createFolder: (name: unknown) => fakes.folder(inRealm(context, () => drive.createFolderIn(drive.root, String(name)))),
      createFile: (blob: unknown) => {
        const data = blobDataOf(context, blob, 'createFile');
        if (!data.name) throw realmError(context, 'Blob object must have non-null name for this operation.');
        const name = data.name;
        return fakes.file(inRealm(context, () => drive.createFileIn(drive.root, name, data.bytes, false)));
      },
    }),
    { costs: { getFileById: 'read', getFolderById: 'read', getRootFolder: 'read', createFolder: 'write', createFile: 'write' } },
  );
}
