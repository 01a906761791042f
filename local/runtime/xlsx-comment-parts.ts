/**
 * Lets exceljs 4.4 read the comments (notes) of workbooks it did not write. exceljs finds a
 * sheet's comments and their VML drawing only under the part names it writes itself
 * (xl/comments1.xml, xl/drawings/vmlDrawing1.vml) and looks them up by the relationship's Target
 * string as it writes it ('../comments1.xml'); it never resolves the Target. openpyxl writes
 * xl/comments/comment1.xml with the Target '/xl/comments/comment1.xml' (and its VML as
 * xl/drawings/commentsDrawing1.vml), so the lookup gives undefined and reading the file fails on
 * `comments`. Before exceljs reads a package, this follows each sheet's comments and VML
 * relationships and, only when one points where exceljs would not look, moves that part to a name
 * exceljs knows and rewrites the Target; a relationship to a part that is not in the package is
 * dropped. Files exceljs, Excel, WPS and LibreOffice write pass through unchanged. exceljs also
 * reads a comment's text only from runs (<r><t>…</t></r>); openpyxl writes plain <text><t>…</t>,
 * which it would read as an empty note.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { hideDrawings } from './xlsx-drawing-parts';

interface ZipEntry {
  dir: boolean;
  async(type: 'string'): Promise<string>;
}

interface Zip {
  files: Record<string, ZipEntry>;
  file(name: string): ZipEntry | null;
  file(name: string, data: string): Zip;
  remove(name: string): Zip;
  generateAsync(options: { type: 'nodebuffer'; compression: 'STORE' }): Promise<Buffer>;
}

interface JSZipStatic {
  loadAsync(data: Buffer): Promise<Zip>;
}

interface XlsxPrototype {
  load(this: unknown, data: unknown, options?: { base64?: boolean }): Promise<unknown>;
}

const COMMENTS_TYPE = /\/relationships\/comments$/;
const VML_TYPE = /\/relationships\/vmlDrawing$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/;

/** The value of an XML attribute in a start tag, unescaped for &amp; only (Targets are paths). */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  const value = match?.[2] ?? match?.[3];
  return value?.replace(/&amp;/g, '&');
}

/** The part a worksheet relationship's Target names (OPC: relative to xl/worksheets/ unless absolute). */
function partOf(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join('xl/worksheets', target);
  return posix.normalize(path);
}

/** How exceljs names and targets a part of this kind, given a number. */
const CANONICAL = {
  comments: { pattern: /^xl\/comments(\d+)\.xml$/, part: (n: number) => `xl/comments${n}.xml`, target: (n: number) => `../comments${n}.xml` },
  vml: { pattern: /^xl\/drawings\/vmlDrawing(\d+)\.vml$/, part: (n: number) => `xl/drawings/vmlDrawing${n}.vml`, target: (n: number) => `../drawings/vmlDrawing${n}.vml` },
} as const;

/**
 * Moves comment and VML parts exceljs would not find to names it does, rewriting the sheets'
 * relationships; returns whether anything changed.
 */
export async function canonicalizeCommentParts(zip: Zip): Promise<boolean> {
  const names = new Set(Object.keys(zip.files).filter((name) => !zip.files[name]?.dir));
  const taken = new Set(names);
  const moved = new Map<string, { part: string; target: string }>();
  const freshName = (kind: keyof typeof CANONICAL) => {
    for (let n = 1; ; n += 1) {
      const part = CANONICAL[kind].part(n);
      if (!taken.has(part)) {
        taken.add(part);
        return { part, target: CANONICAL[kind].target(n) };
      }
    }
  };
  let changed = false;
  for (const relsName of [...names].filter((name) => SHEET_RELS.test(name))) {
    const xml = await zip.file(relsName)!.async('string');
    const rewrites: { tag: string; replacement: string }[] = [];
    for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const type = attribute(tag, 'Type') ?? '';
      const target = attribute(tag, 'Target');
      const kind = COMMENTS_TYPE.test(type) ? 'comments' : VML_TYPE.test(type) ? 'vml' : undefined;
      if (!kind || target === undefined || attribute(tag, 'TargetMode') === 'External') continue;
      const part = partOf(target);
      const number = CANONICAL[kind].pattern.exec(part)?.[1];
      if (number !== undefined && target === CANONICAL[kind].target(Number(number))) continue;
      if (!names.has(part)) {
        rewrites.push({ tag, replacement: '' });
        continue;
      }
      let destination = moved.get(part);
      if (!destination) {
        destination = number !== undefined ? { part, target: CANONICAL[kind].target(Number(number)) } : freshName(kind);
        moved.set(part, destination);
      }
      const escaped = destination.target.replace(/&/g, '&amp;');
      rewrites.push({ tag, replacement: tag.replace(/(\sTarget\s*=\s*)("[^"]*"|'[^']*')/, `$1"${escaped}"`) });
    }
    if (rewrites.length === 0) continue;
    let updated = xml;
    for (const { tag, replacement } of rewrites) updated = updated.replace(tag, replacement);
    zip.file(relsName, updated);
    changed = true;
  }
  for (const [part, destination] of moved) {
    if (destination.part === part) continue;
    const content = await zip.file(part)!.async('string');
    zip.remove(part);
    zip.file(destination.part, content);
  }
  return changed;
}

interface CommentXform {
  model?: { note: { texts: { text: string }[] } };
  parser?: unknown;
  plainText?: string;
  inPhonetic?: boolean;
  parseOpen(node: { name: string }): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
}

/** Reads a comment's plain <t> text (outside runs) as one run; phonetic guides (<rPh>) are skipped. */
function patchPlainCommentText(commentXform: { prototype: CommentXform }): void {
  const { parseOpen, parseText, parseClose } = commentXform.prototype;
  commentXform.prototype.parseOpen = function open(this: CommentXform, node) {
    if (node.name === 'comment') {
      this.plainText = undefined;
      this.inPhonetic = false;
    } else if (!this.parser && this.inPhonetic) {
      return true;
    } else if (!this.parser && node.name === 'rPh') {
      this.inPhonetic = true;
      return true;
    } else if (!this.parser && node.name === 't' && this.model) {
      this.plainText = '';
      return true;
    }
    return parseOpen.call(this, node);
  };
  commentXform.prototype.parseText = function text(this: CommentXform, value) {
    if (this.inPhonetic) return;
    if (this.plainText !== undefined) this.plainText += value;
    else parseText.call(this, value);
  };
  commentXform.prototype.parseClose = function close(this: CommentXform, name) {
    if (this.inPhonetic) {
      if (name === 'rPh') this.inPhonetic = false;
      return true;
    }
    if (name === 't' && this.plainText !== undefined) {
      this.model?.note.texts.push({ text: this.plainText });
      this.plainText = undefined;
      return true;
    }
    return parseClose.call(this, name);
  };
}

let patched = false;

/**
 * Makes exceljs's XLSX reader see comment parts wherever a sheet's relationships put them, and their
 * plain text; and hides the sheets' drawings from it (see xlsx-drawing-parts.ts).
 */
export function patchCommentParts(): void {
  if (patched) return;
  patched = true;
  const load = createRequire(__filename);
  const fromExcelJs = createRequire(load.resolve('exceljs'));
  const JSZip = fromExcelJs('jszip') as JSZipStatic;
  const xlsx = load('exceljs/lib/xlsx/xlsx') as { prototype: XlsxPrototype };
  patchPlainCommentText(load('exceljs/lib/xlsx/xform/comment/comment-xform') as { prototype: CommentXform });
  const originalLoad = xlsx.prototype.load;
  xlsx.prototype.load = async function loadWithCommentParts(this: unknown, data, options) {
    const buffer = options?.base64 ? Buffer.from(String(data), 'base64') : (data as Buffer);
    const zip = await JSZip.loadAsync(buffer);
    const commentsMoved = await canonicalizeCommentParts(zip);
    const drawingsHidden = await hideDrawings(zip); // put back on save (see xlsx-drawing-parts.ts)
    if (!commentsMoved && !drawingsHidden) return originalLoad.call(this, buffer, { ...options, base64: false });
    const canonical = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    return originalLoad.call(this, canonical, { ...options, base64: false });
  };
}
