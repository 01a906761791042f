/**
 * The offline Drive: a folder on disk (the workbook's folder) standing in for Google Drive. A
 * file's id is its path relative to that folder with '/' (absolute when outside it), so ids are
 * stable across runs; a Google Doc is a .docx whose Drive name has no extension. Drive allows two
 * files of one name: a second `X` is written as `X (1).docx` and a small index per folder
 * (.banzhuren-drive.json) remembers that its Drive name is `X`. Trashed files move into `.trash/`
 * beside them. Documents created count against a simulated daily quota kept with the workbook
 * (WorkbookState.documentsCreated).
 *
 * Crash consistency (a process killed at any moment, then run again): every write goes to a
 * temporary file renamed into place, so no file is ever half-written under a real name, and the
 * temporaries of a process no longer running are removed the first time a run touches their
 * folder. The name index is written before the disk change it describes (the entry of a file about
 * to appear, or to be renamed to) and cleaned after (the entry of the name it left), so after any
 * prefix of an operation a file on disk always has its right Drive name; an entry whose file is not
 * there is a leftover of a killed operation, dropped the first time a run touches that folder.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { removeTemporariesOfDeadProcesses } from '../../runtime/workbook-path';
import type { SimulatedClock } from '../../runtime/clock';
import { wallClockAt } from '../../runtime/time-zones';
import type { WorkbookState } from '../workbook-state';
import { GOOGLE_DOCS_MIME_TYPE, type DriveStore } from './drive-store';

/** What DriveApp.getFileById / getFolderById throw for an id that names nothing (seen in Apps Script executions). */
export const ITEM_NOT_FOUND_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/**
 * What Apps Script throws past the daily quota of documents created (quotas page,
 * https://developers.google.com/apps-script/guides/services/quotas: "Documents created 250 / day";
 * the wording as executions report it).
 */
export const DOCUMENT_QUOTA_MESSAGE = 'Service invoked too many times for one day: docs create.';

/** The consumer account's daily quota of documents created (quotas page). */
export const DEFAULT_DOCUMENT_QUOTA = 250;

/** The folder beside a trashed file that holds it. */
export const TRASH_FOLDER_NAME = '.trash';

/** The per-folder index of Drive names that differ from the file names on disk. */
const NAME_INDEX_FILE = '.banzhuren-drive.json';

/**
 * Per folder: the Drive v3 appProperties of its files (file name on disk → key → value), kept like
 * the name index (written before the disk change it describes, stale entries dropped on the next
 * run) and carried into `.trash/` and back with the file.
 */
const PROPERTIES_INDEX_FILE = '.banzhuren-properties.json';

/** A file's appProperties (Drive v3: private to the app that set them). */
export type AppProperties = Record<string, string>;

/** In a `.trash/` folder: where each trashed file was (its file name on disk before), so its id still finds it. */
const TRASHED_FROM_FILE = '.banzhuren-trashed.json';

/** MIME types by file extension, for files that are not Google Docs. */
const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** Options of a LocalDrive. */
export interface LocalDriveOptions {
  /** The folder standing in for My Drive (the workbook's folder, or the current directory). */
  root: string;
  /** The workbook's state: the daily count of documents created lives there. */
  state: WorkbookState;
  clock: SimulatedClock;
  /** Documents that may be created per simulated day (default 250). */
  documentQuota?: number;
  /** Told whenever the workbook's state changed (so the workbook is saved). */
  onStateChange?: () => void;
}

/**
 * The test hook of the crash tests: with BANZHUREN_DRIVE_KILL_AFTER=N in the environment, the
 * process kills itself (SIGKILL, as a user's kill -9 would) right after the drive's Nth change on
 * disk, having written `drive step N: <what>` to stderr. Unset, it does nothing.
 */
export const KILL_AFTER_VARIABLE = 'BANZHUREN_DRIVE_KILL_AFTER';

/** Changes on disk this process made through the drive (counted for the kill hook). */
let diskSteps = 0;

/** Makes one change on disk (a write, rename, copy, removal or new folder), counted for the kill hook. */
function diskStep<T>(what: string, change: () => T): T {
  const result = change();
  diskSteps += 1;
  const killAfter = Number(process.env[KILL_AFTER_VARIABLE] ?? '');
  if (Number.isInteger(killAfter) && killAfter > 0 && diskSteps === killAfter) {
    process.stderr.write(`drive step ${diskSteps}: ${what}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
  return result;
}

/** A temporary file's name for `path`: hidden, in the same folder, naming this process. */
function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** The pid of the process that wrote a temporary of the drive's (see temporaryPathFor), or undefined for any other name. */
function temporaryWriterOf(entry: string): number | undefined {
  const match = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/u.exec(entry);
  return match ? Number(match[1]) : undefined;
}

/** Writes `bytes` to `path` through a temporary file in the same folder renamed into place. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const temporary = temporaryPathFor(path);
  try {
    diskStep(`write ${basename(temporary)}`, () => writeFileSync(temporary, bytes, { flush: true }));
    diskStep(`rename ${basename(temporary)} → ${basename(path)}`, () => renameSync(temporary, path));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Copies `source` to `path` through a temporary file in the same folder renamed into place. */
function copyFileAtomically(source: string, path: string): void {
  const temporary = temporaryPathFor(path);
  try {
    diskStep(`copy ${basename(source)} → ${basename(temporary)}`, () => copyFileSync(source, temporary));
    diskStep(`rename ${basename(temporary)} → ${basename(path)}`, () => renameSync(temporary, path));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Renames a file (one atomic change on disk). */
function renameFile(from: string, to: string): void {
  diskStep(`rename ${basename(from)} → ${to}`, () => renameSync(from, to));
}

/** Whether a directory entry is the drive's own (hidden, temporary or the trash), not a Drive item. */
function isHiddenEntry(name: string): boolean {
  return name.startsWith('.');
}

/**
 * Whether a part of an id's path is the drive's own (the trash, an index, a temporary): such ids
 * name nothing. A folder of the user's whose name starts with a dot (--out .certs) is an ordinary folder.
 */
function isDriveOwnEntry(name: string): boolean {
  return name === TRASH_FOLDER_NAME || name === NAME_INDEX_FILE || name === TRASHED_FROM_FILE || name === PROPERTIES_INDEX_FILE || (name.startsWith('.') && name.endsWith('.tmp'));
}

/** The disk and Drive state of the files of one folder. */
export class LocalDrive implements DriveStore {
  readonly root: string;
  private readonly state: WorkbookState;
  private readonly clock: SimulatedClock;
  readonly documentQuota: number;
  private readonly onStateChange: () => void;
  /** How many times a file was written, created, moved or trashed (continuations read it as progress). */
  changes = 0;
  /**
   * The drive's index files found unreadable (damaged by hand, half-copied): each is read as empty,
   * so the files of its folder have the names their file names give. The CLI says so.
   */
  readonly unreadableIndexes = new Set<string>();
  /** The folders this drive has cleaned of a killed process's leftovers (once per folder and run). */
  private readonly cleanedFolders = new Set<string>();
  /**
   * The drive's own index files as last parsed, by path, with the file's identity (inode, size,
   * mtime) when read: listing a folder of 10,000 documents looks up each file's name and
   * appProperties, and parsing the folder's index once per lookup made a batch quadratic. A write
   * (always a rename onto the path) or another process's change gives the file a new identity.
   */
  private readonly parsedIndexes = new Map<string, { identity: string; value: unknown }>();

  /** A drive over `options.root`. */
  constructor(options: LocalDriveOptions) {
    this.root = resolve(options.root);
    this.state = options.state;
    this.clock = options.clock;
    this.documentQuota = options.documentQuota ?? DEFAULT_DOCUMENT_QUOTA;
    if (!Number.isInteger(this.documentQuota) || this.documentQuota < 0) {
      throw new Error(`每日文档上限应为非负整数，收到 ${String(options.documentQuota)}`);
    }
    this.onStateChange = options.onStateChange ?? (() => undefined);
  }

  /** The id of a path on disk: relative to the root with '/', or absolute when outside it. */
  idOf(path: string): string {
    const absolute = resolve(path);
    const inside = relative(this.root, absolute);
    if (inside === '') return '.';
    if (inside.startsWith('..') || isAbsolute(inside)) return absolute.split(sep).join('/');
    return inside.split(sep).join('/');
  }

  /** The absolute path on disk of an id. */
  pathOf(id: string): string {
    const path = id.split('/').join(sep);
    return isAbsolute(path) || /^[A-Za-z]:/.test(id) ? resolve(path) : resolve(this.root, path);
  }

  /** The id of a folder (created when missing), e.g. for --out DIR. */
  folderIdOf(directoryPath: string): string {
    const absolute = resolve(directoryPath);
    if (existsSync(absolute) && !statSync(absolute).isDirectory()) throw new Error(`${directoryPath} 不是文件夹`);
    mkdirSync(absolute, { recursive: true });
    return this.idOf(absolute);
  }

  /** The id of an existing file, e.g. --template T.docx. */
  fileIdOf(filePath: string): string {
    const absolute = resolve(filePath);
    if (!existsSync(absolute) || !statSync(absolute).isFile()) throw new Error(`找不到文件：${filePath}`);
    return this.idOf(absolute);
  }

  /** Whether an id names a file that is not trashed. */
  exists(id: string): boolean {
    if (!id || id.split('/').some(isDriveOwnEntry)) return false;
    const path = this.pathOf(id);
    return existsSync(path) && statSync(path).isFile();
  }

  /** Whether an id names a folder. */
  folderExists(id: string): boolean {
    if (!id || id.split('/').some(isDriveOwnEntry)) return false;
    const path = this.pathOf(id);
    return existsSync(path) && statSync(path).isDirectory();
  }

  /** The bytes of a file; throws Drive's not-found message when there is none. */
  readFile(id: string): Uint8Array {
    if (!this.exists(id)) throw new Error(ITEM_NOT_FOUND_MESSAGE);
    return readFileSync(this.pathOf(id));
  }

  /** Replaces the bytes of an existing file, atomically. */
  writeFile(id: string, bytes: Uint8Array): void {
    if (!this.exists(id)) throw new Error(ITEM_NOT_FOUND_MESSAGE);
    writeFileAtomically(this.pathOf(id), bytes);
    this.changes += 1;
  }

  /** The Drive name of a file or folder at a path: the index's, else its name on disk (without .docx for a Google Doc). */
  nameAt(path: string): string {
    const recorded = this.indexEntry(join(dirname(path), NAME_INDEX_FILE), basename(path));
    if (recorded !== undefined) return recorded;
    return extname(path).toLowerCase() === '.docx' && statSafe(path)?.isFile() ? basename(path, extname(path)) : basename(path);
  }

  /** The Drive name of a file (without the .docx of the file on disk). */
  nameOf(id: string): string {
    return this.nameAt(this.pathOf(id));
  }

  /** The file's URL: offline, its id. */
  urlOf(id: string): string {
    return id;
  }

  /** The MIME type of a file at a path: a .docx is a Google Doc. */
  mimeTypeAt(path: string): string {
    const extension = extname(path).toLowerCase();
    if (extension === '.docx') return GOOGLE_DOCS_MIME_TYPE;
    return MIME_TYPES[extension] ?? 'application/octet-stream';
  }

  /** Creates a new document in the root folder (DocumentApp.create), counted against the daily quota. */
  createDocument(name: string, bytes: Uint8Array): string {
    this.countDocumentCreated();
    return this.idOf(this.createFileIn(this.root, name, bytes, true));
  }

  /**
   * Writes a new file into `folderPath` under Drive name `name` and returns its path: a Google Doc
   * as `name.docx`; an existing file of that name is never replaced (the next free `name (n)` is used).
   */
  createFileIn(folderPath: string, name: string, bytes: Uint8Array, googleDoc: boolean, appProperties: AppProperties = {}): string {
    const path = this.freePath(folderPath, name, googleDoc ? '.docx' : '');
    // The name first: killed before the file is there, the entry is a leftover dropped on the next run.
    this.recordName(path, name, true);
    this.recordProperties(path, appProperties);
    writeFileAtomically(path, bytes);
    this.changes += 1;
    return path;
  }

  /** Makes a folder `name` inside `parentPath` (Drive allows two of one name: the second is `name (1)` on disk). */
  createFolderIn(parentPath: string, name: string): string {
    if (!name || name === '.' || name === '..' || name.startsWith('.') || /[/\\\0]/.test(name)) throw new Error(`文件夹名不能用于本地文件夹：“${name}”`);
    this.cleanFolder(parentPath);
    let path = join(parentPath, name);
    for (let n = 1; existsSync(path); n += 1) path = join(parentPath, `${name} (${n})`);
    this.recordName(path, name, false);
    diskStep(`mkdir ${basename(path)}`, () => mkdirSync(path));
    this.changes += 1;
    return path;
  }

  /** Copies a file into a folder under a Drive name; a Google Doc counts against the daily quota. */
  copyFile(sourcePath: string, folderPath: string, name: string, appProperties: AppProperties = {}): string {
    const googleDoc = this.mimeTypeAt(sourcePath) === GOOGLE_DOCS_MIME_TYPE;
    if (googleDoc) this.countDocumentCreated();
    const path = this.freePath(folderPath, name, googleDoc ? '.docx' : '');
    this.recordName(path, name, true);
    this.recordProperties(path, appProperties);
    copyFileAtomically(sourcePath, path);
    this.changes += 1;
    return path;
  }

  /**
   * Moves a file to another folder and/or Drive name (setName, moveTo), its appProperties kept or,
   * when given, replaced (one change: the new entries are written before the rename); returns its new path.
   */
  moveFile(path: string, folderPath: string, name: string, appProperties?: AppProperties): string {
    const googleDoc = this.mimeTypeAt(path) === GOOGLE_DOCS_MIME_TYPE;
    const wanted = join(folderPath, googleDoc ? `${name}.docx` : name);
    const target = resolve(wanted) === resolve(path) ? path : this.freePath(folderPath, name, googleDoc ? '.docx' : '');
    // The new name's entry, the rename, then the old name's entry removed: killed between, the file
    // is under its old name with its old entry, or under the new one with the new entry.
    this.recordName(target, name, true);
    this.recordProperties(target, appProperties ?? this.appPropertiesAt(path));
    if (target !== path) {
      renameFile(path, target);
      this.forgetName(path);
      this.forgetProperties(path);
    }
    this.changes += 1;
    return target;
  }

  /** Moves a file into the `.trash/` folder beside it; returns where it went. */
  trashFile(path: string): string {
    const name = this.nameAt(path);
    const trash = join(dirname(path), TRASH_FOLDER_NAME);
    if (!existsSync(trash)) diskStep(`mkdir ${TRASH_FOLDER_NAME}`, () => mkdirSync(trash, { recursive: true }));
    this.cleanFolder(trash);
    let target = join(trash, basename(path));
    for (let n = 1; existsSync(target); n += 1) target = join(trash, `${basename(path, extname(path))} (${n})${extname(path)}`);
    // The trash's entries first (leftovers if killed before the rename), the rename, then the
    // folder's entry of the file removed.
    this.writeNameIndex(trash, { ...this.readNameIndex(trash), [basename(target)]: name });
    this.writeIndexFile(join(trash, TRASHED_FROM_FILE), { ...this.readIndexFile(join(trash, TRASHED_FROM_FILE)), [basename(target)]: basename(path) });
    this.recordProperties(target, this.appPropertiesAt(path));
    renameFile(path, target);
    this.forgetName(path);
    this.forgetProperties(path);
    this.changes += 1;
    return target;
  }

  /**
   * The trashed file an id named before it was trashed (the latest one, when several were), or
   * undefined: on Google a trashed file keeps its id and getFileById still finds it.
   */
  trashedPathOf(id: string): string | undefined {
    if (!id || id.split('/').some(isDriveOwnEntry)) return undefined;
    const path = this.pathOf(id);
    const trash = join(dirname(path), TRASH_FOLDER_NAME);
    const trashedFrom = this.readIndexFile(join(trash, TRASHED_FROM_FILE));
    const matches = Object.keys(trashedFrom).filter((trashed) => trashedFrom[trashed] === basename(path) && existsSync(join(trash, trashed)));
    const latest = matches[matches.length - 1];
    return latest === undefined ? undefined : join(trash, latest);
  }

  /** Where a trashed file was before it was trashed (its path then). */
  trashedFromPath(trashedPath: string): string {
    const trash = dirname(trashedPath);
    const original = this.indexEntry(join(trash, TRASHED_FROM_FILE), basename(trashedPath)) ?? basename(trashedPath);
    return join(dirname(trash), original);
  }

  /** Moves a trashed file back into the folder holding its `.trash/`; returns its new path. */
  restoreFile(trashedPath: string): string {
    const trash = dirname(trashedPath);
    const index = this.readNameIndex(trash);
    const name = index[basename(trashedPath)] ?? basename(trashedPath);
    const original = this.trashedFromPath(trashedPath);
    // Back under its old file name (so its id is again what it was) unless another file took it.
    const googleDoc = extname(trashedPath).toLowerCase() === '.docx';
    this.cleanFolder(dirname(trash));
    const target = existsSync(original) ? this.freePath(dirname(trash), name, googleDoc ? '.docx' : '') : original;
    // Its entry in the folder first, the rename, then its entries in the trash removed.
    this.recordName(target, name, true);
    this.recordProperties(target, this.appPropertiesAt(trashedPath));
    renameFile(trashedPath, target);
    this.forgetProperties(trashedPath);
    delete index[basename(trashedPath)];
    this.writeNameIndex(trash, index);
    const trashedFrom = this.readIndexFile(join(trash, TRASHED_FROM_FILE));
    delete trashedFrom[basename(trashedPath)];
    this.writeIndexFile(join(trash, TRASHED_FROM_FILE), trashedFrom);
    this.changes += 1;
    return target;
  }

  /** The files (not folders, not trashed, not the drive's own) directly in a folder, by name on disk. */
  filesIn(folderPath: string): string[] {
    this.cleanFolder(folderPath);
    return readdirSync(folderPath, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !isHiddenEntry(entry.name))
      .map((entry) => join(folderPath, entry.name))
      .sort();
  }

  /** Documents created so far on the clock's current day. */
  documentsCreatedToday(): number {
    const counted = this.state.documentsCreated;
    return counted.day === this.today() ? counted.count : 0;
  }

  /** Counts one document created today; past the quota, throws Apps Script's message and counts nothing. */
  countDocumentCreated(): void {
    const today = this.today();
    const used = this.documentsCreatedToday();
    if (used >= this.documentQuota) throw new Error(DOCUMENT_QUOTA_MESSAGE);
    this.state.documentsCreated = { day: today, count: used + 1 };
    this.onStateChange();
  }

  /** The clock's calendar day in the spreadsheet's time zone, 'YYYY-MM-DD'. */
  private today(): string {
    const wall = wallClockAt(this.clock.now(), this.state.timeZone);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
  }

  /** A path in `folderPath` for Drive name `name` (+ `extension`) that no file has yet: `name`, `name (1)` … */
  private freePath(folderPath: string, name: string, extension: string): string {
    if (!name || name === '.' || name === '..' || /[/\\\0]/.test(name)) throw new Error(`文件名不能用于本地文件：“${name}”`);
    this.cleanFolder(folderPath);
    const stem = extension ? name : basename(name, extname(name));
    const suffix = extension || extname(name);
    let path = join(folderPath, `${stem}${suffix}`);
    for (let n = 1; existsSync(path); n += 1) path = join(folderPath, `${stem} (${n})${suffix}`);
    return path;
  }

  /**
   * Remembers the Drive name of a file or folder (`isFile` says which: it may not be on disk yet)
   * when it differs from the one its name on disk gives; forgets a recorded one when it does not.
   */
  private recordName(path: string, name: string, isFile: boolean): void {
    const derived = isFile && extname(path).toLowerCase() === '.docx' ? basename(path, extname(path)) : basename(path);
    const folder = dirname(path);
    const index = this.readNameIndex(folder);
    if (derived === name) {
      if (!(basename(path) in index)) return;
      delete index[basename(path)];
    } else {
      index[basename(path)] = name;
    }
    this.writeNameIndex(folder, index);
  }

  /** Forgets the recorded Drive name of a file about to move. */
  private forgetName(path: string): void {
    const folder = dirname(path);
    const index = this.readNameIndex(folder);
    if (!(basename(path) in index)) return;
    delete index[basename(path)];
    this.writeNameIndex(folder, index);
  }

  /** The appProperties of a file (or trashed file) at a path ({} when it has none). */
  appPropertiesAt(path: string): AppProperties {
    const folder = dirname(path);
    this.cleanFolder(folder);
    const index = this.parsedIndex(join(folder, PROPERTIES_INDEX_FILE), readJsonProperties);
    return { ...(Object.hasOwn(index, basename(path)) ? index[basename(path)] : {}) };
  }

  /** Records the appProperties of a file at a path (which may not be on disk yet); none forgets them. */
  private recordProperties(path: string, appProperties: AppProperties): void {
    const folder = dirname(path);
    const index = this.readPropertiesIndex(folder);
    const had = basename(path) in index;
    if (Object.keys(appProperties).length === 0) {
      if (!had) return;
      delete index[basename(path)];
    } else {
      index[basename(path)] = { ...appProperties };
    }
    this.writePropertiesIndex(folder, index);
  }

  /** Forgets the appProperties of a file that moved away. */
  private forgetProperties(path: string): void {
    this.recordProperties(path, {});
  }

  private readPropertiesIndex(folder: string): Record<string, AppProperties> {
    this.cleanFolder(folder);
    return { ...this.parsedIndex(join(folder, PROPERTIES_INDEX_FILE), readJsonProperties) };
  }

  private writePropertiesIndex(folder: string, index: Record<string, AppProperties>): void {
    const path = join(folder, PROPERTIES_INDEX_FILE);
    if (Object.keys(index).length === 0) {
      if (existsSync(path)) diskStep(`remove ${basename(path)}`, () => rmSync(path, { force: true }));
    } else writeFileAtomically(path, Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8'));
  }

  private readNameIndex(folder: string): Record<string, string> {
    return this.readIndexFile(join(folder, NAME_INDEX_FILE));
  }

  private writeNameIndex(folder: string, index: Record<string, string>): void {
    this.writeIndexFile(join(folder, NAME_INDEX_FILE), index);
  }

  /** A JSON object of strings kept in a file of the drive's own ({} when missing or unreadable). */
  private readIndexFile(path: string): Record<string, string> {
    this.cleanFolder(dirname(path));
    return { ...this.parsedIndex(path, (file) => readJsonStrings(file, this.unreadableIndexes)) };
  }

  /** One entry of such a file (undefined when it has none), without copying the whole index. */
  private indexEntry(path: string, entry: string): string | undefined {
    this.cleanFolder(dirname(path));
    const index = this.parsedIndex(path, (file) => readJsonStrings(file, this.unreadableIndexes));
    return Object.hasOwn(index, entry) ? index[entry] : undefined;
  }

  /** An index file parsed by `read`, reused while the file on disk is the same one (never mutate the answer). */
  private parsedIndex<T>(path: string, read: (path: string) => T): T {
    let identity: string;
    try {
      const stat = statSync(path, { bigint: true });
      identity = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    } catch {
      this.parsedIndexes.delete(path);
      return read(path);
    }
    const known = this.parsedIndexes.get(path);
    if (known && known.identity === identity) return known.value as T;
    const value = read(path);
    this.parsedIndexes.set(path, { identity, value });
    return value;
  }

  /**
   * Removes from a folder (and its .trash/) what a killed process left, once per run: its
   * temporary files, when that process is no longer running, and the index entries of files that
   * are not there (a name recorded just before the disk change a kill prevented, or left behind
   * just after it). A file with no entry has the name its file name gives.
   */
  cleanFolder(folder: string): void {
    const absolute = resolve(folder);
    if (this.cleanedFolders.has(absolute)) return;
    this.cleanedFolders.add(absolute);
    removeTemporariesOfDeadProcesses(absolute, temporaryWriterOf);
    for (const indexFile of [NAME_INDEX_FILE, TRASHED_FROM_FILE]) {
      const path = join(absolute, indexFile);
      if (!existsSync(path)) continue;
      const index = readJsonStrings(path, this.unreadableIndexes);
      const kept = Object.fromEntries(Object.entries(index).filter(([entry]) => existsSync(join(absolute, entry))));
      if (Object.keys(kept).length !== Object.keys(index).length) this.writeIndexFile(path, kept);
    }
    const propertiesPath = join(absolute, PROPERTIES_INDEX_FILE);
    if (existsSync(propertiesPath)) {
      const properties = readJsonProperties(propertiesPath);
      const kept = Object.fromEntries(Object.entries(properties).filter(([entry]) => existsSync(join(absolute, entry))));
      if (Object.keys(kept).length !== Object.keys(properties).length) this.writePropertiesIndex(absolute, kept);
    }
    if (basename(absolute) !== TRASH_FOLDER_NAME && existsSync(join(absolute, TRASH_FOLDER_NAME))) this.cleanFolder(join(absolute, TRASH_FOLDER_NAME));
  }

  /** Writes such a file atomically; an empty one is removed. */
  private writeIndexFile(path: string, index: Record<string, string>): void {
    if (Object.keys(index).length === 0) {
      if (existsSync(path)) diskStep(`remove ${basename(path)}`, () => rmSync(path, { force: true }));
    } else writeFileAtomically(path, Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8'));
  }
}

/** A JSON object of strings kept in a file of the drive's own ({} when missing or unreadable; an unreadable one is added to `unreadable`). */
function readJsonStrings(path: string, unreadable?: Set<string>): Record<string, string> {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    unreadable?.add(path);
    return {};
  }
}

/** The appProperties index of a folder ({} when missing or unreadable; entries not of strings dropped), frozen: LocalDrive shares it. */
function readJsonProperties(path: string): Readonly<Record<string, Readonly<AppProperties>>> {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const index: Record<string, AppProperties> = {};
    for (const [entry, value] of Object.entries(parsed)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      index[entry] = Object.freeze(Object.fromEntries(Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string')));
    }
    return Object.freeze(index);
  } catch {
    return {};
  }
}

/** The stat of a path, or undefined when there is nothing there. */
function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
