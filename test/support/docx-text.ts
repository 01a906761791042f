/**
 * The text a reader sees in a .docx, read straight from its XML with jszip (independent of the
 * runtime's DocumentApp): the body (paragraphs and table cells, one line per paragraph), the
 * headers and the footers, so end-to-end tests can check what a generated document says.
 */
import JSZip from 'jszip';

/** The text of one .docx, by part. */
export interface DocxText {
  /** The body's paragraphs (also those inside table cells), one per line. */
  body: string;
  /** The text of each table's cells, row by row: tables[t][r][c]. */
  tables: string[][][];
  /** Every header part's text, one line per paragraph. */
  headers: string;
  /** Every footer part's text, one line per paragraph. */
  footers: string;
  /** Body, headers and footers together. */
  all: string;
}

/** XML character references and the five named entities decoded. */
function decoded(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/giu, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_match, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** The text of one paragraph's XML: its w:t runs joined, tabs and breaks as characters. */
function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t(?:\s[^>]*)?\/>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>/gu)) {
    if (match[0].startsWith('<w:tab')) text += '\t';
    else if (match[0].startsWith('<w:br')) text += '\n';
    else text += decoded(match[1] ?? '');
  }
  return text;
}

/** Every paragraph's text of a part, in order (nested tables included), one per line. */
function partText(xml: string): string {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/gu)].map((match) => paragraphText(match[1] ?? '')).join('\n');
}

/** The tables of the body: each row's cells' text (paragraphs of a cell joined by line breaks). */
function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/gu)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/gu)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc(?:\s[^>]*)?>([\s\S]*?)<\/w:tc>/gu)].map((cell) => partText(cell[1] ?? '')),
    ),
  );
}

/** Reads a .docx's text; throws when the bytes are no .docx (no word/document.xml). */
export async function docxText(bytes: Uint8Array): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('not a .docx: no word/document.xml');
  const documentXml = await document.async('string');
  const read = async (pattern: RegExp) => {
    const names = Object.keys(zip.files).filter((name) => pattern.test(name)).sort();
    const texts = await Promise.all(names.map(async (name) => partText(await (zip.file(name) as JSZip.JSZipObject).async('string'))));
    return texts.join('\n');
  };
  const body = partText(documentXml);
  const headers = await read(/^word\/header\d*\.xml$/u);
  const footers = await read(/^word\/footer\d*\.xml$/u);
  return { body, tables: tablesOf(documentXml), headers, footers, all: [body, headers, footers].join('\n') };
}
