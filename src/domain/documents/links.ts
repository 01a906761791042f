/**
 * Reading the links 证书链接 and 考核表链接 hold: on Google a file's URL, offline the file's id
 * itself (its path relative to the workbook's folder), so one function serves both.
 */

/**
 * The file id a link names: the id in a Google Drive or Docs URL (/d/ID or ?id=ID); offline a link
 * is not a URL but the file id itself (a path relative to the workbook's folder), returned as it is.
 * Null for a blank cell or a URL that names no Drive file.
 */
export function fileIdOfLink(link: string): string | null {
  const text = link.trim();
  if (text === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//iu.test(text)) return text;
  const id = /\/d\/([A-Za-z0-9_-]{10,})/u.exec(text) ?? /[?&]id=([A-Za-z0-9_-]{10,})/u.exec(text);
  return id?.[1] ?? null;
}
