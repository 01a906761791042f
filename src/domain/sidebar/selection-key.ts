/**
 * The key of a sidebar selection: a short hash of the sheet, the selected rows and the cells of
 * the rows shown (and the header row), so a poll can answer "nothing changed" without building
 * views, and a move someone else made on a shown row changes it.
 */

/** A 64-bit FNV-1a hash of the JSON of `parts`, as 16 hex digits. */
export function selectionKey(parts: unknown): string {
  const text = JSON.stringify(parts);
  // Two 32-bit FNV-1a lanes with different offsets: collisions are not a security matter here.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
