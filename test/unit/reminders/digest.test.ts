/**
 * The digest text: reading 邮件模板 (defaults, header found by text, problems naming row and
 * placeholder, personal placeholders refused), filling placeholders in one pass, the subject's one
 * line of at most 200 characters, and the guard that no 身份证号/联系电话 reaches an email.
 */
import fc from 'fast-check';
import {
  composeDigest,
  containsPersonalNumber,
  defaultMailTemplates,
  digestRecipientName,
  personalNumberPlaceholders,
  readMailTemplates,
  reminderHasPersonalNumber,
  type DigestContext,
  type MailTemplates,
} from '../../../src/domain/reminders/digest';
import { dueReminders, type DueReminder } from '../../../src/domain/reminders/due';
import {
  DEFAULT_MAIL_TEMPLATES,
  DIGEST_PLACEHOLDERS,
  FORMER_MAIL_TEMPLATES,
  MAIL_PLACEHOLDERS,
  MAIL_TEMPLATE_HEADERS,
  MAIL_TEMPLATE_ITEMS,
  MAX_VALUE_LENGTH,
  REMINDER_KINDS,
  REMINDER_KIND_ORDER,
  TEACHER_DIGEST_PLACEHOLDERS,
} from '../../../src/domain/reminders/kinds';
import { planDigests, type DigestPlan } from '../../../src/domain/reminders/plan';
import { CITY, HONGTA, input, permissionsOf, row, standardPermissions } from './fixtures';

const HEADER = [...MAIL_TEMPLATE_HEADERS];
const context: DigestContext = { today: '2025-10-09', spreadsheetName: '2025年骨干班主任评选', spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit', recipientName: '' };

function templatesWith(changes: Partial<MailTemplates>): MailTemplates {
  return { ...defaultMailTemplates(), ...changes };
}

function planOf(reminders: DueReminder[], recipient = CITY): DigestPlan {
  return { recipient, reminders, waitingSince: null };
}

const waiting: DueReminder = {
  kind: 'waiting',
  recipient: CITY,
  sheet: '推荐名单',
  row: 3,
  name: '李四',
  occasion: '初审通过@2025-09-26#1',
  dueOn: '2025-10-09',
  values: { 行: '3', 工作表: '推荐名单', 姓名: '李四', 学校: '玉溪一中', 县市区: '红塔区', 状态: '初审通过', 等待起算: '2025年9月26日', 等待工作日: '5' },
};

describe('readMailTemplates', () => {
  test('no sheet: the defaults, no problem', () => {
    expect(readMailTemplates([])).toEqual({ templates: defaultMailTemplates(), problems: [] });
  });

  test('the sheet as init writes it reads without a problem and gives the defaults', () => {
    expect(readMailTemplates([HEADER, ...DEFAULT_MAIL_TEMPLATES.map((line) => [...line])])).toEqual({ templates: defaultMailTemplates(), problems: [] });
  });

  test('each 说明 lists exactly the placeholders its item accepts (the 主题 ones included)', () => {
    const accepted = (itemText: string): string[] => {
      const used = MAIL_PLACEHOLDERS.map((name) => `{${name}}`).join('');
      const { problems } = readMailTemplates([HEADER, [itemText, used, '']]);
      return MAIL_PLACEHOLDERS.filter((name) => !problems.some((problem) => problem.includes(`占位符{${name}}在此项中没有值`)));
    };
    const listed = (note: string) => MAIL_PLACEHOLDERS.filter((name) => note.includes(`{${name}}`));
    for (const item of [MAIL_TEMPLATE_ITEMS.subject, MAIL_TEMPLATE_ITEMS.opening, MAIL_TEMPLATE_ITEMS.closing, MAIL_TEMPLATE_ITEMS.teacherClosing]) {
      const note = DEFAULT_MAIL_TEMPLATES.find(([text]) => text === item)?.[2] ?? '';
      expect([item, listed(note)]).toEqual([item, accepted(item)]);
    }
    expect(accepted(MAIL_TEMPLATE_ITEMS.subject)).toEqual([...DIGEST_PLACEHOLDERS]);
    expect(accepted(MAIL_TEMPLATE_ITEMS.teacherClosing)).toEqual([...TEACHER_DIGEST_PLACEHOLDERS]);
  });

  test('无法提醒 has its default line and takes its values', () => {
    const unreachable: DueReminder = { ...waiting, kind: 'unreachable', values: { ...waiting.values, 原因: '权限表中没有“江川区”的审核人' } };
    const { body } = composeDigest(planOf([unreachable]), defaultMailTemplates(), context);
    expect(body).toContain('· 无法提醒：推荐名单第3行 李四（玉溪一中）：权限表中没有“江川区”的审核人');
  });

  test('every part and every kind has a default text', () => {
    const templates = defaultMailTemplates();
    for (const text of [templates.subject, templates.opening, templates.closing, ...REMINDER_KIND_ORDER.map((kind) => templates.lines[kind])]) {
      expect(text.trim()).not.toBe('');
    }
    expect(templates.closing).toContain('{链接}');
  });

  test('the header row is found by its text, columns in any order; a typed text replaces its default with its newlines', () => {
    const { templates, problems } = readMailTemplates([
      ['提醒邮件的模板'],
      ['说明', '内容', '项目'],
      ['', '各位老师：\n\n请查收。\r\n谢谢', '开头'],
      ['', '  ', '主题'],
    ]);
    expect(problems).toEqual([]);
    expect(templates.opening).toBe('各位老师：\n\n请查收。\n谢谢');
    expect(templates.subject).toBe(defaultMailTemplates().subject);
  });

  test('no 项目/内容 header: the defaults and a problem', () => {
    const { templates, problems } = readMailTemplates([['名称', '文字'], ['主题', 'x']]);
    expect(templates).toEqual(defaultMailTemplates());
    expect(problems).toEqual([expect.stringContaining('“邮件模板”表缺少“项目”或“内容”列')]);
  });

  test('an unknown 项目 is a problem naming the row and the text', () => {
    const { templates, problems } = readMailTemplates([HEADER, ['主题', '提醒'], ['标题', '新标题']]);
    expect(templates.subject).toBe('提醒');
    expect(problems).toEqual([expect.stringMatching(/“邮件模板”第3行：项目“标题”无法识别/u)]);
  });

  test('content without a 项目, and a 项目 written twice, are problems; the first one counts', () => {
    const { templates, problems } = readMailTemplates([HEADER, ['主题', '第一'], ['', '孤立的内容'], ['主题', '第二']]);
    expect(templates.subject).toBe('第一');
    expect(problems).toEqual([expect.stringContaining('第3行：有内容但未填写项目'), expect.stringContaining('第4行（主题）：与第2行的项目重复')]);
  });

  test('an unknown placeholder is a problem naming the row and the placeholder, and stays literally', () => {
    const label = REMINDER_KINDS.waiting.label;
    const { templates, problems } = readMailTemplates([HEADER, [label, '{姓名} 等了 {等待天数} 天']]);
    expect(problems).toEqual([expect.stringMatching(/“邮件模板”第2行（待审核）：占位符\{等待天数\}无法识别/u)]);
    expect(composeDigest(planOf([waiting]), templates, context).body).toContain('李四 等了 {等待天数} 天');
  });

  test('a placeholder of a personal column is a problem saying it will never be filled, and is never filled', () => {
    const { templates, problems } = readMailTemplates([
      HEADER,
      [REMINDER_KINDS.waiting.label, '{姓名} {身份证号} {联系电话}'],
      ['开头', '{ 手机号 } {身份证号码}'],
    ]);
    expect(problems).toHaveLength(4);
    for (const name of ['身份证号', '联系电话', '手机号', '身份证号码']) {
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`占位符\\{${name}\\}是个人信息，邮件中永远不会填写`, 'u')));
    }
    const { body } = composeDigest(planOf([{ ...waiting, values: { ...waiting.values, ['身份证号' as '姓名']: '530402198001011234' } }]), templates, context);
    expect(body).toContain('{身份证号} {联系电话}');
    expect(body).not.toContain('530402198001011234');
  });

  test('a known placeholder where it has no value is a problem', () => {
    const { templates, problems } = readMailTemplates([HEADER, ['主题', '{姓名}的提醒'], [REMINDER_KINDS.termEnding.label, '{等待工作日}']]);
    expect(composeDigest(planOf([waiting]), templates, context).subject).toBe('{姓名}的提醒');
    expect(problems).toEqual([
      expect.stringContaining('第2行（主题）：占位符{姓名}在此项中没有值'),
      expect.stringContaining(`第3行（${REMINDER_KINDS.termEnding.label}）：占位符{等待工作日}在此项中没有值`),
    ]);
  });
});

describe('composeDigest', () => {
  const publicity: DueReminder = {
    kind: 'publicityEnded',
    recipient: CITY,
    sheet: '推荐名单',
    row: 7,
    name: '王五',
    occasion: '公示截止2025-09-30',
    dueOn: '2025-10-09',
    values: { 行: '7', 工作表: '推荐名单', 姓名: '王五', 学校: '玉溪二中', 县市区: '红塔区', 状态: '公示中', 公示截止: '2025年9月30日' },
  };

  test('the default digest: subject with date and count, opening, one line per reminder in kind order, closing with the link', () => {
    const { subject, body } = composeDigest(planOf([publicity, waiting]), defaultMailTemplates(), context);
    expect(subject).toBe('【班主任评选】2025年10月9日 待办提醒（2项）');
    const lines = body.split('\n');
    expect(lines[0]).toBe(`${CITY}：`);
    const waitingLine = lines.findIndex((line) => line.includes('李四'));
    const publicityLine = lines.findIndex((line) => line.includes('王五'));
    expect(waitingLine).toBeGreaterThan(0);
    expect(publicityLine).toBe(waitingLine + 1);
    expect(lines[waitingLine]).toBe('· 待审核：推荐名单第3行 李四（红塔区，玉溪一中），状态“初审通过”自2025年9月26日起已等待 5 个工作日');
    expect(body).toContain('“2025年骨干班主任评选”');
    expect(body).toContain(`请打开表格处理：${context.spreadsheetUrl}`);
    const closing = defaultMailTemplates().closing.replace('{链接}', context.spreadsheetUrl);
    expect(body.endsWith(closing)).toBe(true);
    expect(body).not.toMatch(/\{[^{}\n]*\}/u);
  });

  test('{收件人} is the recipient name, or the email without one', () => {
    expect(composeDigest(planOf([waiting]), defaultMailTemplates(), { ...context, recipientName: '李科长' }).body.startsWith('李科长：')).toBe(true);
    expect(composeDigest(planOf([waiting]), defaultMailTemplates(), context).body.startsWith(`${CITY}：`)).toBe(true);
  });

  test('a teacher is greeted by name; a reviewer by the roles 权限 gives; anyone else, or a digest about several people, by email', () => {
    const duty = (name: string): DueReminder => ({ ...waiting, kind: 'dutiesMissing', recipient: 't@school.cn', name, occasion: '2025-2026学年第一学期' });
    expect(digestRecipientName(planOf([duty(' 李四 ')], 't@school.cn'), standardPermissions)).toBe('李四老师');
    expect(digestRecipientName(planOf([duty('李四'), duty('王五')], 't@school.cn'), standardPermissions)).toBe('');
    expect(digestRecipientName(planOf([duty('李四'), waiting]), standardPermissions)).toBe('市级审核人');
    expect(digestRecipientName(planOf([waiting]), standardPermissions)).toBe('市级审核人');
    expect(digestRecipientName(planOf([waiting], ' HT@yuxi.cn '), standardPermissions)).toBe('红塔区审核人');
    const several = permissionsOf([['boss@yuxi.cn', '市级'], ['boss@yuxi.cn', '红塔区'], ['boss@yuxi.cn', '江川区'], ['boss@yuxi.cn', '学校']]);
    expect(digestRecipientName(planOf([waiting], 'boss@yuxi.cn'), several)).toBe('市级审核人、红塔区审核人、江川区审核人');
    expect(digestRecipientName(planOf([waiting], 'nobody@yuxi.cn'), standardPermissions)).toBe('');
    expect(digestRecipientName(planOf([waiting]))).toBe('');
    expect(HONGTA).toBe('ht@yuxi.cn');
    const plan = planOf([duty('李四')], 't@school.cn');
    expect(composeDigest(plan, defaultMailTemplates(), { ...context, recipientName: digestRecipientName(plan) }).body.startsWith('李四老师：')).toBe(true);
  });

  test('a digest to a teacher ends with 教师结尾 and carries no link to the workbook', () => {
    const duty: DueReminder = {
      kind: 'dutiesMissing',
      recipient: 't@school.cn',
      sheet: '推荐名单',
      row: 3,
      name: '李四',
      occasion: '李四｜玉溪一中｜2025-2026学年第一学期',
      dueOn: '2025-10-09',
      values: { ...waiting.values, 学期: '2025-2026学年第一学期', 缺少: '读书、讲座', 学期结束: '2026年1月31日' },
    };
    const opening = '{收件人}：{链接}|';
    const plan = planOf([duty], 't@school.cn');
    const { body } = composeDigest(plan, templatesWith({ opening }), { ...context, recipientName: digestRecipientName(plan) });
    expect(body).not.toContain(context.spreadsheetUrl);
    expect(body).not.toContain('docs.google.com');
    expect(body.startsWith('李四老师：|')).toBe(true);
    expect(body).toContain('· 2025-2026学年第一学期履职尚未完成，还缺少：读书、讲座（学期结束 2026年1月31日）');
    expect(body.endsWith(defaultMailTemplates().teacherClosing)).toBe(true);
    expect(defaultMailTemplates().teacherClosing).toBe('请按培养方案第五部分的要求完成本学期履职，并把记录交给学校登记。\n\n此邮件由班主任评选助手自动发送，每项提醒只发送一次。');
    // A reviewer's digest keeps the link and the reviewers' closing.
    const reviewer = composeDigest(planOf([waiting]), defaultMailTemplates(), context).body;
    expect(reviewer).toContain(context.spreadsheetUrl);
    expect(reviewer).not.toContain(defaultMailTemplates().teacherClosing);
  });

  test('教师结尾 is read from 邮件模板; {链接} there is a problem (it has no value)', () => {
    const { templates, problems } = readMailTemplates([HEADER, [MAIL_TEMPLATE_ITEMS.teacherClosing, '请完成履职：{链接}', '']]);
    expect(templates.teacherClosing).toBe('请完成履职：{链接}');
    expect(problems).toEqual([expect.stringContaining('“邮件模板”第2行（教师结尾）：占位符{链接}在此项中没有值')]);
    expect(readMailTemplates([HEADER, ['履职未完成', '{学期}{链接}', '']]).problems).toEqual([expect.stringContaining('占位符{链接}在此项中没有值')]);
  });

  test('each value is cut to 100 characters with …; the link is never cut', () => {
    const long = '长'.repeat(300);
    const url = `https://docs.google.com/spreadsheets/d/${'x'.repeat(150)}/edit`;
    const tricky = { ...waiting, values: { ...waiting.values, 学校: long, 姓名: '𠀀'.repeat(150) } };
    const { body } = composeDigest(planOf([tricky]), templatesWith({ lines: { ...defaultMailTemplates().lines, waiting: '[{学校}]<{姓名}>' } }), { ...context, spreadsheetUrl: url, spreadsheetName: long });
    expect(body).toContain(`[${'长'.repeat(MAX_VALUE_LENGTH - 1)}…]`);
    expect(body).toContain(`<${'𠀀'.repeat(MAX_VALUE_LENGTH - 1)}…>`);
    expect(body).toContain(`“${'长'.repeat(MAX_VALUE_LENGTH - 1)}…”`);
    expect(body).toContain(url);
    expect(MAX_VALUE_LENGTH).toBe(100);
    const exact = composeDigest(planOf([{ ...waiting, values: { ...waiting.values, 学校: '短'.repeat(100) } }]), defaultMailTemplates(), context).body;
    expect(exact).toContain(`，${'短'.repeat(100)}）`);
  });

  test('a digest of a hundred reminders with very long values stays far below MailApp\'s 200 KB body', () => {
    const many = Array.from({ length: 100 }, (_, index) => ({ ...waiting, row: index + 2, occasion: `o${index}`, values: { ...waiting.values, 姓名: '名'.repeat(5000), 学校: '校'.repeat(5000) } }));
    const { body } = composeDigest(planOf(many), defaultMailTemplates(), context);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThan(100 * 1024);
    expect(body.split('\n').every((line) => Array.from(line).length < 400)).toBe(true);
  });

  test('one pass: a value holding {…} is not expanded again; unknown placeholders stay', () => {
    const tricky = { ...waiting, values: { ...waiting.values, 姓名: '{日期}{链接}', 学校: '$& $1 {学校}' } };
    const { body } = composeDigest(planOf([tricky]), templatesWith({ lines: { ...defaultMailTemplates().lines, waiting: '{姓名}|{学校}|{未知}|{日期}' } }), context);
    expect(body.split('\n')).toContain('{日期}{链接}|$& $1 {学校}|{未知}|2025年10月9日');
  });

  test('a value with newlines stays on its line; the template\'s own newlines are kept', () => {
    const failure: DueReminder = { kind: 'jobFailed', recipient: CITY, sheet: '', row: '', name: '', occasion: 't', dueOn: '2025-10-09', values: { 时间: '2025-09-30 08:00', 原因: '第一行\n第二行' } };
    const { body } = composeDigest(planOf([failure]), templatesWith({ opening: '您好，\n\n以下事项：' }), context);
    expect(body).toContain('· 每日任务未能完成（2025-09-30 08:00）：第一行 第二行');
    expect(body.startsWith('您好，\n\n以下事项：')).toBe(true);
  });

  test('the subject is one line of at most 200 characters, cut with …', () => {
    const folded = composeDigest(planOf([waiting]), templatesWith({ subject: '第一行\n第二行\r\n  第三行' }), context).subject;
    expect(folded).toBe('第一行 第二行 第三行');
    const long = composeDigest(planOf([waiting]), templatesWith({ subject: '提'.repeat(150) + '{表格}'.repeat(10) }), context).subject;
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    const exact = composeDigest(planOf([waiting]), templatesWith({ subject: '醒'.repeat(200) }), context).subject;
    expect(exact).toBe('醒'.repeat(200));
    const surrogates = composeDigest(planOf([waiting]), templatesWith({ subject: '𠀀'.repeat(250) }), context).subject;
    expect(Array.from(surrogates)).toHaveLength(200);
    expect(surrogates).toBe('𠀀'.repeat(199) + '…');
  });

  test('property: any subject template gives one line of at most 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 80 }), (subject, name) => {
        const result = composeDigest(planOf([waiting]), templatesWith({ subject }), { ...context, spreadsheetName: name }).subject;
        expect(result).not.toMatch(/[\r\n]/u);
        expect(Array.from(result).length).toBeLessThanOrEqual(200);
      }),
    );
  });

  test('from the due list to the text: names, schools, counties, states and dates only', () => {
    const rows = [row({ row: 4, state: '初审通过', enteredOn: '2025-09-26', name: '赵六', school: '峨山一中', county: '峨山彝族自治县' })];
    const { due } = dueReminders(input('2025-10-10', rows));
    const [digest] = planDigests(due, [], '2025-10-10').digests;
    const { body } = composeDigest(digest!, defaultMailTemplates(), { ...context, today: '2025-10-10' });
    expect(body).toContain('推荐名单第4行 赵六（峨山彝族自治县，峨山一中），状态“初审通过”自2025年9月26日起已等待 5 个工作日');
  });

  test('a row dated only by the first sighting says so: the wait counts from that day, not from its real entry', () => {
    const rows = [row({ enteredOn: '2025-09-26', firstSeen: true })];
    const { due } = dueReminders(input('2025-10-10', rows));
    const { body } = composeDigest(planDigests(due, [], '2025-10-10').digests[0]!, defaultMailTemplates(), { ...context, today: '2025-10-10' });
    expect(body).toContain('状态“学校推荐”自2025年9月26日（插件首次登记该行之日）起已等待 5 个工作日');
  });

  test('a 待审核 内容 still equal to the former default is read as the new default (an older workbook says 自…起 too)', () => {
    const former = FORMER_MAIL_TEMPLATES[REMINDER_KINDS.waiting.label]!;
    expect(readMailTemplates([HEADER, [REMINDER_KINDS.waiting.label, former]]).templates).toEqual(defaultMailTemplates());
    expect(readMailTemplates([HEADER, [REMINDER_KINDS.waiting.label, `${former}！`]]).templates.lines.waiting).toBe(`${former}！`);
  });
});

describe('containsPersonalNumber', () => {
  const id = '53040219800101123X';
  const phone = '13800001234';

  test('finds a number however it is spaced, dashed or cased, in half- or full-width', () => {
    for (const text of [
      `身份证 ${id}`,
      '身份证 530402 19800101 123x',
      '５３０４０２１９８００１０１１２３Ｘ',
      '电话：138-0000-1234',
      '电话：138 0000 1234。',
      '电话：（138）0000—1234',
    ]) {
      expect([text, containsPersonalNumber(text, [id, phone])]).toEqual([text, true]);
    }
  });

  test('a number typed with spaces, dashes, full-width digits or +86 is found written plainly', () => {
    expect(containsPersonalNumber(`x${phone}x`, ['138-0000-1234'])).toBe(true);
    expect(containsPersonalNumber(`x${phone}x`, ['１３８ ００００ １２３４'])).toBe(true);
    expect(containsPersonalNumber(`x${phone}x`, ['+86 138 0000 1234'])).toBe(true);
    expect(containsPersonalNumber(id.toLowerCase(), [id])).toBe(true);
  });

  test('a text without them, and blank or short cells, never match', () => {
    expect(containsPersonalNumber('推荐名单第3行 李四，已等待 5 个工作日', [id, phone])).toBe(false);
    expect(containsPersonalNumber('第3行 2025年10月9日', ['', '  ', '-', '3', '123456'])).toBe(false);
    expect(containsPersonalNumber('13800001235', [phone])).toBe(false);
  });

  test('every separator is folded: dots, slashes, underscores, zero-width and other spaces, symbols', () => {
    for (const text of [
      '电话 138.0000.1234',
      '电话 138/0000/1234',
      '电话 138_0000_1234',
      '电话 138\u200b0000\u200c1234',
      '电话 138\u00a00000\u30001234',
      '电话 138\u20600000\ufeff1234',
      '电话 138·0000·1234',
      '电话 138~0000+1234',
      '电话 138【0000】1234',
      '身份证 530402.19800101.123x',
      '身份证 530402\u200d19800101\u2009123Ｘ',
    ]) {
      expect([text, containsPersonalNumber(text, [id, phone])]).toEqual([text, true]);
    }
    // The list's own numbers are folded the same way.
    expect(containsPersonalNumber(`x${phone}x`, ['138.0000.1234'])).toBe(true);
    expect(containsPersonalNumber(`x${phone}x`, ['138\u200b0000\u200b1234'])).toBe(true);
  });
});

describe('a reminder carrying a personal number', () => {
  const id = '53040219800101123X';
  const phone = '13800001234';

  test('found in any value or in its name, named by placeholder, never the number', () => {
    expect(reminderHasPersonalNumber(waiting, [id, phone])).toBe(false);
    expect(personalNumberPlaceholders(waiting, [id, phone])).toEqual([]);
    const inSchool = { ...waiting, values: { ...waiting.values, 学校: '玉溪一中 138·0000·1234' } };
    expect(reminderHasPersonalNumber(inSchool, [id, phone])).toBe(true);
    expect(personalNumberPlaceholders(inSchool, [id, phone])).toEqual(['学校']);
    const inName = { ...waiting, name: `李四${id}`, values: { ...waiting.values, 姓名: `李四${id}`, 县市区: '530402 19800101 123X' } };
    expect(reminderHasPersonalNumber(inName, [id])).toBe(true);
    expect(personalNumberPlaceholders(inName, [id])).toEqual(['姓名', '县市区']);
    const onlyName = { ...waiting, name: `李四 ${phone}` };
    expect(personalNumberPlaceholders(onlyName, [phone])).toEqual(['姓名']);
  });

});

describe('hideLongNumbers (a failure reason quoting a cell)', () => {
  test('hides runs of 11 or more digits, with separators, full-width digits or a final X; keeps dates and short numbers', async () => {
    const { hideLongNumbers } = await import('../../../src/domain/reminders/digest');
    expect(hideLongNumbers('节假日第2行：日期“13908771302”无法识别')).toBe('节假日第2行：日期“＊＊＊”无法识别');
    expect(hideLongNumbers('学校“139-0877.1302”')).toBe('学校“＊＊＊”');
    expect(hideLongNumbers('“５３０４０２１９９００１０１１２３Ｘ”')).toBe('“＊＊＊”');
    expect(hideLongNumbers('53040219900101123X 出错')).toBe('＊＊＊ 出错');
    expect(hideLongNumbers('2025-09-15 08:00 节假日第12行：日期“2025-13-45”无法识别；2027年')).toBe('2025-09-15 08:00 节假日第12行：日期“2025-13-45”无法识别；2027年');
    expect(hideLongNumbers('电话 0877123')).toBe('电话 0877123');
  });
});
