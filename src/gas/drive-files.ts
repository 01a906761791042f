/**
 * The add-on's only door to Google Drive: the few file and folder operations the documents need,
 * made through the advanced Drive service (Drive API v3, `Drive.Files.*`). The built-in DriveApp is
 * not used because every DriveApp, Folder and File method requires the full `drive` scope (or
 * drive.readonly) — its reference pages list no other — whereas the REST methods files.copy,
 * files.create, files.get, files.list and files.update accept `drive.file`, which lets the add-on
 * touch only the files and folders it created itself (or the user opened with it)
 * (https://developers.google.com/drive/api/reference/rest/v3/files, "Authorization scopes").
 * The manifest enables the service (dependencies.enabledAdvancedServices, userSymbol Drive, v3).
 *
 * Google's error behaviour relied on: a call for an id that does not exist, or that drive.file does
 * not let the add-on see, throws a GoogleJsonResponseException whose message reads
 * `API call to drive.files.get failed with error: File not found: ID.` and whose `details.code` is
 * 404; any other failure (quota, network, permission to write) is thrown on unchanged.
 */

/**
 * What marks a file the add-on made: appProperties (private to the app that set them) naming the
 * kind of document and its state — `draft` while it is being made, `done` once it has its final
 * name (https://developers.google.com/workspace/drive/api/guides/properties: "To add properties
 * restricted to your app, use the appProperties field of the files resource"; files.copy, create
 * and update take the File resource, appProperties included:
 * https://developers.google.com/drive/api/reference/rest/v3/files, field appProperties).
 * Files are found by it with `appProperties has { key='…' and value='…' }`
 * (https://developers.google.com/workspace/drive/api/guides/search-files#custom).
 */
export const MARKER_KEY = 'banzhuren';
export const STATE_KEY = 'banzhurenState';

/** The marker of a file the add-on made: its kind, and whether it is finished. */
export interface FileMarker {
  kind: string;
  state: 'draft' | 'done';
}

/** The MIME type Drive gives folders. */
export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

/** The MIME type of an uploaded PDF. */
export const PDF_MIME_TYPE = 'application/pdf';

/** The fields asked for every file or folder handed back (v3 returns only id, name, mimeType and kind unless asked). */
const ITEM_FIELDS = 'id,name,webViewLink';

/** How many files one files.list page may hold (the API's default is 100, its maximum 1000). */
const PAGE_SIZE = 100;

/** A file or folder as the documents use it. */
export interface DriveItem {
  id: string;
  name: string;
  /** Its webViewLink (offline: its id). */
  link: string;
}

/** The part of a Drive v3 File resource the add-on reads or writes. */
interface FileResource {
  id?: string;
  name?: string;
  mimeType?: string;
  parents?: string[];
  trashed?: boolean;
  webViewLink?: string;
  appProperties?: Record<string, string>;
}

/**
 * Drive.Files as the add-on calls it: always with the optional arguments (fields), and with a null
 * media argument where a call has no content (the advanced service maps arguments by position:
 * https://developers.google.com/apps-script/guides/services/advanced#how_method_signatures_are_determined).
 */
interface DriveFilesService {
  copy(resource: FileResource, fileId: string, optionalArgs: Record<string, unknown>): FileResource;
  create(resource: FileResource, mediaData: GoogleAppsScript.Base.Blob | null, optionalArgs: Record<string, unknown>): FileResource;
  get(fileId: string, optionalArgs: Record<string, unknown>): FileResource;
  list(optionalArgs: Record<string, unknown>): { files?: FileResource[]; nextPageToken?: string };
  update(resource: FileResource, fileId: string, mediaData: GoogleAppsScript.Base.Blob | null, optionalArgs: Record<string, unknown>): FileResource;
}

/** The advanced Drive service's Files collection; a clear message when the manifest did not enable it. */
function files(): DriveFilesService {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('未启用高级服务 Drive（Drive API v3）：请在 appsscript.json 的 enabledAdvancedServices 中加入 Drive v3');
  return Drive.Files as unknown as DriveFilesService;
}

/** A string as a quoted value of a Drive query: `\` and `'` escaped with a backslash (https://developers.google.com/drive/api/guides/ref-search-terms). */
export function queryString(value: string): string {
  return `'${value.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'")}'`;
}

/** Whether an error is Drive's 404 (no such file, or one drive.file does not let the add-on see). */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const details = (error as { details?: { code?: unknown } }).details;
  if (details && details.code === 404) return true;
  return error instanceof Error && /\bFile not found\b/u.test(error.message);
}

function itemOf(resource: FileResource): DriveItem {
  return { id: String(resource.id ?? ''), name: String(resource.name ?? ''), link: String(resource.webViewLink ?? '') };
}

/** The folder with this id; throws Drive's 404 when there is none, a Chinese message when it is a file or in the trash. */
export function folderById(id: string): DriveItem {
  const folder = files().get(id, { fields: 'id,name,mimeType,trashed,webViewLink' });
  if (folder.mimeType !== FOLDER_MIME_TYPE) throw new Error(`“${id}”不是文件夹`);
  if (folder.trashed === true) throw new Error(`文件夹“${folder.name ?? id}”在回收站中`);
  return itemOf(folder);
}

/** Creates a folder (in My Drive, or in the folder `parentId`). */
export function createFolder(name: string, parentId?: string): DriveItem {
  const resource: FileResource = { name, mimeType: FOLDER_MIME_TYPE };
  if (parentId !== undefined) resource.parents = [parentId];
  return itemOf(files().create(resource, null, { fields: ITEM_FIELDS }));
}

function propertiesOf(marker: FileMarker): Record<string, string> {
  return { [MARKER_KEY]: marker.kind, [STATE_KEY]: marker.state };
}

/**
 * The files named exactly `name` directly in the folder, not in the trash, that carry `marker`
 * (only what the add-on made: a file of that name someone else put there is never counted);
 * every page of the listing.
 */
export function filesNamed(folderId: string, name: string, marker: FileMarker): DriveItem[] {
  const found: DriveItem[] = [];
  const has = (key: string, value: string) => `appProperties has { key=${queryString(key)} and value=${queryString(value)} }`;
  const q = `name = ${queryString(name)} and ${queryString(folderId)} in parents and trashed = false and ${has(MARKER_KEY, marker.kind)} and ${has(STATE_KEY, marker.state)}`;
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { q, fields: `nextPageToken,files(${ITEM_FIELDS})`, pageSize: PAGE_SIZE };
    if (pageToken !== undefined) args.pageToken = pageToken;
    const page = files().list(args);
    // `name =` is matched by Drive; the exact comparison here keeps the promise of "exactly this name".
    for (const file of page.files ?? []) if (file.name === name) found.push(itemOf(file));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken !== undefined);
  return found;
}

/** Copies a file into a folder under a new name, marked (a copy of a Google Doc is a Google Doc). */
export function copyFile(fileId: string, name: string, folderId: string, marker: FileMarker): DriveItem {
  return itemOf(files().copy({ name, parents: [folderId], appProperties: propertiesOf(marker) }, fileId, { fields: ITEM_FIELDS }));
}

/**
 * Renames a file and sets its marker in ONE files.update (a kill leaves it either a draft under
 * its temporary name or finished under its final one); the file as it is now (offline an id is a
 * path, which a rename changes).
 */
export function renameFile(fileId: string, name: string, marker: FileMarker): DriveItem {
  return itemOf(files().update({ name, appProperties: propertiesOf(marker) }, fileId, null, { fields: ITEM_FIELDS }));
}

/** Whether an id names a file the add-on finished for this kind of document, not in the trash. */
export function isFinishedFile(fileId: string, kind: string): boolean {
  try {
    const file = files().get(fileId, { fields: 'mimeType,trashed,appProperties' });
    const properties = file.appProperties ?? {};
    return file.trashed !== true && file.mimeType !== FOLDER_MIME_TYPE && properties[MARKER_KEY] === kind && properties[STATE_KEY] === 'done';
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Moves a file to the trash (Drive keeps it there; its id still answers files.get with trashed: true). */
export function trashFile(fileId: string): void {
  files().update({ trashed: true }, fileId, null, { fields: 'id' });
}

/** Whether an id names a file (not a folder) that exists, that the add-on may see, and that is not in the trash. */
export function fileExists(fileId: string): boolean {
  try {
    const file = files().get(fileId, { fields: 'mimeType,trashed' });
    return file.trashed !== true && file.mimeType !== FOLDER_MIME_TYPE;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Moves a file into a folder, out of every folder it was in (a Drive item has one parent); the file
 * as it is now (offline an id is a path, which a move changes).
 */
export function moveFile(fileId: string, folderId: string): DriveItem {
  const file = files().get(fileId, { fields: `parents,${ITEM_FIELDS}` });
  const parents = file.parents ?? [];
  if (parents.length === 1 && parents[0] === folderId) return itemOf(file);
  const args: Record<string, unknown> = { addParents: folderId, fields: ITEM_FIELDS };
  const removed = parents.filter((parent) => parent !== folderId);
  if (removed.length > 0) args.removeParents = removed.join(',');
  return itemOf(files().update({}, fileId, null, args));
}

/** Uploads PDF bytes as a new file `name` in the folder, marked. */
export function uploadPdf(blob: GoogleAppsScript.Base.Blob, name: string, folderId: string, marker: FileMarker): DriveItem {
  return itemOf(files().create({ name, parents: [folderId], mimeType: PDF_MIME_TYPE, appProperties: propertiesOf(marker) }, blob, { fields: ITEM_FIELDS }));
}

/** The link of a file or folder (its webViewLink). */
export function linkOf(fileId: string): string {
  return String(files().get(fileId, { fields: 'webViewLink' }).webViewLink ?? '');
}
