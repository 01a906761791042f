/**
 * A .docx package opened for editing: its zip entries, the main document part and the header and
 * footer parts the sections reference, parsed on demand. Saving writes back every part nobody
 * changed with its original bytes, and only the changed XML parts anew. Also builds the blank
 * document DocumentApp.create makes, and the header and footer parts addHeader/addFooter add.
 */
import {
  appendChild,
  attribute,
  childElements,
  element,
  findDescendants,
  firstChild,
  insertBefore,
  parseXml,
  rootElement,
  serializeXml,
  XmlFormatError,
  type XmlElement,
} from './xml-tree';
import { readZip, writeZip, zipEntry, ZipFormatError, type ZipEntry } from './zip-package';

/** The namespace of WordprocessingML's elements. */
export const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIP_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOCUMENT_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const HEADER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const FOOTER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const HEADER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
const FOOTER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';

/** A parsed XML part of the package and the prefix its WordprocessingML elements use. */
export interface XmlPart {
  name: string;
  root: XmlElement;
  /** `w:` (or whatever prefix the part binds to WordprocessingML's namespace; '' for a default namespace). */
  prefix: string;
}

/** Which kind of header or footer a section reference names. */
export type SectionPartKind = 'header' | 'footer';

/** Raised, with a Chinese message naming the file, for a file that is not a readable .docx. */
export class DamagedDocumentError extends Error {}

/** The qualified name of a WordprocessingML element in a part. */
export function qualified(part: XmlPart, localName: string): string {
  return part.prefix ? `${part.prefix}:${localName}` : localName;
}

/** The local name of an element (without its prefix). */
export function localName(node: XmlElement): string {
  const colon = node.name.indexOf(':');
  return colon < 0 ? node.name : node.name.slice(colon + 1);
}

function prefixFor(root: XmlElement, namespace: string, fallback: string): string {
  const top = childElements(root)[0];
  if (!top) return fallback;
  for (const [key, value] of top.attributes) {
    if (value !== namespace) continue;
    if (key === 'xmlns') return '';
    if (key.startsWith('xmlns:')) return key.slice(6);
  }
  return fallback;
}

function resolveTarget(baseFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseFolder ? `${baseFolder}/${target}` : target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

function folderOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return slash < 0 ? '' : partName.slice(0, slash);
}

function relationshipsPartOf(partName: string): string {
  const folder = folderOf(partName);
  const file = partName.slice(folder.length ? folder.length + 1 : 0);
  return `${folder ? `${folder}/` : ''}_rels/${file}.rels`;
}

/** An opened .docx package. */
export class DocxPackage {
  private readonly entries: ZipEntry[];
  private readonly parsed = new Map<string, XmlPart>();
  private added = false;
  private mainPartNameValue: string;

  private constructor(entries: ZipEntry[], mainPartName: string) {
    this.entries = entries;
    this.mainPartNameValue = mainPartName;
  }

  /** The name of the main document part (word/document.xml in nearly every package). */
  get mainPartName(): string {
    return this.mainPartNameValue;
  }

  /** Opens a package; a file that is not a .docx gets a Chinese error naming `label`. */
  static open(bytes: Uint8Array, label: string): DocxPackage {
    let entries: ZipEntry[];
    try {
      entries = readZip(bytes);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new DamagedDocumentError(`文件「${label}」不是有效的 Word 文档（.docx）：无法按 zip 读取（${error.message}）。请用 Word 或 WPS 另存为 .docx 后重试。`);
      throw error;
    }
    const names = new Set(entries.map((entry) => entry.name));
    let mainPartName = 'word/document.xml';
    const opened = new DocxPackage(entries, mainPartName);
    try {
      if (names.has('_rels/.rels')) {
        const relationships = opened.part('_rels/.rels');
        const main = childElements(rootElement(relationships.root)).find((node) => attribute(node, 'Type') === OFFICE_DOCUMENT_TYPE);
        const target = main && attribute(main, 'Target');
        if (target && names.has(resolveTarget('', target))) mainPartName = resolveTarget('', target);
      }
      if (!names.has(mainPartName)) throw new DamagedDocumentError(`文件「${label}」不是有效的 Word 文档（.docx）：缺少正文部件 word/document.xml。请用 Word 或 WPS 另存为 .docx 后重试。`);
      opened.mainPartNameValue = mainPartName;
      const main = opened.part(mainPartName);
      const body = opened.body(main);
      if (!body) throw new DamagedDocumentError(`文件「${label}」不是有效的 Word 文档（.docx）：word/document.xml 里没有正文（w:body）。`);
      // Headers and footers are read now, so a damaged one is reported here, naming the file.
      for (const kind of ['header', 'footer'] as const) for (const { partName } of opened.sectionParts(kind)) opened.part(partName);
      return opened;
    } catch (error) {
      if (error instanceof DamagedDocumentError) throw error;
      if (error instanceof XmlFormatError || error instanceof ZipFormatError) {
        throw new DamagedDocumentError(`文件「${label}」不是有效的 Word 文档（.docx）：内容已损坏（${error.message}）。请用 Word 或 WPS 另存为 .docx 后重试。`);
      }
      throw error;
    }
  }

  /** Whether the package has an entry of that name. */
  has(name: string): boolean {
    return this.entries.some((entry) => entry.name === name);
  }

  /** A parsed XML part (parsed once, then kept). */
  part(name: string): XmlPart {
    const cached = this.parsed.get(name);
    if (cached) return cached;
    const entry = this.entries.find((candidate) => candidate.name === name);
    if (!entry) throw new XmlFormatError(`missing part ${name}`);
    let text = new TextDecoder('utf-8').decode(entry.data());
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const root = parseXml(text);
    const part: XmlPart = { name, root, prefix: prefixFor(root, WORD_NAMESPACE, 'w') };
    this.parsed.set(name, part);
    return part;
  }

  /** The main document part. */
  main(): XmlPart {
    return this.part(this.mainPartName);
  }

  /** The w:body of the main part. */
  body(main = this.main()): XmlElement | undefined {
    const documentElement = rootElement(main.root);
    return documentElement && firstChild(documentElement, qualified(main, 'body'));
  }

  /** Every w:sectPr of the document, in document order (the body's own last). */
  sections(): XmlElement[] {
    const main = this.main();
    const body = this.body(main);
    if (!body) return [];
    return findDescendants(body, (node) => node.name === qualified(main, 'sectPr'));
  }

  /** The relationships part of a part, created empty if missing. */
  private relationships(partName: string): XmlPart {
    const name = relationshipsPartOf(partName);
    if (!this.has(name)) {
      const root = parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"></Relationships>`);
      this.entries.push(zipEntry(name, new Uint8Array()));
      const part: XmlPart = { name, root, prefix: '' };
      rootElement(root).changed = true;
      this.parsed.set(name, part);
      return part;
    }
    return this.part(name);
  }

  /** The part a relationship id of the main part points to, if it exists. */
  targetOf(relationshipId: string): string | undefined {
    const relationships = this.relationships(this.mainPartName);
    const list = rootElement(relationships.root);
    const found = list && childElements(list).find((node) => attribute(node, 'Id') === relationshipId);
    const target = found && attribute(found, 'Target');
    if (!target || attribute(found, 'TargetMode') === 'External') return undefined;
    const name = resolveTarget(folderOf(this.mainPartName), target);
    return this.has(name) ? name : undefined;
  }

  /**
   * The header (or footer) parts the sections reference, in order: for each section in document
   * order, its default, first and even references.
   */
  sectionParts(kind: SectionPartKind): { partName: string; type: string }[] {
    const main = this.main();
    const referenceName = qualified(main, `${kind}Reference`);
    const found: { partName: string; type: string }[] = [];
    for (const section of this.sections()) {
      for (const reference of childElements(section)) {
        if (reference.name !== referenceName) continue;
        const id = attribute(reference, 'r:id') ?? reference.attributes.find(([key]) => key.endsWith(':id'))?.[1];
        const partName = id ? this.targetOf(id) : undefined;
        if (partName && !found.some((entry) => entry.partName === partName)) found.push({ partName, type: attribute(reference, qualified(main, 'type')) ?? 'default' });
      }
    }
    return found;
  }

  /**
   * Adds a default header (or footer) part referenced by every section, and returns its name.
   * The part holds one empty paragraph, like a header Google Docs adds.
   */
  addSectionPart(kind: SectionPartKind): string {
    const main = this.main();
    let index = 1;
    while (this.has(`word/${kind}${index}.xml`)) index += 1;
    const partName = `word/${kind}${index}.xml`;
    const rootName = kind === 'header' ? 'w:hdr' : 'w:ftr';
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${rootName} xmlns:w="${WORD_NAMESPACE}" xmlns:r="${RELATIONSHIP_NAMESPACE}"><w:p><w:pPr><w:pStyle w:val="${kind === 'header' ? 'Header' : 'Footer'}"/></w:pPr></w:p></${rootName}>`;
    const bytes = new TextEncoder().encode(xml);
    this.entries.push(zipEntry(partName, bytes));
    this.added = true;
    const relationships = this.relationships(this.mainPartName);
    const list = rootElement(relationships.root);
    const ids = new Set(childElements(list).map((node) => attribute(node, 'Id')));
    let idNumber = childElements(list).length + 1;
    while (ids.has(`rId${idNumber}`)) idNumber += 1;
    const id = `rId${idNumber}`;
    appendChild(list, element('Relationship', { Id: id, Type: kind === 'header' ? HEADER_TYPE : FOOTER_TYPE, Target: `${kind}${index}.xml` }));
    this.addContentType(`/${partName}`, kind === 'header' ? HEADER_CONTENT_TYPE : FOOTER_CONTENT_TYPE);
    const documentElement = rootElement(main.root);
    const relationshipPrefix = prefixFor(main.root, RELATIONSHIP_NAMESPACE, '');
    if (!relationshipPrefix) {
      documentElement.attributes.push(['xmlns:r', RELATIONSHIP_NAMESPACE]);
      if (documentElement.source) documentElement.source.attributesChanged = true;
    }
    const idAttribute = `${relationshipPrefix || 'r'}:id`;
    for (const section of this.sections()) {
      const reference = element(qualified(main, `${kind}Reference`), { [qualified(main, 'type')]: 'default', [idAttribute]: id });
      // Header and footer references come first in a w:sectPr (ECMA-376 §17.6.17).
      const after = childElements(section).find((node) => localName(node) !== 'headerReference' && localName(node) !== 'footerReference');
      if (after) insertBefore(after, reference);
      else appendChild(section, reference);
    }
    return partName;
  }

  private addContentType(partName: string, contentType: string): void {
    const types = this.part('[Content_Types].xml');
    const list = rootElement(types.root);
    if (childElements(list).some((node) => attribute(node, 'PartName') === partName)) return;
    appendChild(list, element('Override', { PartName: partName, ContentType: contentType }));
  }

  /** Whether any part was changed (or added) since the package was opened. */
  isChanged(): boolean {
    return this.added || [...this.parsed.values()].some((part) => part.root.children.some((child) => child.type === 'element' && child.changed));
  }

  /** The package's bytes: unchanged entries as they were, changed XML parts serialised anew. */
  save(): Uint8Array {
    const encoder = new TextEncoder();
    const entries = this.entries.map((entry) => {
      const part = this.parsed.get(entry.name);
      if (!part || !part.root.children.some((child) => child.type === 'element' && child.changed)) return entry;
      return zipEntry(entry.name, encoder.encode(serializeXml(part.root)));
    });
    return writeZip(entries);
  }
}

/** The parts of a blank document like a new Google Doc: A4 portrait, one empty paragraph. */
export function blankDocx(): Uint8Array {
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${declaration}<Types xmlns="${CONTENT_TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>`,
    ],
    ['_rels/.rels', `${declaration}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE_DOCUMENT_TYPE}" Target="word/document.xml"/></Relationships>`],
    [
      'word/_rels/document.xml.rels',
      `${declaration}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`,
    ],
    [
      'word/document.xml',
      // A4 is 11906 × 16838 twips; Google Docs' default margins are 1 inch (1440 twips).
      `${declaration}<w:document xmlns:w="${WORD_NAMESPACE}" xmlns:r="${RELATIONSHIP_NAMESPACE}"><w:body><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    ],
    ['word/styles.xml', `${declaration}${STYLES_XML}`],
    ['word/settings.xml', `${declaration}<w:settings xmlns:w="${WORD_NAMESPACE}"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`],
  ];
  const encoder = new TextEncoder();
  return writeZip(parts.map(([name, text]) => zipEntry(name, encoder.encode(text))));
}

function headingStyle(id: string, name: string, size: number, outline?: number): string {
  const outlineLevel = outline === undefined ? '' : `<w:outlineLvl w:val="${outline}"/>`;
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>${outlineLevel}</w:pPr><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;
}

/** Styles of the blank document: Normal (Arial 11 pt, as Google Docs), Title, Subtitle, Heading 1–6, Header, Footer, Table Grid. */
const STYLES_XML = [
  `<w:styles xmlns:w="${WORD_NAMESPACE}">`,
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimSun" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>',
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  headingStyle('Title', 'Title', 52),
  headingStyle('Subtitle', 'Subtitle', 30),
  headingStyle('Heading1', 'heading 1', 40, 0),
  headingStyle('Heading2', 'heading 2', 32, 1),
  headingStyle('Heading3', 'heading 3', 28, 2),
  headingStyle('Heading4', 'heading 4', 24, 3),
  headingStyle('Heading5', 'heading 5', 22, 4),
  headingStyle('Heading6', 'heading 6', 22, 5),
  '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>',
  '</w:styles>',
].join('');
