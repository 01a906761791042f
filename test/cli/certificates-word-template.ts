/**
 * Word-style .docx templates for the document end-to-end tests, written with jszip the way Word
 * saves a template someone typed and formatted: each {{placeholder}} is split across formatting
 * runs, proofing marks (w:proofErr) and a bookmark, in the body, a table, the header and the
 * footer. (test/fixtures/documents holds the DOCX helper's own; this one is small and independent.)
 */
import JSZip from 'jszip';

/** What the template says: body paragraphs, one table (rows of cells), header and footer lines. */
export interface TemplateText {
  body: string[];
  table?: string[][];
  header?: string;
  footer?: string;
}

function escaped(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function run(text: string, properties = ''): string {
  return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${escaped(text)}</w:t></w:r>`;
}

let bookmark = 0;

/**
 * One paragraph's runs: plain text as one run; each placeholder as Word leaves it after editing —
 * `{{` bold, a spelling mark, the name split in two runs (the second in another font size), a
 * bookmark, then `}}`.
 */
function paragraph(text: string): string {
  const runs: string[] = [];
  for (const part of text.split(/(\{\{[^{}]+\}\})/u)) {
    if (part === '') continue;
    const placeholder = /^\{\{([^{}]+)\}\}$/u.exec(part);
    if (!placeholder) {
      runs.push(run(part));
      continue;
    }
    const name = Array.from(placeholder[1] as string);
    const half = Math.max(1, Math.floor(name.length / 2));
    bookmark += 1;
    runs.push(
      run('{{', '<w:b/><w:sz w:val="32"/>'),
      '<w:proofErr w:type="spellStart"/>',
      run(name.slice(0, half).join(''), '<w:b/>'),
      `<w:bookmarkStart w:id="${bookmark}" w:name="_GoBack"/><w:bookmarkEnd w:id="${bookmark}"/>`,
      ...(name.length > half ? [run(name.slice(half).join(''), '<w:sz w:val="28"/>')] : []),
      '<w:proofErr w:type="spellEnd"/>',
      run('}}'),
    );
  }
  return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.join('')}</w:p>`;
}

function table(rows: string[][]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const grid = Array.from({ length: columns }, () => '<w:gridCol w:w="3000"/>').join('');
  const body = rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('');
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

const NAMESPACES = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The bytes of a .docx saying `text`, placeholders split the way Word splits them. */
export async function wordTemplate(text: TemplateText): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date('2024-01-01T00:00:00Z');
  const add = (name: string, content: string) => zip.file(name, content, { date });
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIP}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  add(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rIdHeader" Type="${RELATIONSHIP}/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="${RELATIONSHIP}/footer" Target="footer1.xml"/></Relationships>`,
  );
  const content = [...text.body.map(paragraph), ...(text.table ? [table(text.table), '<w:p/>'] : [])].join('');
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${content}` +
      '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>' +
      '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>',
  );
  add('word/header1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${NAMESPACES}>${paragraph(text.header ?? '')}</w:hdr>`);
  add('word/footer1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${NAMESPACES}>${paragraph(text.footer ?? '')}</w:ftr>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The certificate template of the tests: name, school, county, number and date in body, table, header and footer. */
export const CERTIFICATE_TEXT: TemplateText = {
  body: ['荣誉证书', '{{姓名}} 同志：', '被认定为{{称号}}，任期{{任期}}。', '特发此证。'],
  table: [
    ['学校', '{{学校}}'],
    ['县（市、区）', '{{县（市、区）}}'],
    ['证书编号', '{{证书编号}}'],
  ],
  header: '证书编号：{{证书编号}}',
  footer: '玉溪市教育体育局 {{认定日期}}',
};
