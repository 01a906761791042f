/**
 * `banzhuren <command> --help` and `banzhuren help <command>` (issue 7, item 18): each command's
 * own help, in Chinese — usage, what it does, every option it takes, its exit codes — and for
 * advance the states, roles and moves, generated from the bundle's own workflow tables.
 */
import { loadBundle } from '../../local/runtime/bundle';
import { wallClockAt } from '../../local/runtime/time-zones';
import { runCli } from '../support/cli';

/** Every command, with the options its help must list. */
const COMMANDS: [string, string[]][] = [
  ['init', ['--out']],
  ['check', ['--sheet', '--json', '--out', '--today', '--as']],
  ['advance', ['--rows', '--to', '--reason', '--start', '--sheet', '--out', '--today', '--as']],
  ['publicity-list', ['--sheet', '--out', '--as']],
  ['daily', ['--out', '--today']],
  ['log', ['--json']],
  ['stats', ['--json', '--sheet', '--out', '--today']],
  ['duties', ['--json', '--sheet', '--out', '--today']],
  ['term-results', ['--rows', '--result', '--date', '--reason', '--sheet', '--json', '--out', '--today', '--as']],
  ['publicity-end', ['--days', '--book', '--today']],
  ['workday', ['--book']],
  ['networkdays', ['--book']],
  ['is-workday', ['--book', '--today']],
  ['term-end', []],
  ['studios', ['--json', '--out']],
  ['certificates', ['--out', '--template', '--rows', '--regenerate', '--pdf', '--check', '--time-limit', '--doc-quota', '--sheet', '--json', '--today', '--as']],
  ['forms', ['--out', '--template', '--rows', '--regenerate', '--pdf', '--check', '--time-limit', '--doc-quota', '--sheet', '--json', '--today', '--as']],
  ['templates', ['--out', '--force']],
  ['reminders', ['--mail-quota', '--json', '--today', '--as']],
  ['tick', ['--days', '--outbox', '--mail-quota', '--dry-run', '--time-limit', '--json', '--today']],
];

test.each(COMMANDS)('banzhuren %s --help is that command\'s help, in Chinese', (name, options) => {
  const help = runCli([name, '--help']);
  expect(help.code).toBe(0);
  expect(help.stderr).toBe('');
  expect(help.stdout).toMatch(new RegExp(`^banzhuren ${name}：[\\u4e00-\\u9fff]`, 'u'));
  expect(help.stdout).toContain(`用法：banzhuren ${name}`);
  expect(help.stdout).not.toContain('命令：'); // not the general help
  for (const option of options) expect(help.stdout).toMatch(new RegExp(`^  (?:-\\w, )?${option}\\b.*[\\u4e00-\\u9fff]`, 'mu'));
  expect(help.stdout).toContain('退出码：0 成功；1 运行出错；2 参数有误');
  expect(help.stdout.includes('3 部分行被拒绝')).toBe(name === 'advance' || name === 'daily' || name === 'term-results');
  expect(help.stdout).not.toMatch(/\b(?:Usage|Options|usage|error)\b/u);
  expect(runCli(['help', name])).toEqual(help);
  expect(runCli(['-h', name]).stdout).toBe(help.stdout);
});

test('advance --help lists every state, role and move from the workflow tables, and --sheet', () => {
  const help = runCli(['advance', '--help']).stdout;
  const table = loadBundle().call('workflowTable_') as { states: string[]; roles: string[]; moves: { from: string; to: string; who: string; needs: string; cityDirectOnly: boolean }[] };
  expect(table.states).toContain('公示有异议');
  expect(help).toContain(`状态（--to 可取）：${table.states.join('、')}`);
  expect(help).toContain(`角色（“权限”表的“角色”列）：${table.roles.join('、')}`);
  for (const move of table.moves) {
    expect(help).toContain(`  ${move.from}${move.cityDirectOnly ? '（仅市直学校）' : ''} → ${move.to}：${move.who}${move.needs ? `；${move.needs}` : ''}\n`);
  }
  expect(help.match(/^ {2}\S.* → /gmu)).toHaveLength(table.moves.length);
  expect(help).toMatch(/^ {2}--sheet 工作表 +推荐名单所在的工作表/mu);
});

test.each(['certificates', 'forms'])('%s --help says --out is the document folder, names the placeholders, the default template and what exit code 3 means', (name) => {
  const help = runCli([name, '--help']).stdout;
  expect(help).toMatch(/^ {2}--out 文件夹 +存放生成文档的文件夹/mu);
  for (const placeholder of ['{{称号}}', '{{任期}}', '{{认定日期}}', '{{证书编号}}', '{{今天}}']) expect(help).toContain(placeholder);
  expect(help.includes('{{履职记录}}')).toBe(name === 'forms');
  expect(help).toContain(name === 'forms' ? 'templates/任期考核表.docx' : 'templates/荣誉证书.docx');
  expect(help).toContain('3 预检发现问题');
  expect(help).toMatch(/示例：\n {2}banzhuren \S+ 名单\.xlsx --out/u);
});

test('the general help points to each command\'s help', () => {
  const help = runCli(['--help']).stdout;
  expect(help).toContain('banzhuren <命令> --help');
  for (const [name] of COMMANDS) expect(help).toContain(`  ${name}`);
});

test('a date shown as optional is optional: without it, today in the spreadsheet time zone', () => {
  const { year, month, day } = wallClockAt(Date.now(), 'Asia/Shanghai');
  const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  expect(runCli(['is-workday', '--help']).stdout).toContain('用法：banzhuren is-workday [日期]');
  expect(runCli(['publicity-end', '--help']).stdout).toContain('用法：banzhuren publicity-end [开始日期]');
  for (const name of ['is-workday', 'publicity-end']) {
    const without = runCli([name]);
    const withToday = runCli([name, today]);
    expect(without).toEqual(withToday);
  }
});

test('reminders and tick --help: what exit code 3 means, the SMTP variable, the outbox and the once-only rule', () => {
  const reminders = runCli(['reminders', '--help']).stdout;
  expect(reminders).toContain('用法：banzhuren reminders on|off|preview <文件.xlsx>');
  expect(reminders).toContain('3 --as 的账号无权开启');
  expect(reminders).toContain('从不含身份证号、联系电话');
  const tick = runCli(['tick', '--help']).stdout;
  expect(tick).toContain('3 每日提醒尚未开启');
  expect(tick).toContain('BANZHUREN_SMTP=smtp://用户名:密码@服务器:端口');
  expect(tick).toContain('.banzhuren-undelivered.json');
  expect(tick).toContain('先记入“提醒记录”表并保存，再发送');
  expect(tick).toMatch(/^ {2}--days 天数 +从 --today 起模拟的天数（1 到 366，默认 1）$/mu);
});

test('the general help and init --help name the reminder sheets 邮件模板 and 提醒记录', () => {
  for (const args of [['--help'], ['init', '--help']]) {
    const help = runCli(args).stdout;
    expect(help).toContain('邮件模板');
    expect(help).toContain('提醒记录');
  }
  expect(runCli(['init', '--help']).stdout).toMatch(/^banzhuren init：初始化表格：创建或补全 .*邮件模板、提醒记录/mu);
});

test('tick --help says what exit 2 and 3 mean for the daily job and the mail, and the --json job field', () => {
  const help = runCli(['tick', '--help']).stdout;
  expect(help).toContain('运行前先检查：邮件服务器地址无效');
  expect(help).toMatch(/退出码：.*3 每日提醒尚未开启.*每日任务失败、当天没有完成/u);
  expect(help).toContain('"job"');
});
