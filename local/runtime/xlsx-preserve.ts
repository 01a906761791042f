/**
 * What a save must keep that exceljs 4.4 would lose, mended around its writer:
 * - a column width of exactly 9 (exceljs's own default width, which it takes for "no width" and
 *   leaves out of <cols>; Excel's, LibreOffice's and openpyxl's default is about 8.43, so 9 is a
 *   width a person chose, column A's as much as any other);
 * - a hyperlink to a place in the workbook (<hyperlink location="'说明'!A1"/>, no relationship),
 *   which exceljs reads as plain text: read as the link '#'说明'!A1' and written back as a location;
 * - package parts exceljs never reads, above all the custom document properties
 *   (docProps/custom.xml), put back at the zip level after exceljs writes, with their
 *   [Content_Types].xml entry and their relationship in _rels/.rels.
 */
import JSZip from 'jszip';
import { createRequire } from 'node:module';

/** Relationship types of package-level parts (listed in _rels/.rels) that exceljs drops and a save restores. */
const KEPT_PACKAGE_PARTS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties'];

/** One package part to put back: its path in the zip, bytes, content type and relationship type. */
export interface KeptPart {
  name: string;
  data: Uint8Array;
  contentType: string;
  relationshipType: string;
}

let columnsPatched = false;

/** Makes exceljs write every column width it read, including a width of exactly 9. */
export function keepExactColumnWidths(): void {
  if (columnsPatched) return;
  columnsPatched = true;
  const load = createRequire(__filename);
  const column = load('exceljs/lib/doc/column') as { prototype: object };
  // exceljs: `width !== undefined && width !== 9`. A width is custom whenever the file had one.
  Object.defineProperty(column.prototype, 'isCustomWidth', {
    configurable: true,
    get(this: { width?: number }) {
      return this.width !== undefined;
    },
  });
}

interface HyperlinkModel {
  address: string;
  rId?: string;
  target?: string;
  tooltip?: string;
  location?: string;
}

interface SheetModel {
  hyperlinks?: HyperlinkModel[];
  relationships?: { Id: string; Target: string; Type?: string }[];
  rels?: { Id: string; Target: string }[];
}

interface XmlLeafStream {
  leafNode(name: string, attributes: Record<string, unknown>): void;
}

let linksPatched = false;

/**
 * Makes exceljs keep hyperlinks to places in the workbook: on reading, a <hyperlink> with a
 * location and no relationship becomes the cell link '#location' (exceljs's own form of an
 * internal link); on writing, a link starting with '#' is written as a location, without the
 * external relationship exceljs would give it. Call before reading and before writing.
 */
export function keepInternalHyperlinks(): void {
  if (linksPatched) return;
  linksPatched = true;
  const load = createRequire(__filename);
  const worksheets = load('exceljs/lib/xlsx/xform/sheet/worksheet-xform') as {
    prototype: { reconcile(model: SheetModel, options: unknown): void; prepare(model: SheetModel, options: unknown): void };
  };
  const links = load('exceljs/lib/xlsx/xform/sheet/hyperlink-xform') as {
    prototype: { render(this: unknown, stream: XmlLeafStream, model: HyperlinkModel): void };
  };
  const originalReconcile = worksheets.prototype.reconcile;
  worksheets.prototype.reconcile = function reconcile(model, options) {
    (model.hyperlinks ?? []).forEach((link, index) => {
      if (link.rId || !link.target) return;
      link.rId = `banzhuren-location-${index}`;
      (model.relationships ??= []).push({ Id: link.rId, Target: `#${link.target}` });
    });
    originalReconcile.call(this, model, options);
  };
  const originalPrepare = worksheets.prototype.prepare;
  worksheets.prototype.prepare = function prepare(model, options) {
    originalPrepare.call(this, model, options);
    const internal = new Set<string>();
    for (const link of model.hyperlinks ?? []) {
      if (!link.target?.startsWith('#') || !link.rId) continue;
      internal.add(link.rId);
      link.location = link.target.slice(1);
      delete link.rId;
    }
    if (internal.size > 0) model.rels = (model.rels ?? []).filter((rel) => !internal.has(rel.Id));
  };
  const originalRender = links.prototype.render;
  links.prototype.render = function render(stream, model) {
    if (model.location === undefined) return originalRender.call(this, stream, model);
    stream.leafNode('hyperlink', { ref: model.address, location: model.location, tooltip: model.tooltip });
  };
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) result[match[1]!] = match[3] ?? match[4] ?? '';
  return result;
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The content type [Content_Types].xml gives a part: its Override, else the Default of its extension. */
function contentTypeOf(types: string, name: string): string | undefined {
  for (const match of types.matchAll(/<Override\b[^>]*>/g)) {
    const { PartName, ContentType } = attributes(match[0]);
    if (PartName && unescapeXml(PartName).replace(/^\//, '') === name && ContentType) return unescapeXml(ContentType);
  }
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  for (const match of types.matchAll(/<Default\b[^>]*>/g)) {
    const { Extension, ContentType } = attributes(match[0]);
    if (Extension?.toLowerCase() === extension && ContentType) return unescapeXml(ContentType);
  }
  return undefined;
}

/** The parts of an .xlsx (its bytes) that exceljs would drop and a save puts back. */
export async function keptParts(xlsx: Uint8Array): Promise<KeptPart[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const rels = await zip.file('_rels/.rels')?.async('string');
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (!rels || !types) return [];
  const parts: KeptPart[] = [];
  for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const { Type, Target } = attributes(match[0]);
    if (!Type || !Target || !KEPT_PACKAGE_PARTS.includes(Type)) continue;
    const name = unescapeXml(Target).replace(/^\//, '');
    const file = zip.file(name);
    const contentType = contentTypeOf(types, name);
    if (!file || !contentType) continue;
    parts.push({ name, data: await file.async('uint8array'), contentType, relationshipType: Type });
  }
  return parts;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `xlsx` (as exceljs wrote it) with the kept parts put back where it lacks them. */
export async function restoreParts(xlsx: Uint8Array, parts: readonly KeptPart[]): Promise<Uint8Array> {
  if (parts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  let rels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  let changed = false;
  for (const part of parts) {
    if (zip.file(part.name)) continue;
    zip.file(part.name, part.data);
    if (contentTypeOf(types, part.name) !== part.contentType) {
      types = types.replace('</Types>', `<Override PartName="/${escapeAttribute(part.name)}" ContentType="${escapeAttribute(part.contentType)}"/></Types>`);
    }
    const ids = new Set([...rels.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((match) => match[1]));
    let number = ids.size + 1;
    while (ids.has(`rId${number}`)) number += 1;
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="rId${number}" Type="${escapeAttribute(part.relationshipType)}" Target="${escapeAttribute(part.name)}"/></Relationships>`,
    );
    changed = true;
  }
  if (!changed) return xlsx;
  zip.file('_rels/.rels', rels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
