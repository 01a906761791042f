/**
 * The advanced Drive service (Drive API v3, global `Drive`) offline, over the same LocalDrive as
 * DriveApp: Drive.Files.get, list, copy, create and update answer Drive v3 File resources (id,
 * name, mimeType, parents, trashed, webViewLink — offline a link is the file's id, as File.getUrl
 * is) trimmed to the `fields` asked (v3 answers kind, id, name and mimeType when none are asked).
 * Files.list understands only the query forms the add-on writes — `name = '…'`, `'ID' in parents`,
 * `trashed = true|false`, `mimeType = '…'`, `appProperties has { key='…' and value='…' }` joined by
 * `and` — and says `not available in the local runtime` for any other. A file's appProperties
 * (set by copy, create and update; an update merges them, a null value removing its key) are kept
 * in the local drive's per-folder index
 * (https://developers.google.com/workspace/drive/api/guides/properties: "To add properties
 * restricted to your app, use the appProperties field of the files resource";
 * https://developers.google.com/workspace/drive/api/guides/search-files#custom: `appProperties has
 * { key='additionalID' and value='8e8aceg2af2ge72e78' }`). A missing id fails as Apps Script reports a 404 of the API
 * (GoogleJsonResponseException, `API call to drive.files.get failed with error: File not found: ID.`,
 * details.code 404). Each call is counted as Drive.Files.method and costs modelled time: get and
 * list a read, create and update a write, copy a document (a copy of a document also counts
 * against the daily quota of documents created, as makeCopy does).
 * Reference: https://developers.google.com/drive/api/reference/rest/v3/files
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isFakeOf, makeFake, realmArray, realmError, realmObject, unavailable, type FakeContext } from '../fake-object';
import { blobDataOf } from './blob';
import { GOOGLE_DOCS_MIME_TYPE } from './drive-store';
import { TRASH_FOLDER_NAME, type LocalDrive } from './local-drive';

/** The MIME type Drive gives folders. */
export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

/** The interface name calls are counted under (Drive.Files.copy …). */
const FILES = 'Drive.Files';

/** The File fields the offline Drive can answer. */
const FILE_FIELDS = ['kind', 'id', 'name', 'mimeType', 'parents', 'trashed', 'webViewLink', 'appProperties'] as const;

/** What v3 answers when no `fields` are asked. */
const DEFAULT_FILE_FIELDS = ['kind', 'id', 'name', 'mimeType'];

/** files.list's page size when none is given, and the most it gives (https://developers.google.com/drive/api/reference/rest/v3/files/list). */
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** One clause of a files.list query the fake understands. */
type Clause =
  | { term: 'name' | 'mimeType'; value: string }
  | { term: 'parent'; value: string }
  | { term: 'trashed'; value: boolean }
  | { term: 'appProperty'; key: string; value: string };

/** A file or folder on disk, and whether it is in the trash. */
interface Item {
  path: string;
  trashed: boolean;
}

/** The error Apps Script throws for a 404 of the API, in the bundle's realm. */
export function fileNotFoundError(context: FakeContext, method: string, id: string): Error {
  const message = `File not found: ${id}.`;
  const error = realmError(context, `API call to drive.files.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  const reason = realmObject(context, { domain: 'global', reason: 'notFound', message, locationType: 'parameter', location: 'fileId' });
  (error as Error & { details?: unknown }).details = realmObject(context, { code: 404, message, errors: realmArray(context, [reason]) });
  return error;
}

/** Runs a LocalDrive operation, turning its errors (Apps Script's wording) into errors of the bundle's realm. */
function inRealm<T>(context: FakeContext, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof context.realm.Error) throw error;
    throw realmError(context, error instanceof Error ? error.message : String(error));
  }
}

/** Splits a query into tokens: quoted strings (with `\` escapes), words, `=`, `!=`, `{` and `}`; undefined when it cannot. */
function tokenize(query: string): { kind: 'string' | 'word' | 'operator'; text: string }[] | undefined {
  const tokens: { kind: 'string' | 'word' | 'operator'; text: string }[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index] as string;
    if (/\s/u.test(char)) {
      index += 1;
    } else if (char === "'") {
      let text = '';
      index += 1;
      for (;;) {
        if (index >= query.length) return undefined;
        const next = query[index] as string;
        if (next === '\\') {
          if (index + 1 >= query.length) return undefined;
          text += query[index + 1];
          index += 2;
        } else if (next === "'") {
          index += 1;
          break;
        } else {
          text += next;
          index += 1;
        }
      }
      tokens.push({ kind: 'string', text });
    } else if (char === '=' || char === '{' || char === '}') {
      tokens.push({ kind: 'operator', text: char });
      index += 1;
    } else if (char === '!' && query[index + 1] === '=') {
      tokens.push({ kind: 'operator', text: '!=' });
      index += 2;
    } else {
      const word = /^[A-Za-z]+/u.exec(query.slice(index))?.[0];
      if (!word) return undefined;
      tokens.push({ kind: 'word', text: word });
      index += word.length;
    }
  }
  return tokens;
}

/** The clauses of a query of the supported forms joined by `and`; undefined for anything else. */
export function parseQuery(query: string): Clause[] | undefined {
  const tokens = tokenize(query);
  if (!tokens || tokens.length === 0) return undefined;
  const clauses: Clause[] = [];
  let index = 0;
  for (;;) {
    const [first, second, third] = [tokens[index], tokens[index + 1], tokens[index + 2]];
    if (!first || !second || !third) return undefined;
    if (first.kind === 'word' && (first.text === 'name' || first.text === 'mimeType') && second.text === '=' && second.kind === 'operator' && third.kind === 'string') {
      clauses.push({ term: first.text, value: third.text });
    } else if (first.kind === 'string' && second.kind === 'word' && second.text === 'in' && third.kind === 'word' && third.text === 'parents') {
      clauses.push({ term: 'parent', value: first.text });
    } else if (first.kind === 'word' && first.text === 'trashed' && second.kind === 'operator' && second.text === '=' && third.kind === 'word' && (third.text === 'true' || third.text === 'false')) {
      clauses.push({ term: 'trashed', value: third.text === 'true' });
    } else if (first.kind === 'word' && first.text === 'appProperties' && second.kind === 'word' && second.text === 'has' && third.kind === 'operator' && third.text === '{') {
      // appProperties has { key='K' and value='V' }
      const parts = tokens.slice(index + 3, index + 11);
      const shape = parts.map((token) => (token.kind === 'string' ? "'" : token.text)).join(' ');
      if (shape !== "key = ' and value = ' }") return undefined;
      clauses.push({ term: 'appProperty', key: (parts[2] as { text: string }).text, value: (parts[6] as { text: string }).text });
      index += 8;
    } else {
      return undefined;
    }
    index += 3;
    if (index === tokens.length) return clauses;
    const joiner = tokens[index];
    if (!joiner || joiner.kind !== 'word' || joiner.text.toLowerCase() !== 'and') return undefined;
    index += 1;
  }
}

/** A `fields` value split at its top-level commas: `a,files(b,c)` → a → null, files → [b, c]. */
function parseFields(fields: string): Map<string, string[] | null> | undefined {
  const selected = new Map<string, string[] | null>();
  const pattern = /\s*([A-Za-z*]+)\s*(?:\(([^()]*)\))?\s*(?:,|$)/uy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < fields.length && (match = pattern.exec(fields)) !== null) {
    const inner = match[2];
    selected.set(match[1] as string, inner === undefined ? null : inner.split(',').map((field) => field.trim()).filter((field) => field !== ''));
  }
  return pattern.lastIndex === fields.length || fields.trim() === '' ? selected : undefined;
}

/** The advanced Drive service's Files collection over one LocalDrive. */
class AdvancedFiles {
  constructor(
    private readonly context: FakeContext,
    private readonly drive: LocalDrive,
  ) {}

  /** The optional arguments of a call, checked against what the fake understands. */
  args(method: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object') return unavailable(this.context, FILES, method, `optionalArgs ${typeof value}`);
    const args = value as Record<string, unknown>;
    for (const key of Object.keys(args)) {
      if (!allowed.includes(key) && key !== 'supportsAllDrives' && key !== 'supportsTeamDrives') unavailable(this.context, FILES, method, `optionalArgs.${key}`);
    }
    return args;
  }

  /** The resource fields a call sets, checked against what the fake understands. */
  resource(method: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (typeof value !== 'object' || value === null) return unavailable(this.context, FILES, method, 'a resource that is not an object');
    const resource = value as Record<string, unknown>;
    for (const key of Object.keys(resource)) if (!allowed.includes(key)) unavailable(this.context, FILES, method, `resource.${key}`);
    return resource;
  }

  /** The item an id names: a file or folder, or a trashed file (which keeps its id); undefined when none. */
  itemOf(id: unknown): Item | undefined {
    if (typeof id !== 'string' || id === '') return undefined;
    const { drive } = this;
    if (drive.exists(id)) return { path: drive.pathOf(id), trashed: false };
    if (drive.folderExists(id) && !id.split('/').includes(TRASH_FOLDER_NAME)) return { path: drive.pathOf(id), trashed: false };
    const trashed = drive.trashedPathOf(id);
    return trashed === undefined ? undefined : { path: trashed, trashed: true };
  }

  /** The folder path an id names, or Drive's 404 for the call. */
  folderPath(method: string, id: unknown): string {
    const item = this.itemOf(id);
    if (!item || item.trashed || !statSync(item.path).isDirectory()) throw fileNotFoundError(this.context, method, String(id));
    return item.path;
  }

  /** The single parent folder a resource names (the default when it names none). */
  parentPath(method: string, resource: Record<string, unknown>, fallback: string): string {
    const parents = resource.parents;
    if (parents === undefined) return fallback;
    if (!Array.isArray(parents) || parents.length !== 1) return unavailable(this.context, FILES, method, 'parents other than one folder id');
    return this.folderPath(method, parents[0]);
  }

  /** The full File resource of an item. */
  fullResource(item: Item): Record<string, unknown> {
    const { drive } = this;
    const folder = statSync(item.path).isDirectory();
    const id = drive.idOf(item.trashed ? drive.trashedFromPath(item.path) : item.path);
    const parent = item.trashed ? dirname(dirname(item.path)) : dirname(item.path);
    return {
      kind: 'drive#file',
      id,
      name: item.path === drive.root ? 'My Drive' : drive.nameAt(item.path),
      mimeType: folder ? FOLDER_MIME_TYPE : drive.mimeTypeAt(item.path),
      parents: item.path === drive.root ? [] : [drive.idOf(parent)],
      trashed: item.trashed,
      webViewLink: drive.urlOf(id),
      // v3 leaves out a field that has no value: a file without appProperties has none.
      ...(folder ? {} : nonEmpty(drive.appPropertiesAt(item.path))),
    };
  }

  /** A File resource of the bundle's realm holding the `fields` asked (v3's default set when none). */
  answer(method: string, item: Item, fields: unknown): unknown {
    const full = this.fullResource(item);
    let names: string[] = DEFAULT_FILE_FIELDS;
    if (fields !== undefined) {
      const parsed = parseFields(String(fields));
      if (!parsed || [...parsed.values()].some((inner) => inner !== null)) return unavailable(this.context, FILES, method, `fields: ${String(fields)}`);
      names = parsed.has('*') ? [...FILE_FIELDS] : [...parsed.keys()];
    }
    return this.realmResource(method, full, names, fields);
  }

  private realmResource(method: string, full: Record<string, unknown>, names: readonly string[], fields: unknown): unknown {
    const entries: Record<string, unknown> = {};
    for (const name of names) {
      if (!(FILE_FIELDS as readonly string[]).includes(name)) return unavailable(this.context, FILES, method, `fields: ${String(fields)}`);
      const value = full[name];
      if (value === undefined) continue;
      entries[name] = Array.isArray(value) ? realmArray(this.context, value) : typeof value === 'object' && value !== null ? realmObject(this.context, value as Record<string, unknown>) : value;
    }
    return realmObject(this.context, entries);
  }

  /** Drive.Files.get(fileId, optionalArgs). */
  get(fileId: unknown, optionalArgs?: unknown): unknown {
    const args = this.args('get', optionalArgs, ['fields', 'alt', 'acknowledgeAbuse']);
    if (args.alt !== undefined) return unavailable(this.context, FILES, 'get', `alt: ${String(args.alt)}`);
    const item = this.itemOf(fileId);
    if (!item) throw fileNotFoundError(this.context, 'get', String(fileId));
    return this.answer('get', item, args.fields);
  }

  /** Drive.Files.list(optionalArgs): the children of one folder, filtered by the query. */
  list(optionalArgs?: unknown): unknown {
    const args = this.args('list', optionalArgs, ['q', 'fields', 'pageSize', 'pageToken']);
    const query = String(args.q ?? '');
    const clauses = parseQuery(query);
    const parents = clauses?.filter((clause) => clause.term === 'parent') ?? [];
    if (!clauses || parents.length === 0) return unavailable(this.context, FILES, 'list', `q: ${query}`);
    const folderId = parents[0]?.value as string;
    const items = this.childrenOf(folderId).filter((item) => this.matches(item, clauses));
    const pageSize = args.pageSize === undefined ? DEFAULT_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, Number(args.pageSize));
    if (!Number.isInteger(pageSize) || pageSize < 1) return unavailable(this.context, FILES, 'list', `pageSize: ${String(args.pageSize)}`);
    const start = args.pageToken === undefined ? 0 : Number(args.pageToken);
    if (!Number.isInteger(start) || start < 0) return unavailable(this.context, FILES, 'list', `pageToken: ${String(args.pageToken)}`);
    const page = items.slice(start, start + pageSize);
    const more = start + pageSize < items.length;

    let top = new Map<string, string[] | null>([['kind', null], ['incompleteSearch', null], ['files', DEFAULT_FILE_FIELDS], ['nextPageToken', null]]);
    if (args.fields !== undefined) {
      const parsed = parseFields(String(args.fields));
      if (!parsed) return unavailable(this.context, FILES, 'list', `fields: ${String(args.fields)}`);
      top = parsed;
    }
    const entries: Record<string, unknown> = {};
    for (const [name, inner] of top) {
      if (name === 'kind') entries.kind = 'drive#fileList';
      else if (name === 'incompleteSearch') entries.incompleteSearch = false;
      else if (name === 'nextPageToken') {
        if (more) entries.nextPageToken = String(start + pageSize);
      } else if (name === 'files') {
        const names = inner === null ? [...FILE_FIELDS] : inner.includes('*') ? [...FILE_FIELDS] : inner;
        entries.files = realmArray(this.context, page.map((item) => this.realmResource('list', this.fullResource(item), names, args.fields)));
      } else {
        return unavailable(this.context, FILES, 'list', `fields: ${String(args.fields)}`);
      }
    }
    return realmObject(this.context, entries);
  }

  /** The items directly in a folder: its files and folders, and the files of its trash. */
  private childrenOf(folderId: string): Item[] {
    const item = this.itemOf(folderId);
    if (!item || item.trashed || !statSync(item.path).isDirectory()) return [];
    const folder = item.path;
    // What a killed run left (temporaries, stale name entries) goes before the folder is listed.
    this.drive.cleanFolder(folder);
    const children: Item[] = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.') && (entry.isFile() || entry.isDirectory()))
      .map((entry) => ({ path: join(folder, entry.name), trashed: false }));
    const trash = join(folder, TRASH_FOLDER_NAME);
    if (existsSync(trash)) {
      for (const entry of readdirSync(trash, { withFileTypes: true })) {
        if (entry.isFile() && !entry.name.startsWith('.')) children.push({ path: join(trash, entry.name), trashed: true });
      }
    }
    return children.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The appProperties a request sets merged into `current`: string values set, null removes; anything else refused. */
  private appProperties(method: string, value: unknown, current: Record<string, string>): Record<string, string> {
    if (value === undefined) return current;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return unavailable(this.context, FILES, method, 'appProperties that are not an object');
    const merged = { ...current };
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (entry === null) delete merged[key];
      else if (typeof entry === 'string') merged[key] = entry;
      else return unavailable(this.context, FILES, method, `appProperties.${key} that is not a string`);
    }
    return merged;
  }

  private matches(item: Item, clauses: Clause[]): boolean {
    // The name first, from the folder's index alone: a query by name in a folder of thousands of
    // documents then builds the full resource (stat, MIME type, appProperties) of the few it names.
    if (clauses.some((clause) => clause.term === 'name' && this.drive.nameAt(item.path) !== clause.value)) return false;
    const resource = this.fullResource(item);
    return clauses.every((clause) => {
      if (clause.term === 'parent') return (resource.parents as string[]).includes(clause.value);
      if (clause.term === 'trashed') return item.trashed === clause.value;
      if (clause.term === 'appProperty') return (resource.appProperties as Record<string, string> | undefined)?.[clause.key] === clause.value;
      return resource[clause.term] === clause.value;
    });
  }

  /** Drive.Files.copy(resource, fileId, optionalArgs): a copy in the source's folder unless parents name another. */
  copy(resourceValue: unknown, fileId: unknown, optionalArgs?: unknown): unknown {
    const resource = this.resource('copy', resourceValue, ['name', 'parents', 'appProperties']);
    const args = this.args('copy', optionalArgs, ['fields']);
    const source = this.itemOf(fileId);
    if (!source) throw fileNotFoundError(this.context, 'copy', String(fileId));
    if (source.trashed) return unavailable(this.context, FILES, 'copy', 'a file in the trash');
    if (statSync(source.path).isDirectory()) return unavailable(this.context, FILES, 'copy', 'a folder');
    // "If not specified as part of a copy request, the file inherits any discoverable parents of the source file."
    const folder = this.parentPath('copy', resource, dirname(source.path));
    const name = resource.name === undefined ? `Copy of ${this.drive.nameAt(source.path)}` : String(resource.name);
    // The reference does not say whether a copy keeps the source's appProperties; the add-on always
    // names every key it reads, so the fake gives a copy only the ones the request names.
    const properties = this.appProperties('copy', resource.appProperties, {});
    const path = inRealm(this.context, () => this.drive.copyFile(source.path, folder, name, properties));
    return this.answer('copy', { path, trashed: false }, args.fields);
  }

  /** Drive.Files.create(resource, mediaData, optionalArgs): a folder, or a file uploaded from a Blob. */
  create(resourceValue: unknown, mediaData?: unknown, optionalArgs?: unknown): unknown {
    const resource = this.resource('create', resourceValue, ['name', 'mimeType', 'parents', 'appProperties']);
    const args = this.args('create', optionalArgs, ['fields']);
    if (typeof resource.name !== 'string' || resource.name === '') return unavailable(this.context, FILES, 'create', 'a file without a name');
    const name = resource.name;
    // "If not specified as part of a create request, the file is placed directly in the user's My Drive folder."
    const folder = this.parentPath('create', resource, this.drive.root);
    if (resource.mimeType === FOLDER_MIME_TYPE) {
      if (mediaData !== undefined && mediaData !== null) return unavailable(this.context, FILES, 'create', 'a folder with content');
      const path = inRealm(this.context, () => this.drive.createFolderIn(folder, name));
      return this.answer('create', { path, trashed: false }, args.fields);
    }
    if (mediaData === undefined || mediaData === null) return unavailable(this.context, FILES, 'create', 'a file without content');
    if (!isFakeOf(mediaData, 'Blob')) return unavailable(this.context, FILES, 'create', 'content that is not a Blob');
    const data = blobDataOf(this.context, mediaData, 'create');
    // Offline a file's type follows its name's extension; a declared type it would not have is refused, not faked.
    const declared = typeof resource.mimeType === 'string' ? resource.mimeType : data.contentType;
    const derived = this.drive.mimeTypeAt(name);
    if (declared === GOOGLE_DOCS_MIME_TYPE || (declared && declared !== derived)) {
      return unavailable(this.context, FILES, 'create', `a file named “${name}” of type ${declared}`);
    }
    const properties = this.appProperties('create', resource.appProperties, {});
    const path = inRealm(this.context, () => this.drive.createFileIn(folder, name, data.bytes, false, properties));
    return this.answer('create', { path, trashed: false }, args.fields);
  }

  /** Drive.Files.update(resource, fileId, mediaData, optionalArgs): rename, trash or restore, move. */
  update(resourceValue: unknown, fileId: unknown, mediaData?: unknown, optionalArgs?: unknown): unknown {
    const resource = this.resource('update', resourceValue, ['name', 'trashed', 'appProperties']);
    const args = this.args('update', optionalArgs, ['fields', 'addParents', 'removeParents']);
    if (mediaData !== undefined && mediaData !== null) return unavailable(this.context, FILES, 'update', 'new content');
    const item = this.itemOf(fileId);
    if (!item) throw fileNotFoundError(this.context, 'update', String(fileId));
    if (statSync(item.path).isDirectory()) return unavailable(this.context, FILES, 'update', 'a folder');
    const { drive } = this;
    let path = item.path;
    let trashed = item.trashed;
    if (resource.trashed !== undefined && Boolean(resource.trashed) !== trashed) {
      if (resource.name !== undefined || args.addParents !== undefined || resource.appProperties !== undefined) return unavailable(this.context, FILES, 'update', 'trashing or restoring together with other changes');
      path = inRealm(this.context, () => (resource.trashed ? drive.trashFile(path) : drive.restoreFile(path)));
      trashed = Boolean(resource.trashed);
      return this.answer('update', { path, trashed }, args.fields);
    }
    if (trashed && (resource.name !== undefined || args.addParents !== undefined || resource.appProperties !== undefined)) return unavailable(this.context, FILES, 'update', 'a file in the trash');
    let folder = dirname(path);
    if (args.addParents !== undefined || args.removeParents !== undefined) {
      const current = drive.idOf(folder);
      const removed = String(args.removeParents ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
      // A Drive item has one parent: a move names the new folder and removes the current one.
      if (args.addParents === undefined || String(args.addParents).includes(',') || !removed.includes(current) || removed.length !== 1) {
        return unavailable(this.context, FILES, 'update', `addParents ${String(args.addParents)} removeParents ${String(args.removeParents)}`);
      }
      folder = this.folderPath('update', String(args.addParents));
    }
    const name = resource.name === undefined ? drive.nameAt(path) : String(resource.name);
    const current = drive.appPropertiesAt(path);
    // An update merges the keys it names into the file's appProperties; a null value removes its key.
    const properties = this.appProperties('update', resource.appProperties, current);
    const changed = JSON.stringify(properties) !== JSON.stringify(current);
    if (folder !== dirname(path) || name !== drive.nameAt(path) || changed) path = inRealm(this.context, () => drive.moveFile(path, folder, name, properties));
    return this.answer('update', { path, trashed }, args.fields);
  }
}

/** The properties as a resource field: `{ appProperties }` when there are any, else nothing. */
function nonEmpty(appProperties: Record<string, string>): { appProperties?: Record<string, string> } {
  return Object.keys(appProperties).length === 0 ? {} : { appProperties };
}

/** The advanced Drive service fake (global `Drive`) over `drive`. */
export function makeAdvancedDrive(fakeContext: FakeContext, drive: LocalDrive): unknown {
  const files = new AdvancedFiles(fakeContext, drive);
  const filesFake = makeFake(
    fakeContext,
    FILES,
    () => ({
      get: (fileId: unknown, optionalArgs?: unknown) => files.get(fileId, optionalArgs),
      list: (optionalArgs?: unknown) => files.list(optionalArgs),
      copy: (resource: unknown, fileId: unknown, optionalArgs?: unknown) => files.copy(resource, fileId, optionalArgs),
      create: (resource: unknown, mediaData?: unknown, optionalArgs?: unknown) => files.create(resource, mediaData, optionalArgs),
      update: (resource: unknown, fileId: unknown, mediaData?: unknown, optionalArgs?: unknown) => files.update(resource, fileId, mediaData, optionalArgs),
    }),
    { costs: { get: 'read', list: 'read', copy: 'document', create: 'write', update: 'write' } },
  );
  return makeFake(fakeContext, 'Drive', () => ({ Files: filesFake }));
}
