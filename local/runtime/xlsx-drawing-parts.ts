/**
 * Keeps the drawings of a workbook (charts above all, also pictures and shapes) that exceljs 4.4
 * cannot carry through a read and a save. exceljs reads only drawings written with the `xdr:`
 * prefix (openpyxl writes the default namespace, and reading such a file then fails on `anchors`)
 * and never writes a chart back, so every chart would be lost. Before exceljs reads a package,
 * each sheet's DrawingML drawing is hidden from it (the sheet's <drawing> element, its
 * relationship and the drawing parts are taken out); when the workbook is saved, each drawing of
 * a sheet that still exists (found by its name) is put back at the zip level with every part it
 * leads to (charts, their style and colour parts, pictures), the sheet's relationship and
 * <drawing> element, and the [Content_Types].xml entries. The parts keep their bytes: a chart
 * keeps its range reference, as in Excel, whatever the add-on did to the cells. A chart sheet (a
 * sheet that is one chart) is not kept: exceljs drops it, and the runtime refuses to save over a
 * file that has one (see chartSheetNames).
 */
import JSZip from 'jszip';
import { posix } from 'node:path';

const DRAWING_TYPE = /\/relationships\/drawing$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/([^/]+\.xml)\.rels$/;
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_RELATIONSHIP = `${RELATIONSHIPS_NS}/drawing`;
/** Elements that follow <drawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The zip operations used here (exceljs's own jszip copy or ours). */
interface Zip {
  files: Record<string, { dir: boolean }>;
  file(name: string): { async(type: 'string'): Promise<string> } | null;
  file(name: string, data: string): unknown;
  remove(name: string): unknown;
}

/** One part of a kept drawing: its name in the read file, bytes, content type and relationships. */
interface DrawingPart {
  name: string;
  data: Uint8Array;
  contentType: string;
  /** Its relationships as in the read file, internal targets resolved to part names. */
  relationships: { id: string; type: string; target: string; external: boolean }[];
}

/** A sheet's drawing as read: the sheet's name and the drawing part followed by every part it leads to. */
export interface KeptDrawing {
  sheetName: string;
  parts: DrawingPart[];
}

/** The attributes of a start tag, unescaped. */
function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) result[match[1]!] = unescapeXml(match[3] ?? match[4] ?? '');
  return result;
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The rels part of a part: xl/drawings/drawing1.xml → xl/drawings/_rels/drawing1.xml.rels. */
function relsOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** The part a relationship Target names (OPC: relative to the source part's folder unless absolute). */
function resolve(source: string, target: string): string {
  return posix.normalize(target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(source), target));
}

/** The relationships of a rels part's XML. */
function relationshipsOf(xml: string, source: string): DrawingPart['relationships'] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => {
    const { Id = '', Type = '', Target = '', TargetMode } = attributes(tag);
    const external = TargetMode === 'External';
    return { id: Id, type: Type, target: external ? Target : resolve(source, Target), external };
  });
}

/** The content type [Content_Types].xml gives a part: its Override, else the Default of its extension. */
function contentTypeOf(types: string, name: string): string | undefined {
  for (const [tag] of types.matchAll(/<Override\b[^>]*>/g)) {
    const { PartName, ContentType } = attributes(tag);
    if (PartName?.replace(/^\//, '') === name && ContentType) return ContentType;
  }
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  for (const [tag] of types.matchAll(/<Default\b[^>]*>/g)) {
    const { Extension, ContentType } = attributes(tag);
    if (Extension?.toLowerCase() === extension && ContentType) return ContentType;
  }
  return undefined;
}

/** Each sheet of a package by name: its part. */
async function sheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map(relationshipsOf(rels, 'xl/workbook.xml').map((rel) => [rel.id, rel.target]));
  const sheets = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const values = attributes(tag);
    const id = Object.entries(values).find(([key]) => /(^|:)id$/.test(key) && key !== 'sheetId')?.[1];
    const part = id !== undefined ? targets.get(id) : undefined;
    if (values.name !== undefined && part) sheets.set(values.name, part);
  }
  return sheets;
}

/** The names of the chart sheets of an .xlsx (its bytes): sheets that are one chart, which a save cannot keep. */
export async function chartSheetNames(xlsx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const chartSheetIds = new Set(relationshipsOf(rels, 'xl/workbook.xml').filter((rel) => /\/relationships\/chartsheet$/.test(rel.type)).map((rel) => rel.id));
  const names: string[] = [];
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const values = attributes(tag);
    const id = Object.entries(values).find(([key]) => /(^|:)id$/.test(key) && key !== 'sheetId')?.[1];
    if (id !== undefined && chartSheetIds.has(id) && values.name !== undefined) names.push(values.name);
  }
  return names;
}

/** The drawings of an .xlsx (its bytes), by sheet, with every part each leads to, to put back on save. */
export async function keptDrawings(xlsx: Uint8Array): Promise<KeptDrawing[]> {
  const zip = await JSZip.loadAsync(xlsx, { createFolders: false });
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const drawings: KeptDrawing[] = [];
  for (const [sheetName, sheetPart] of await sheetPartsByName(zip)) {
    const rels = await zip.file(relsOf(sheetPart))?.async('string');
    // Only a sheet with a drawing relationship has its (possibly large) XML read.
    const sheetXml = rels && /\/relationships\/drawing["']/.test(rels) ? await zip.file(sheetPart)?.async('string') : undefined;
    if (!rels || !sheetXml) continue;
    const used = new Set([...sheetXml.matchAll(/<(?:\w+:)?drawing\b[^>]*>/g)].map(([tag]) => Object.entries(attributes(tag)).find(([key]) => /(^|:)id$/.test(key))?.[1]));
    const drawing = relationshipsOf(rels, sheetPart).find((rel) => DRAWING_TYPE.test(rel.type) && !rel.external && used.has(rel.id) && zip.file(rel.target));
    if (!drawing) continue;
    const parts: DrawingPart[] = [];
    const queue = [drawing.target];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const name = queue.shift()!;
      const file = zip.file(name);
      const contentType = contentTypeOf(types, name);
      if (!file || !contentType) continue;
      const partRels = await zip.file(relsOf(name))?.async('string');
      const relationships = partRels ? relationshipsOf(partRels, name) : [];
      for (const rel of relationships) {
        if (rel.external || seen.has(rel.target) || !zip.file(rel.target)) continue;
        seen.add(rel.target);
        queue.push(rel.target);
      }
      parts.push({ name, data: await file.async('uint8array'), contentType, relationships });
    }
    if (parts[0]?.name === drawing.target) drawings.push({ sheetName, parts });
  }
  return drawings;
}

/**
 * Takes every sheet's DrawingML drawing out of a package before exceljs reads it: the <drawing>
 * element, its relationship and the drawing parts (which keptDrawings saved). Returns whether
 * anything changed.
 */
export async function hideDrawings(zip: Zip): Promise<boolean> {
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
  const hidden = new Set<string>();
  let changed = false;
  for (const relsName of names) {
    const sheetFile = SHEET_RELS.exec(relsName)?.[1];
    if (!sheetFile) continue;
    const sheetPart = `xl/worksheets/${sheetFile}`;
    const rels = await zip.file(relsName)!.async('string');
    const drawingTags = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => {
      const { Type = '', TargetMode } = attributes(tag);
      return DRAWING_TYPE.test(Type) && TargetMode !== 'External';
    });
    if (drawingTags.length === 0) continue;
    let updated = rels;
    for (const tag of drawingTags) {
      updated = updated.replace(tag, '');
      hidden.add(resolve(sheetPart, attributes(tag).Target ?? ''));
    }
    zip.file(relsName, updated);
    const sheetXml = await zip.file(sheetPart)?.async('string');
    if (sheetXml !== undefined) zip.file(sheetPart, sheetXml.replace(/<(?:\w+:)?drawing\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?drawing>)/g, ''));
    changed = true;
  }
  // exceljs parses every drawing part, also those of chart sheets (which it drops): none stays.
  for (const name of names) {
    if (/^xl\/drawings\/[^/]+\.xml$/.test(name)) hidden.add(name);
  }
  // Pictures of hidden drawings go too (exceljs would write each again as a part nothing uses),
  // unless a sheet itself uses one (a background picture).
  const pictures = new Set<string>();
  const keptPictures = new Set<string>();
  for (const name of names) {
    const drawing = hidden.has(name.replace(/_rels\/([^/]+)\.rels$/, '$1'));
    const sheet = SHEET_RELS.test(name);
    if (!name.endsWith('.rels') || (!drawing && !sheet)) continue;
    const xml = await zip.file(name)?.async('string');
    const source = name.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const rel of relationshipsOf(xml ?? '', source)) {
      if (!rel.external && /\/relationships\/image$/.test(rel.type)) (drawing ? pictures : keptPictures).add(rel.target);
    }
  }
  for (const part of [...hidden, ...[...pictures].filter((picture) => !keptPictures.has(picture))]) {
    zip.remove(part);
    zip.remove(relsOf(part));
    changed = true;
  }
  return changed;
}

/** A name for `part` that is not taken: the same if free, else the same folder and stem with the next free number. */
function freeName(part: string, taken: Set<string>): string {
  let name = part;
  const match = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  for (let number = 1; taken.has(name); number += 1) name = match ? `${match[1]}${number}${match[3]}` : `${part}${number}`;
  taken.add(name);
  return name;
}

/** A fresh relationship Id among the Ids of a rels XML. */
function freshId(rels: string): string {
  const ids = new Set([...rels.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((match) => match[1]));
  let number = ids.size + 1;
  while (ids.has(`rId${number}`)) number += 1;
  return `rId${number}`;
}

function relsXml(relationships: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`;
}

/**
 * `xlsx` (as exceljs wrote it) with the kept drawings put back on the sheets that still exist
 * (matched by name); a sheet that was deleted takes its drawing with it.
 */
export async function restoreDrawings(xlsx: Uint8Array, drawings: readonly KeptDrawing[]): Promise<Uint8Array> {
  if (drawings.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx, { createFolders: false });
  const sheets = await sheetPartsByName(zip);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const taken = new Set(Object.keys(zip.files));
  let changed = false;
  for (const drawing of drawings) {
    const sheetPart = sheets.get(drawing.sheetName);
    const sheetXml = sheetPart ? await zip.file(sheetPart)?.async('string') : undefined;
    if (!sheetPart || sheetXml === undefined) continue;
    if (/<(?:\w+:)?drawing\b/.test(sheetXml)) {
      throw new Error(`无法保存工作表“${drawing.sheetName}”中的图表：该表已有另一组绘图`);
    }
    const renamed = new Map(drawing.parts.map((part) => [part.name, freeName(part.name, taken)]));
    for (const part of drawing.parts) {
      const name = renamed.get(part.name)!;
      zip.file(name, part.data, { createFolders: false });
      if (contentTypeOf(types, name) !== part.contentType) {
        types = types.replace('</Types>', `<Override PartName="/${escapeXml(name)}" ContentType="${escapeXml(part.contentType)}"/></Types>`);
      }
      if (part.relationships.length === 0) continue;
      const relationships = part.relationships.map((rel) => {
        const target = rel.external ? rel.target : posix.relative(posix.dirname(name), renamed.get(rel.target) ?? rel.target);
        const mode = rel.external ? ' TargetMode="External"' : '';
        return `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(target)}"${mode}/>`;
      });
      zip.file(relsOf(name), relsXml(relationships), { createFolders: false });
    }
    const sheetRelsName = relsOf(sheetPart);
    const sheetRels = (await zip.file(sheetRelsName)?.async('string')) ?? relsXml([]);
    const id = freshId(sheetRels);
    const target = posix.relative(posix.dirname(sheetPart), renamed.get(drawing.parts[0]!.name)!);
    zip.file(sheetRelsName, sheetRels.replace('</Relationships>', `<Relationship Id="${id}" Type="${DRAWING_RELATIONSHIP}" Target="${escapeXml(target)}"/></Relationships>`), { createFolders: false });
    const element = `<drawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${id}"/>`;
    const following = new RegExp(`<(?:\\w+:)?(?:${AFTER_DRAWING.join('|')})\\b|</(?:\\w+:)?worksheet>`).exec(sheetXml);
    const at = following?.index ?? sheetXml.length;
    zip.file(sheetPart, `${sheetXml.slice(0, at)}${element}${sheetXml.slice(at)}`);
    changed = true;
  }
  if (!changed) return xlsx;
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
