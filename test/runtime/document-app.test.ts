/**
 * DocumentApp over .docx: placeholders Word, LibreOffice and spell-checking split across runs are
 * replaced in the body, tables, headers and footers with the first character's formatting, and
 * everything else in the file stays byte for byte; LibreOffice opens what the fake writes.
 */
import { documentAppOver, fixture, libreOfficeText, paragraphTexts, partText, runsHolding, zipParts } from './document-app-helpers';

const VALUES: Record<string, string> = {
  姓名: '张三',
  证书编号: '0012',
  称号: '市级骨干班主任',
  今天: '2024年9月27日',
  任期: '2024年10月10日至2027年10月9日',
  县区: '红塔区',
  认定日期: '2024年10月10日',
  学校: '玉溪一中',
  履职记录: '（见附表）',
};

/** Replaces every {{name}} of VALUES in the body, the header and the footer, the way the bundle does. */
function fillPlaceholders(document: GoogleAppsScript.Document.Document): void {
  const sections = [document.getBody(), document.getHeader(), document.getFooter()].filter((section) => section !== null);
  for (const section of sections) {
    for (const [name, value] of Object.entries(VALUES)) section.replaceText(`\\{\\{${name}\\}\\}`, value);
  }
}

describe('a Word template with placeholders split across runs', () => {
  const original = fixture('word-split-placeholders.docx');

  async function filled(): Promise<Uint8Array> {
    const { app, store } = documentAppOver();
    store.add('template', '证书模板', original);
    const document = app.openById('template');
    fillPlaceholders(document);
    document.saveAndClose();
    return store.readFile('template');
  }

  test('every placeholder of body, table, headers and footer is replaced; no {{ is left', async () => {
    const bytes = await filled();
    const body = paragraphTexts(await partText(bytes, 'word/document.xml'));
    expect(body).toEqual([
      '荣誉证书',
      '兹授予 张三 同志',
      '证书编号：0012',
      '荣获市级骨干班主任称号。',
      '2024\t2024年9月27日',
      '',
      '姓名',
      '张三',
      '任期',
      '2024年10月10日至2027年10月9日',
      '特发此证。',
    ]);
    expect(paragraphTexts(await partText(bytes, 'word/header1.xml'))).toEqual(['红塔区教育体育局']);
    expect(paragraphTexts(await partText(bytes, 'word/header2.xml'))).toEqual(['第一页 红塔区']);
    expect(paragraphTexts(await partText(bytes, 'word/footer1.xml'))).toEqual(['认定日期：2024年10月10日']);
    for (const [name, part] of await zipParts(bytes)) {
      if (name.endsWith('.xml')) expect(paragraphTexts(new TextDecoder().decode(part)).join('\n')).not.toMatch(/\{|\}/);
    }
  });

  test('the replacement takes the formatting of the run of the first character', async () => {
    const bytes = await filled();
    const xml = await partText(bytes, 'word/document.xml');
    expect(runsHolding(xml, '张三')).toEqual([
      '<w:r w:rsidRPr="00D4E5F6"><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="36"/></w:rPr><w:t>张三</w:t></w:r>',
      '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>张三</w:t></w:r>',
    ]);
    expect(runsHolding(xml, '0012')[0]).toContain('<w:i/>');
    expect(runsHolding(await partText(bytes, 'word/header1.xml'), '红塔区')[0]).toContain('<w:b/>');
    expect(runsHolding(await partText(bytes, 'word/footer1.xml'), '2024年10月10日')[0]).toContain('<w:color w:val="1F4E79"/>');
  });

  test('the other runs lose the matched characters and empty runs go; marks and untouched runs stay', async () => {
    const xml = await partText(await filled(), 'word/document.xml');
    const paragraph = xml.match(/<w:p [^>]*>(?:(?!<\/w:p>)[\s\S])*?兹授予(?:(?!<\/w:p>)[\s\S])*<\/w:p>/)?.[0];
    expect(paragraph).toBe(
      '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">兹授予 </w:t></w:r>'
      + '<w:r w:rsidRPr="00D4E5F6"><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="36"/></w:rPr><w:t>张三</w:t></w:r>'
      + '<w:proofErr w:type="spellStart"/><w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> 同志</w:t></w:r></w:p>',
    );
    // The deleted text of the tracked change and the field code are kept as they were.
    expect(xml).toContain('<w:del w:id="1" w:author="王老师" w:date="2024-09-01T10:00:00Z"><w:r><w:delText>旧称号</w:delText></w:r></w:del>');
    expect(xml).toContain('<w:instrText xml:space="preserve"> DATE \\@ "yyyy" </w:instrText>');
    expect(xml).toContain('<w:bookmarkStart w:id="0" w:name="number"/>');
  });

  test('every part and every XML node not touched stays byte for byte', async () => {
    const before = await zipParts(original);
    const after = await zipParts(await filled());
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = ['word/document.xml', 'word/header1.xml', 'word/header2.xml', 'word/footer1.xml'];
    for (const [name, bytes] of before) {
      if (!changed.includes(name)) expect(Buffer.from(after.get(name)!).equals(Buffer.from(bytes))).toBe(true);
    }
    const originalXml = new TextDecoder().decode(before.get('word/document.xml'));
    const filledXml = new TextDecoder().decode(after.get('word/document.xml'));
    const untouched = [
      ...originalXml.matchAll(/<w:p [^>]*>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g),
      ...originalXml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g),
      ...originalXml.matchAll(/<w:tblPr>[\s\S]*?<\/w:tblGrid>/g),
    ].map(([node]) => node).filter((node) => !node.includes('{') && !node.includes('}'));
    expect(untouched.length).toBeGreaterThanOrEqual(5);
    for (const node of untouched) expect(filledXml).toContain(node);
    expect(filledXml.slice(0, filledXml.indexOf('<w:body>'))).toBe(originalXml.slice(0, originalXml.indexOf('<w:body>')));
  });

  test('LibreOffice opens the filled document and shows the values', async () => {
    const text = libreOfficeText(await filled());
    for (const value of ['张三', '0012', '市级骨干班主任', '2024年9月27日', '2024年10月10日至2027年10月9日']) expect(text).toContain(value);
    expect(text).not.toContain('{{');
  });

  test('getText and findText see a split placeholder whole, with offsets in the paragraph', () => {
    const { app, store } = documentAppOver();
    store.add('template', '证书模板', original);
    const body = app.openById('template').getBody();
    expect(body.getText().split('\n').slice(1, 4)).toEqual(['兹授予 {{姓名}} 同志', '证书编号：{{证书编号}}', '荣获{{称号}}称号。']);
    const found = body.findText('\\{\\{姓名\\}\\}')!;
    expect([found.getStartOffset(), found.getEndOffsetInclusive()]).toEqual([4, 9]);
    expect(found.getElement().asText().getText()).toBe('兹授予 {{姓名}} 同志');
    const paragraph = found.getElement().getParent();
    expect(paragraph.getType()).toBe('PARAGRAPH');
    expect(body.getChildIndex(paragraph)).toBe(1);
    // Searching on from the first result finds the one in the table cell.
    const next = body.findText('\\{\\{姓名\\}\\}', found)!;
    expect(next.getElement().getParent().getParent().getType()).toBe('TABLE_CELL');
    expect([next.getStartOffset(), next.getEndOffsetInclusive()]).toEqual([0, 5]);
    expect(body.findText('\\{\\{姓名\\}\\}', next)).toBeNull();
    expect(app.openById('template').getHeader()!.findText('县区')!.getElement().asText().getText()).toBe('{{县区}}教育体育局');
  });
});

describe('a LibreOffice template', () => {
  test('placeholders split by Writer are replaced with the first character formatting, and LibreOffice reopens it', async () => {
    const { app, store } = documentAppOver();
    store.add('lo', '考核表模板', fixture('libreoffice-placeholders.docx'));
    const document = app.openById('lo');
    fillPlaceholders(document);
    document.saveAndClose();
    const bytes = store.readFile('lo');
    const xml = await partText(bytes, 'word/document.xml');
    expect(paragraphTexts(xml)).toEqual(['班主任任期考核表', '姓名：张三　学校：玉溪一中', '任期：2024年10月10日至2027年10月9日', '县区', '红塔区', '证书编号', '0012', '（见附表）']);
    expect(runsHolding(xml, '张三')[0]).toContain('<w:b/>');
    expect(runsHolding(xml, '玉溪一中')[0]).toContain('<w:i/>');
    expect(runsHolding(xml, '0012')[0]).not.toContain('<w:b/>');
    const text = libreOfficeText(bytes);
    expect(text).toContain('姓名：张三　学校：玉溪一中');
    expect(text).toContain('红塔区');
  });
});
