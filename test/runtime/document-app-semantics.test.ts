/**
 * DocumentApp's documented behaviour in the fake: regular expressions of replaceText and findText
 * (RE2 syntax, one paragraph at a time, the replacement inserted literally), the structure of the
 * body (children, tables, removal), create/saveAndClose (a blank A4 document, deterministic bytes,
 * a closed document refusing further calls), and the errors of a damaged or missing file.
 */
import { CallCounter } from '../../local/runtime/call-counter';
import { loadBundle } from '../../local/runtime/bundle';
import { SimulatedClock } from '../../local/runtime/clock';
import { makeDocumentApp, saveOpenDocuments } from '../../local/services/document/document-app';
import { MemoryDriveStore } from '../support/memory-drive-store';
import { documentAppOver, fixture, libreOfficeText, paragraphTexts, partText, runsHolding, zipParts } from './document-app-helpers';

/** A new document whose body holds these paragraphs (the blank one first replaced by the first). */
function documentWith(paragraphs: string[]) {
  const opened = documentAppOver();
  const document = opened.app.create('测试');
  const body = document.getBody();
  (body.getChild(0) as GoogleAppsScript.Document.Paragraph).setText(paragraphs[0]!);
  for (const text of paragraphs.slice(1)) body.appendParagraph(text);
  return { ...opened, document, body };
}

describe('replaceText and findText: regular expressions as Google documents them', () => {
  test('special characters of the replacement are inserted literally ($, $1, $&, backslash)', () => {
    const { body } = documentWith(['价格：{{价}}', '路径：{{路径}}', '组：{{组}}']);
    body.replaceText('\\{\\{价\\}\\}', '$100 $& $$');
    body.replaceText('\\{\\{路径\\}\\}', 'C:\\教师\\n1');
    body.replaceText('(\\{\\{)组(\\}\\})', '$1-$2');
    expect(body.getText()).toBe('价格：$100 $& $$\n路径：C:\\教师\\n1\n组：$1-$2');
  });

  test('braces are literal unless they form a repetition; escaped braces work too', () => {
    const { body } = documentWith(['{{姓名}} 与 {{姓名}}', 'aaa']);
    body.replaceText('{{姓名}}', '张三');
    body.replaceText('a{2}', 'b');
    expect(body.getText()).toBe('张三 与 张三\nba');
  });

  test('a pattern matches within one paragraph only; ^ and $ are the paragraph ends', () => {
    const { body } = documentWith(['{{开始', '结束}}', '保留 Apps Script 文字']);
    body.replaceText('\\{\\{[\\s\\S]*\\}\\}', 'X');
    expect(body.getText()).toBe('{{开始\n结束}}\n保留 Apps Script 文字');
    body.replaceText('^.*Apps ?Script.*$', 'Apps Script');
    expect(body.getText()).toBe('{{开始\n结束}}\nApps Script');
  });

  test('empty matches insert at the paragraph ends', () => {
    const { body } = documentWith(['中间', '末尾\t']);
    body.replaceText('^', '【');
    body.replaceText('$', '】');
    expect(body.getText()).toBe('【中间】\n【末尾\t】');
  });

  test('RE2 syntax: (?i) flags, \\Q…\\E quoting, POSIX classes', () => {
    const { body } = documentWith(['Hello WORLD', 'a.b*c', '编号 2024']);
    body.replaceText('(?i)world', 'there');
    body.replaceText('\\Qa.b*c\\E', 'quoted');
    body.replaceText('[[:digit:]]+', 'N');
    expect(body.getText()).toBe('Hello there\nquoted\n编号 N');
  });

  test('an invalid pattern, a look-ahead or a back-reference fails and changes nothing', () => {
    const { body } = documentWith(['{{姓名}}']);
    for (const pattern of ['{{姓名(', 'Hello (World', '(?=姓)', '(姓)\\1', '[姓名']) {
      expect(() => body.replaceText(pattern, 'x')).toThrow(/^Invalid regular expression pattern$/);
      expect(() => body.findText(pattern)).toThrow(/^Invalid regular expression pattern$/);
    }
    expect(body.getText()).toBe('{{姓名}}');
  });

  test('findText gives offsets in the paragraph text and searches on from an earlier result', () => {
    const { body } = documentWith(['无', '甲{{x}}乙{{y}}']);
    const first = body.findText('\\{\\{[a-z]\\}\\}')!;
    expect(first.getElement().asText().getText()).toBe('甲{{x}}乙{{y}}');
    expect([first.getStartOffset(), first.getEndOffsetInclusive(), first.isPartial()]).toEqual([1, 5, true]);
    const second = body.findText('\\{\\{[a-z]\\}\\}', first)!;
    expect([second.getStartOffset(), second.getEndOffsetInclusive()]).toEqual([7, 11]);
    expect(body.findText('\\{\\{[a-z]\\}\\}', second)).toBeNull();
    expect(body.findText('不存在')).toBeNull();
    expect(body.getChildIndex(second.getElement().getParent())).toBe(1);
  });

  test('tabs and line breaks of a replacement become w:tab and w:br', async () => {
    const { body, document, store } = documentWith(['{{多行}}']);
    body.replaceText('\\{\\{多行\\}\\}', '第一行\n第二行\t完');
    expect(body.getText()).toBe('第一行\r第二行\t完');
    document.saveAndClose();
    const xml = await partText(store.readFile('doc-1'), 'word/document.xml');
    expect(xml).toContain('<w:t xml:space="preserve">第一行</w:t><w:br/><w:t xml:space="preserve">第二行</w:t><w:tab/><w:t xml:space="preserve">完</w:t>');
  });
});

describe('Text.insertText and Text.deleteText: literal edits over the runs of a paragraph', () => {
  /** `甲{{姓名}}乙` with the first `{` bold and `名}` italic: the placeholder spans four runs. */
  function splitPlaceholder() {
    const opened = documentWith(['甲{{姓名}}乙']);
    const paragraph = opened.body.getChild(0) as GoogleAppsScript.Document.Paragraph;
    paragraph.editAsText().setBold(1, 1, true).setItalic(4, 5, true);
    return { ...opened, paragraph };
  }

  test('inserted text takes the formatting of the character before it; $ and \\ are kept as they are', async () => {
    const { body, document, store } = splitPlaceholder();
    const found = body.findText('\\{\\{姓名\\}\\}')!;
    const text = found.getElement().asText();
    expect(text.insertText(found.getStartOffset() + 1, '王$1\\..\\')).toBe(text);
    expect(text.getText()).toBe('甲{王$1\\..\\{姓名}}乙');
    document.saveAndClose();
    const xml = await partText(store.readFile('doc-1'), 'word/document.xml');
    expect(runsHolding(xml, '{王$1\\..\\')).toHaveLength(1);
    expect(runsHolding(xml, '{王$1\\..\\')[0]).toContain('<w:b/>');
  });

  test('deleteText removes a range across runs, runs left empty go; the first character\'s formatting stays with the value', async () => {
    const { body, document, store } = splitPlaceholder();
    const found = body.findText('\\{\\{姓名\\}\\}')!;
    const text = found.getElement().asText();
    const [start, end] = [found.getStartOffset(), found.getEndOffsetInclusive()];
    const value = '张三\\..\\李四$1';
    text.insertText(start + 1, value);
    expect(text.deleteText(start + 1 + value.length, end + value.length)).toBe(text);
    text.deleteText(start, start);
    expect(text.getText()).toBe(`甲${value}乙`);
    expect(body.getText()).toBe(`甲${value}乙`);
    document.saveAndClose();
    const xml = await partText(store.readFile('doc-1'), 'word/document.xml');
    expect(paragraphTexts(xml)).toEqual([`甲${value}乙`]);
    expect(runsHolding(xml, value)[0]).toContain('<w:b/>');
    expect(xml).not.toContain('<w:i/>');
  });

  test('at the start of a paragraph the first character\'s formatting is taken; at the end, the last one\'s', async () => {
    const { paragraph, document, store } = splitPlaceholder();
    const text = paragraph.editAsText();
    text.setBold(0, 0, false).setUnderline(0, 0, true);
    text.insertText(0, '前');
    text.insertText(text.getText().length, '后');
    expect(text.getText()).toBe('前甲{{姓名}}乙后');
    document.saveAndClose();
    const xml = await partText(store.readFile('doc-1'), 'word/document.xml');
    expect(runsHolding(xml, '前甲')[0]).toContain('<w:u w:val="single"/>');
    expect(runsHolding(xml, '}乙后')).toHaveLength(1);
  });

  test("offsets out of range and wrong arguments fail with Apps Script's messages and change nothing", () => {
    const { paragraph } = splitPlaceholder();
    const text = paragraph.editAsText();
    expect(() => text.deleteText(3, 8)).toThrow(/^Index \(8\) must be less than the content length \(8\)\.$/);
    expect(() => text.deleteText(-1, 2)).toThrow(/^Index \(-1\) must be less than the content length \(8\)\.$/);
    expect(() => text.deleteText(4, 3)).toThrow(/^Index \(4\) must be less than the content length \(8\)\.$/);
    expect(() => text.insertText(9, 'x')).toThrow(/Index \(9\)/);
    expect(() => (text.insertText as (...args: unknown[]) => unknown)('1', 'x')).toThrow(/don't match the method signature for DocumentApp\.Text\.insertText/);
    expect(() => (text.deleteText as (...args: unknown[]) => unknown)(1)).toThrow(/don't match the method signature for DocumentApp\.Text\.deleteText/);
    expect(text.getText()).toBe('甲{{姓名}}乙');
  });
});

describe('the body: children, tables, paragraphs', () => {
  test('insertTable at the placeholder paragraph, then removing that paragraph', async () => {
    const { body, document, store } = documentWith(['姓名：张三', '{{履职记录}}', '签字：']);
    const found = body.findText('\\{\\{履职记录\\}\\}')!;
    const paragraph = found.getElement().getParent() as GoogleAppsScript.Document.Paragraph;
    const index = body.getChildIndex(paragraph);
    expect(index).toBe(1);
    const table = body.insertTable(index, [['学期', '履职'], ['2024-2025 第一学期', '班主任']]);
    paragraph.removeFromParent();
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe('TABLE');
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(1).getCell(0).getText()).toBe('2024-2025 第一学期');
    expect(body.getText()).toBe('姓名：张三\n学期\n履职\n2024-2025 第一学期\n班主任\n签字：');
    document.saveAndClose();
    const xml = await partText(store.readFile('doc-1'), 'word/document.xml');
    expect(xml).toContain('<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>');
    expect(xml).not.toContain('履职记录');
  });

  test("the last paragraph of the body cannot be removed (Google's message)", () => {
    const { body } = documentWith(['一', '二']);
    expect(() => (body.getChild(1) as GoogleAppsScript.Document.Paragraph).removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    (body.getChild(0) as GoogleAppsScript.Document.Paragraph).removeFromParent();
    expect(body.getText()).toBe('二');
  });

  test("child indexes out of range and foreign children fail with Apps Script's messages", () => {
    const { body } = documentWith(['一', '二']);
    expect(() => body.getChild(2)).toThrow('Child index (2) must be less than the number of child elements (2).');
    expect(() => body.insertParagraph(3, 'x')).toThrow('Child index (3) must be less than the number of child elements (2).');
    expect(body.insertParagraph(2, '三').getText()).toBe('三');
    const table = body.appendTable([['格']]);
    expect(() => body.getChildIndex(table.getCell(0, 0).getChild(0))).toThrow('Element does not contain the specified child element.');
  });

  test('setText keeps the paragraph style and the first run formatting; a cell takes new text', async () => {
    const { app, store } = documentAppOver();
    store.add('word', '模板', fixture('word-split-placeholders.docx'));
    const document = app.openById('word');
    const body = document.getBody();
    (body.getChild(1) as GoogleAppsScript.Document.Paragraph).setText('兹授予 李四');
    const table = body.getChild(6).asTable();
    table.getCell(1, 1).setText('三年');
    expect(table.getRow(1).getText()).toBe('任期\n三年');
    document.saveAndClose();
    const xml = await partText(store.readFile('word'), 'word/document.xml');
    expect(xml).toContain('<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">兹授予 李四</w:t></w:r></w:p>');
    expect(xml).toContain('<w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t xml:space="preserve">三年</w:t></w:r></w:p></w:tc>');
  });

  test('appendTable adds an empty paragraph after the table, as Google Docs does', () => {
    const { body } = documentWith(['标题']);
    body.appendTable([['a', 'b']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).getType()).toBe('PARAGRAPH');
    expect((body.getChild(2) as GoogleAppsScript.Document.Paragraph).getText()).toBe('');
  });

  test('setHeading, setAlignment and text formatting write Word styles and run properties', async () => {
    const { app, body, document, store } = documentWith(['标题', '正文']);
    const title = body.getChild(0) as GoogleAppsScript.Document.Paragraph;
    title.setHeading(app.ParagraphHeading.TITLE).setAlignment(app.HorizontalAlignment.CENTER);
    title.editAsText().setBold(true).setFontSize(26).setFontFamily('SimHei');
    (body.getChild(1) as GoogleAppsScript.Document.Paragraph).editAsText().setBold(0, 0, true);
    (body.getChild(1) as GoogleAppsScript.Document.Paragraph).setSpacingAfter(12).setLineSpacing(1.5).setIndentFirstLine(24);
    expect(title.getHeading()).toBe('TITLE');
    expect(title.getAlignment()).toBe('CENTER');
    document.saveAndClose();
    const xml = await partText(store.readFile('doc-1'), 'word/document.xml');
    expect(xml).toContain('<w:p><w:pPr><w:pStyle w:val="Title"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="SimHei" w:hAnsi="SimHei" w:eastAsia="SimHei" w:cs="SimHei"/><w:b/><w:bCs/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr><w:t xml:space="preserve">标题</w:t></w:r></w:p>');
    expect(xml).toContain('<w:p><w:pPr><w:spacing w:after="240" w:line="360" w:lineRule="auto"/><w:ind w:firstLine="480"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">正</w:t></w:r><w:r><w:t xml:space="preserve">文</w:t></w:r>');
  });
});

test('a heading uses the style Word names "heading 1", whatever its id (Chinese Word ids it "1")', async () => {
  const { app, store } = documentAppOver();
  store.add('word', '模板', fixture('word-split-placeholders.docx'));
  const document = app.openById('word');
  const paragraph = document.getBody().getChild(2) as GoogleAppsScript.Document.Paragraph;
  paragraph.setHeading(app.ParagraphHeading.HEADING1);
  expect(paragraph.getHeading()).toBe('HEADING1');
  expect((document.getBody().getChild(0) as GoogleAppsScript.Document.Paragraph).getHeading()).toBe('TITLE');
  document.saveAndClose();
  const xml = await partText(store.readFile('word'), 'word/document.xml');
  expect(xml).toContain('<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>证书编号：</w:t></w:r>');
});

describe('create, headers and footers, page setup, saveAndClose', () => {
  /** The calls the default certificate template makes: the same calls always give the same bytes. */
  function makeCertificate(store = new MemoryDriveStore()) {
    const { app } = documentAppOver(store);
    const document = app.create('荣誉证书');
    const body = document.getBody();
    body.setPageWidth(841.89).setPageHeight(595.28);
    body.setMarginTop(56.7).setMarginBottom(56.7).setMarginLeft(72).setMarginRight(72);
    (body.getChild(0) as GoogleAppsScript.Document.Paragraph).setText('荣誉证书');
    body.appendParagraph('{{姓名}} 同志：');
    body.appendTable([['证书编号', '{{证书编号}}'], ['任期', '{{任期}}']]);
    document.addHeader().appendParagraph('{{县区}}教育体育局');
    document.addFooter().appendParagraph('{{今天}}');
    document.saveAndClose();
    return store.readFile('doc-1');
  }

  test('a new document is A4 portrait with one empty paragraph, like a new Google Doc', async () => {
    const { app, store } = documentAppOver();
    const document = app.create('空白');
    expect(document.getId()).toBe('doc-1');
    expect(document.getName()).toBe('空白');
    expect(document.getUrl()).toBe('doc-1');
    const body = document.getBody();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    expect([body.getPageWidth(), body.getPageHeight()]).toEqual([595.3, 841.9]);
    expect(document.getHeader()).toBeNull();
    expect(document.getFooter()).toBeNull();
    document.saveAndClose();
    expect(paragraphTexts(await partText(store.readFile('doc-1'), 'word/document.xml'))).toEqual(['']);
  });

  test('landscape page, table, header and footer: LibreOffice opens it and shows the text', async () => {
    const bytes = makeCertificate();
    const xml = await partText(bytes, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(xml).toContain('<w:pgMar w:top="1134" w:right="1440" w:bottom="1134" w:left="1440"');
    expect(xml).toMatch(/<w:sectPr><w:headerReference w:type="default" r:id="rId\d"\/><w:footerReference w:type="default" r:id="rId\d"\/><w:pgSz/);
    const parts = await zipParts(bytes);
    expect(paragraphTexts(new TextDecoder().decode(parts.get('word/header1.xml')))).toEqual(['', '{{县区}}教育体育局']);
    expect(paragraphTexts(new TextDecoder().decode(parts.get('word/footer1.xml')))).toEqual(['', '{{今天}}']);
    expect(new TextDecoder().decode(parts.get('[Content_Types].xml'))).toContain('<Override PartName="/word/header1.xml"');
    const text = libreOfficeText(bytes);
    for (const line of ['荣誉证书', '{{姓名}} 同志：', '证书编号', '{{证书编号}}', '{{任期}}']) expect(text).toContain(line);
  });

  test('reopened, the header and footer are found and filled', () => {
    const store = new MemoryDriveStore();
    makeCertificate(store);
    const { app } = documentAppOver(store);
    const document = app.openById('doc-1');
    expect(document.getHeader()!.getText()).toBe('\n{{县区}}教育体育局');
    document.getHeader()!.replaceText('\\{\\{县区\\}\\}', '红塔区');
    document.getFooter()!.replaceText('\\{\\{今天\\}\\}', '2024年9月27日');
    expect(document.getHeader()!.getText()).toBe('\n红塔区教育体育局');
    expect(document.getFooter()!.getText()).toBe('\n2024年9月27日');
    expect(() => document.addHeader()).toThrow('Document tab already contains a header.');
  });

  test('the same calls give the same bytes (fixed zip dates, no random ids)', () => {
    const bytes = Buffer.from(makeCertificate());
    expect(bytes.equals(Buffer.from(makeCertificate()))).toBe(true);
    // Every entry is dated 1980-01-01 00:00 (DOS time 0, date 0x21), whatever the clock says.
    const headers = [...bytes.keys()].filter((offset) => offset + 4 <= bytes.length && (bytes.readUInt32LE(offset) === 0x04034b50 || bytes.readUInt32LE(offset) === 0x02014b50));
    expect(headers.length).toBeGreaterThanOrEqual(16);
    for (const offset of headers) {
      const at = bytes.readUInt32LE(offset) === 0x04034b50 ? offset + 10 : offset + 12;
      expect([bytes.readUInt16LE(at), bytes.readUInt16LE(at + 2)]).toEqual([0, 0x21]);
    }
  });

  test('a saved and closed document refuses further calls with Apps Script\'s message', () => {
    const { app } = documentAppOver();
    const document = app.create('已关闭');
    const body = document.getBody();
    document.saveAndClose();
    expect(() => body.appendParagraph('x')).toThrow('Document is closed, its contents cannot be updated.');
    expect(() => document.getBody()).toThrow('Document is closed, its contents cannot be updated.');
    expect(() => document.saveAndClose()).toThrow('Document is closed, its contents cannot be updated.');
  });
});

test('at the end of an execution every open document that changed is saved and closed, as Apps Script does', async () => {
  const { app, store } = documentAppOver();
  store.add('changed', '改', fixture('word-split-placeholders.docx'));
  store.add('untouched', '未改', fixture('word-split-placeholders.docx'));
  const untouchedBytes = store.readFile('untouched');
  const changed = app.openById('changed');
  changed.getBody().replaceText('荣誉证书', '奖状');
  const untouched = app.openById('untouched');
  untouched.getBody().getText();
  saveOpenDocuments(app);
  expect(paragraphTexts(await partText(store.readFile('changed'), 'word/document.xml'))[0]).toBe('奖状');
  expect(store.readFile('untouched')).toBe(untouchedBytes);
  expect(() => changed.getBody()).toThrow('Document is closed, its contents cannot be updated.');
});

describe('costs, counting and errors', () => {
  test('open, create and save cost a document call of the clock; the rest is light; every call is counted', () => {
    const { app, context } = documentAppOver();
    const start = context.clock.now();
    const document = app.create('计时');
    expect(context.clock.now() - start).toBe(1500);
    const body = document.getBody();
    body.replaceText('x', 'y');
    document.saveAndClose();
    expect(context.counter.of('DocumentApp.create')).toBe(1);
    expect(context.counter.of('Body.replaceText')).toBe(1);
    expect(context.counter.of('Document.saveAndClose')).toBe(1);
    expect(context.clock.now() - start).toBe(1500 + 1 + 1 + 1500);
  });

  test('a method the fake lacks says so', () => {
    const { app } = documentAppOver();
    const body = app.create('缺').getBody() as unknown as { appendImage(): void };
    expect(() => body.appendImage()).toThrow('not available in the local runtime: Body.appendImage');
  });

  test('a file that is not a .docx, or has no word/document.xml, gets a Chinese error naming it', async () => {
    const { app, store } = documentAppOver();
    store.add('模板/坏文件.docx', '坏文件', new TextEncoder().encode('这不是 zip'));
    expect(() => app.openById('模板/坏文件.docx')).toThrow(/^文件「模板\/坏文件\.docx」不是有效的 Word 文档（\.docx）：无法按 zip 读取/);
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    store.add('空包.docx', '空包', await zip.generateAsync({ type: 'uint8array' }));
    expect(() => app.openById('空包.docx')).toThrow('文件「空包.docx」不是有效的 Word 文档（.docx）：缺少正文部件 word/document.xml。请用 Word 或 WPS 另存为 .docx 后重试。');
    const broken = await JSZip.loadAsync(fixture('word-split-placeholders.docx'));
    broken.file('word/header1.xml', '<w:hdr><w:p>');
    store.add('页眉坏.docx', '页眉坏', await broken.generateAsync({ type: 'uint8array' }));
    expect(() => app.openById('页眉坏.docx')).toThrow(/^文件「页眉坏\.docx」不是有效的 Word 文档（\.docx）：内容已损坏/);
  });

  test('a missing document fails with Apps Script\'s message', () => {
    const { app } = documentAppOver();
    expect(() => app.openById('不存在')).toThrow("Document 不存在 is missing (perhaps it was deleted, or you don't have read access?)");
  });
});

test('inside a bundle loaded like Apps Script, errors are Errors and arrays are Arrays of its realm', async () => {
  const store = new MemoryDriveStore();
  store.add('word', '模板', fixture('word-split-placeholders.docx'));
  const counter = new CallCounter();
  const bundle = loadBundle((realm) => ({ DocumentApp: makeDocumentApp({ realm, counter, clock: new SimulatedClock(0) }, store) }), {
    code: `
      function fill(id) {
        var document = DocumentApp.openById(id);
        var body = document.getBody();
        body.replaceText('\\\\{\\\\{姓名\\\\}\\\\}', '张三');
        var caught = null;
        try { body.findText('('); } catch (e) { caught = e instanceof Error ? e.message : 'not an Error'; }
        var paragraphs = body.getParagraphs();
        var isArray = Array.isArray(paragraphs) && paragraphs instanceof Array;
        document.saveAndClose();
        return [caught, isArray, paragraphs.length, body === null];
      }`,
  });
  expect(bundle.call('fill', 'word')).toEqual(['Invalid regular expression pattern', true, 11, false]);
  expect(counter.of('Body.replaceText')).toBe(1);
  expect(paragraphTexts(await partText(store.readFile('word'), 'word/document.xml'))[1]).toBe('兹授予 张三 同志');
});

test('entities, comments, single-quoted attributes and processing instructions are read and kept', async () => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(fixture('word-split-placeholders.docx'));
  const xml = (await zip.file('word/document.xml')!.async('string'))
    .replace('<w:body>', "<w:body><!-- 模板说明：勿删 --><?banzhuren keep?><w:p w:rsidR='00A1B2C3'><w:r><w:t>&#x5F20;&lt;{{&#x59D3;名}}&amp;&gt;</w:t></w:r></w:p>");
  zip.file('word/document.xml', xml);
  const { app, store } = documentAppOver();
  store.add('entities', '实体', await zip.generateAsync({ type: 'uint8array' }));
  const document = app.openById('entities');
  expect(document.getBody().getChild(0).asParagraph().getText()).toBe('张<{{姓名}}&>');
  document.getBody().replaceText('\\{\\{姓名\\}\\}', 'A&B<C>');
  document.saveAndClose();
  const saved = await partText(store.readFile('entities'), 'word/document.xml');
  expect(saved).toContain("<w:body><!-- 模板说明：勿删 --><?banzhuren keep?><w:p w:rsidR='00A1B2C3'><w:r><w:t>张&lt;A&amp;B&lt;C&gt;&amp;&gt;</w:t></w:r></w:p>");
  expect(paragraphTexts(saved)[0]).toBe('张<A&B<C>&>');
});
