/**
 * What the local page adds after a bundle call, as the CLI's command for the same action does:
 * 生成公示名单 from the page leaves the 公示名单 sheet with the print layout `banzhuren
 * publicity-list` gives it (A4 landscape, one page wide, the header row repeated), read back from
 * the saved .xlsx. A document batch left unfinished (here by the daily quota) is not continued by
 * the page — no hourly trigger runs offline, and the page never runs the daily job — and the host
 * page's banner says how to continue it.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { generatedTeachers } from './certificates-rows';
import { CERTIFICATE_TEXT, wordTemplate } from './certificates-word-template';
import { startSidebar } from './sidebar-server';

const CITY = 'city@yuxi.edu.cn';
const PERIOD_SHEET = '公示名单 2024-09-27至2024-10-09';

test('生成公示名单 from the page: the sheet is A4 landscape, one page wide, header row 3 repeated', async () => {
  const book = join(temporaryFolder(), '公示.xlsx');
  await scenarioWorkbook(book, [candidate({ 姓名: '王强', '县（市、区）': '市直学校', 学校: '玉溪第一中学' })], [[CITY, '市级']]);
  const server = await startSidebar(book, ['--as', CITY, '--today', '2024-09-26']);
  try {
    const move = (to: string, start?: string) => server.run('sidebarMove', [{ sheetName: '推荐名单', rows: [2], to, reason: '', ...(start ? { start } : {}) }]);
    expect(await move('评审通过')).toEqual(expect.objectContaining({ ok: true, value: expect.objectContaining({ refused: [] }) }));
    expect(await move('公示中', '2024-09-27')).toEqual(expect.objectContaining({ ok: true, value: expect.objectContaining({ refused: [] }) }));
    const made = await server.run('sidebarMakePublicityList');
    expect(made).toEqual({ ok: true, value: expect.objectContaining({ lists: [expect.objectContaining({ sheet: PERIOD_SHEET, people: 1 })] }) });
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.readFile(book);
  const sheet = saved.getWorksheet(PERIOD_SHEET);
  expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '3:3' });
});

test('a document batch the daily quota leaves unfinished: the banner says the page will not continue it and how to', async () => {
  const folder = temporaryFolder();
  const book = join(folder, '证书.xlsx');
  const template = join(folder, '模板.docx');
  writeFileSync(template, await wordTemplate(CERTIFICATE_TEXT));
  mkdirSync(join(folder, '证书'));
  await scenarioWorkbook(book, generatedTeachers(2, 11).map((teacher) => teacher.values), [[CITY, '市级']]);
  const server = await startSidebar(book, ['--as', CITY, '--today', '2025-09-10']);
  try {
    for (const [key, value] of [['证书模板', template], ['文档文件夹', join(folder, '证书')], ['每日文档上限', '1']] as const) {
      expect(await server.run('sidebarSaveSetting', [key, value])).toEqual(expect.objectContaining({ ok: true }));
    }
    const started = await server.run('sidebarDocuments', ['certificate', false]);
    expect(started).toEqual({ ok: true, value: expect.objectContaining({ job: expect.objectContaining({ kind: 'certificate', pending: 1 }) }) });
    const answer = await server.send('GET', '/api/table', { 'X-Banzhuren-Token': server.token });
    expect((JSON.parse(answer.body) as { notices: string[] }).notices).toEqual([expect.stringContaining('荣誉证书还有 1 行未生成：在 Google 上由每小时的定时任务继续，本机页面不会自动继续；请运行 banzhuren tick 证书.xlsx')]);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
});
