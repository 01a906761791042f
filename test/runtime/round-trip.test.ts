/**
 * What the bundle changes survives save and reopen: notes, list validation, frozen rows,
 * formulas, conditional formatting, sheets, protections, properties and the time zone — the last
 * kept in the veryHidden _banzhuren sheet, which the bundle never sees.
 */
import { join } from 'node:path';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';

const CODE = `
function ss() { return SpreadsheetApp.getActiveSpreadsheet(); }
function decorate() {
  var sheet = ss().getSheetByName('名单');
  sheet.getRange('A1:B1').setNotes([['姓名说明', '']]);
  sheet.getRange('B2').setNote('第二行');
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(['是', '否'], true).setAllowInvalid(false).setHelpText('填是或否').build();
  sheet.getRange('C2:C5').setDataValidation(rule);
  sheet.setFrozenRows(1);
  sheet.getRange('D2').setFormula('=LEN(A2)');
  var rules = sheet.getConditionalFormatRules();
  rules.push(SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo('否').setBackground('#F4CCCC').setFontColor('#990000').setRanges([sheet.getRange('C2:C5')]).build());
  rules.push(SpreadsheetApp.newConditionalFormatRule().whenTextContains('待核实').setBackground('#fff2cc').setRanges([sheet.getRange('E2:E5'), sheet.getRange('G2:G5')]).build());
  sheet.setConditionalFormatRules(rules);
  sheet.protect().setDescription('程序写入的列').setWarningOnly(true);
  PropertiesService.getDocumentProperties().setProperty('cursor', 17);
  PropertiesService.getScriptProperties().setProperties({ a: '1', b: 'two' });
  PropertiesService.getUserProperties().setProperty('theme', 'dark');
  ss().setSpreadsheetTimeZone('America/Los_Angeles');
  ss().insertSheet('操作记录');
}
function inspect() {
  var sheet = ss().getSheetByName('名单');
  var validation = sheet.getRange('C3').getDataValidation();
  var rules = sheet.getConditionalFormatRules().map(function (rule) {
    var condition = rule.getBooleanCondition();
    return {
      ranges: rule.getRanges().map(function (range) { return range.getA1Notation(); }),
      type: condition.getCriteriaType(),
      values: condition.getCriteriaValues(),
      background: condition.getBackground(),
      fontColor: condition.getFontColor(),
    };
  });
  var protections = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).map(function (p) {
    return { description: p.getDescription(), warningOnly: p.isWarningOnly() };
  });
  return {
    sheets: ss().getSheets().map(function (s) { return s.getName(); }),
    stateSheet: ss().getSheetByName('_banzhuren'),
    notes: sheet.getRange('A1:B2').getNotes(),
    validation: validation && {
      type: validation.getCriteriaType(),
      values: validation.getCriteriaValues()[0],
      allowInvalid: validation.getAllowInvalid(),
      helpText: validation.getHelpText(),
    },
    noValidation: sheet.getRange('C6').getDataValidation(),
    frozen: sheet.getFrozenRows(),
    formulas: sheet.getRange('D2').getFormulas(),
    rules: rules,
    protections: protections,
    cursor: PropertiesService.getDocumentProperties().getProperty('cursor'),
    script: PropertiesService.getScriptProperties().getProperties(),
    user: PropertiesService.getUserProperties().getProperty('theme'),
    missing: PropertiesService.getDocumentProperties().getProperty('nothing'),
    timeZone: ss().getSpreadsheetTimeZone(),
  };
}
function duplicate() {
  try { ss().insertSheet('名单'); return 'no error'; } catch (e) { return e.message; }
}
`;

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function nominationWorkbook(name: string): Promise<string> {
  return writeXlsx(join(dir, name), (workbook) => {
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '学校', '县级认定', '长度', '说明']);
    sheet.addRow(['张三', '一中', '是']);
  });
}

test('notes, validation, frozen rows, formulas, rules, protections, properties and time zone survive save and reopen', async () => {
  const path = await nominationWorkbook('round-trip.xlsx');
  const first = await openWith(path, CODE, { as: 'a@example.org' });
  try {
    first.bundle.call('decorate');
    await first.save();
  } finally {
    first.close();
  }

  const second = await openWith(path, CODE, { as: 'a@example.org' });
  try {
    expect(second.bundle.call('inspect')).toEqual({
      sheets: ['名单', '操作记录'],
      stateSheet: null,
      notes: [['姓名说明', ''], ['', '第二行']],
      validation: { type: 'VALUE_IN_LIST', values: ['是', '否'], allowInvalid: false, helpText: '填是或否' },
      noValidation: null,
      frozen: 1,
      formulas: [['=LEN(A2)']],
      rules: [
        { ranges: ['C2:C5'], type: 'TEXT_EQUAL_TO', values: ['否'], background: '#f4cccc', fontColor: '#990000' },
        { ranges: ['E2:E5', 'G2:G5'], type: 'TEXT_CONTAINS', values: ['待核实'], background: '#fff2cc', fontColor: null },
      ],
      protections: [{ description: '程序写入的列', warningOnly: true }],
      cursor: '17',
      script: { a: '1', b: 'two' },
      user: 'dark',
      missing: null,
      timeZone: 'America/Los_Angeles',
    });
  } finally {
    second.close();
  }

  const other = await openWith(path, CODE, { as: 'b@example.org' });
  try {
    expect((other.bundle.call('inspect') as { user: unknown }).user).toBeNull();
  } finally {
    other.close();
  }

  const saved = await readXlsx(path);
  const state = saved.getWorksheet('_banzhuren');
  expect(state?.state).toBe('veryHidden');
  expect(saved.worksheets.map((sheet) => sheet.name)).toEqual(['名单', '操作记录', '_banzhuren']);
  expect(saved.getWorksheet('名单')?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test("a duplicate sheet name fails with Apps Script's message", async () => {
  const runtime = await openWith(await nominationWorkbook('duplicate.xlsx'), CODE);
  try {
    expect(runtime.bundle.call('duplicate')).toBe('A sheet with the name "名单" already exists. Please enter another name.');
  } finally {
    runtime.close();
  }
});

test('a new workbook has one sheet named 工作表1; a missing file without create fails in Chinese', async () => {
  const path = join(dir, 'new.xlsx');
  await expect(openWith(path, CODE)).rejects.toThrow(`找不到文件：${path}`);
  const runtime = await openWith(path, 'function names() { return SpreadsheetApp.getActive().getSheets().map(function (s) { return s.getName(); }); }', {
    create: true,
  });
  try {
    expect(runtime.bundle.call('names')).toEqual(['工作表1']);
    await runtime.save();
  } finally {
    runtime.close();
  }
  expect((await readXlsx(path)).worksheets.map((sheet) => sheet.name)).toEqual(['工作表1', '_banzhuren']);
});

test('a whole-column validation from a file stays one rectangle; clearing one cell cuts it out', async () => {
  const path = await writeXlsx(join(dir, 'whole-column.xlsx'), (workbook) => {
    const sheet = workbook.addWorksheet('名单');
    const model = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    model['B2:B1048576'] = { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true };
  });
  const runtime = await openWith(
    path,
    `function values(a1) { var v = SpreadsheetApp.getActive().getRange(a1).getDataValidation(); return v && v.getCriteriaValues()[0]; }
     function clear(a1) { SpreadsheetApp.getActive().getRange(a1).clearDataValidations(); }`,
  );
  try {
    expect(runtime.bundle.call('values', '名单!B500')).toEqual(['是', '否']);
    runtime.bundle.call('clear', '名单!B3');
    expect(runtime.bundle.call('values', '名单!B3')).toBeNull();
    expect(runtime.bundle.call('values', '名单!B4')).toEqual(['是', '否']);
    await runtime.save();
  } finally {
    runtime.close();
  }
  const sheet = (await readXlsx(path)).getWorksheet('名单');
  const model = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  expect(Object.keys(model).sort()).toEqual(['B2', 'B4:B1048576']);
});

test('a note read from a file and then cleared stays cleared after save', async () => {
  const path = await writeXlsx(join(dir, 'notes.xlsx'), (workbook) => {
    const sheet = workbook.addWorksheet('名单');
    sheet.getCell('F2').value = '4年';
    sheet.getCell('F2').note = '【资格审查】旧的批注';
    sheet.getCell('G2').note = '保留';
  });
  const runtime = await openWith(path, `function clear() { SpreadsheetApp.getActive().getRange('名单!F2:G2').setNotes([['', '保留']]); }`);
  try {
    runtime.bundle.call('clear');
    await runtime.save();
  } finally {
    runtime.close();
  }
  const sheet = (await readXlsx(path)).getWorksheet('名单');
  expect(sheet?.getCell('F2').note).toBeUndefined();
  expect(sheet?.getCell('G2').note).toBe('保留');
});
