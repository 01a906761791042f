/**
 * `banzhuren reminders on|off|preview` (issue 10, item 1 and 6) on a small workbook: only a city or
 * county reviewer of 权限 may turn reminders on or off (a school role, an unknown address: exit 3,
 * the workbook's bytes unchanged); on installs the one hourly trigger once; off removes it, and then
 * `tick` says in Chinese how to turn reminders on (exit 3); preview lists the digests and who cannot
 * be reminded (a county nobody reviews), reads only, and --json gives the add-on's preview object.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, statsOf } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const HONGTA = 'ht@yuxi.edu.cn';
const folder = temporaryFolder();
const book = join(folder, '名单.xlsx');
const IDENTITY = '530402198503122013';
const PHONE = '13908779999';

beforeAll(async () => {
  await scenarioWorkbook(
    book,
    [
      candidate({ 姓名: '陈静', 身份证号: IDENTITY, 联系电话: PHONE }),
      candidate({ 姓名: '赵敏', '县（市、区）': '澄江市', 学校: '澄江市第一中学', 身份证号: '530481198309094034', 联系电话: '13908771403' }),
    ],
    [[CITY, '市级'], [HONGTA, '红塔区'], ['school@yuxi.edu.cn', '学校', '玉溪第一中学']],
  );
  const moved = runCli(['advance', book, '--rows', '2', '--to', '初审通过', '--as', HONGTA, '--today', '2025-09-01']);
  if (moved.code !== 0) throw new Error(moved.stderr);
}, 60_000);

test.each([
  ['school@yuxi.edu.cn', '角色是学校'],
  ['nobody@example.com', '不在“权限”表中'],
])('reminders on as %s is refused: exit 3, one Chinese line, the workbook unchanged', (email, why) => {
  const before = readFileSync(book);
  for (const action of ['on', 'off']) {
    const result = runCli(['reminders', action, book, '--as', email, '--today', '2025-09-15']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^banzhuren：.*${why}.*只有市级或县级|^banzhuren：.*${why}.*不能${action === 'on' ? '开启' : '关闭'}每日提醒`, 'u'))]);
  }
  expect(readFileSync(book).equals(before)).toBe(true);
});

test('tick before reminders are on: exit 3, saying how to turn them on; nothing written', () => {
  const before = readFileSync(book);
  const result = runCli(['tick', book, '--today', '2025-09-15', '--days', '3']);
  expect(result.code).toBe(3);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('每日提醒尚未开启');
  expect(result.stderr).toContain(`banzhuren reminders on ${book} --as`);
  expect(readFileSync(book).equals(before)).toBe(true);
});

test('preview reads only: the city’s digest with the waiting row, a holiday said, --json the preview object with the quota given', () => {
  const before = readFileSync(book);
  const text = runCli(['reminders', 'preview', book, '--today', '2025-09-15']);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('2025-09-15（星期一，工作日）：每日提醒尚未开启');
  expect(text.stdout).toContain(`收件人：${CITY}（1 项）`);
  expect(text.stdout).toMatch(/^ {2}· 待审核：推荐名单第2行 陈静（红塔区，玉溪第一中学），状态“初审通过”自\d{4}年\d{1,2}月\d{1,2}日起已等待 10 个工作日$/mu);
  expect(text.stdout + text.stderr).not.toContain(IDENTITY);
  expect(text.stdout + text.stderr).not.toContain(PHONE);
  expect(text.stdout).toMatch(/^将发出 1 封提醒邮件；/mu);
  // With no quota left the digest is still shown, but none would go out today (the sidebar's count says the same).
  const noQuota = runCli(['reminders', 'preview', book, '--today', '2025-09-15', '--mail-quota', '0']);
  expect(noQuota.stdout).toContain(`收件人：${CITY}（1 项）`);
  expect(noQuota.stdout).toMatch(/^将发出 0 封提醒邮件；今天的邮件配额只剩 0/mu);
  const json = runCli(['reminders', 'preview', book, '--today', '2025-09-15', '--json', '--mail-quota', '0']);
  expect(json.code).toBe(0);
  const preview = JSON.parse(json.stdout) as { date: string; workingDay: boolean; on: boolean; quota: number; digests: { recipient: string; reminders: { kind: string; row: number }[] }[]; unaddressed: { row: number }[] };
  expect(preview).toMatchObject({ date: '2025-09-15', workingDay: true, on: false, quota: 0 });
  expect(preview.digests.map((digest) => [digest.recipient, digest.reminders.map((reminder) => `${reminder.kind}:${reminder.row}`)])).toEqual([[CITY, ['waiting:2']]]);
  // 赵敏 (澄江市, nobody reviews it) is first seen today: not yet waiting.
  expect(preview.unaddressed).toEqual([]);
  const holiday = runCli(['reminders', 'preview', book, '--today', '2025-10-03']);
  expect(holiday.stdout).toContain('2025-10-03（星期五，休息日）');
  expect(holiday.stdout).toContain('今天不是工作日，不发送任何提醒');
  expect(readFileSync(book).equals(before)).toBe(true);
});

test('on installs the hourly trigger once; on again installs none; off removes it, and tick then refuses (exit 3)', () => {
  const on = runCli(['reminders', 'on', book, '--as', HONGTA, '--today', '2025-09-15', '--json']);
  expect(on.code).toBe(0);
  expect(JSON.parse(on.stdout)).toEqual({ on: true, installed: true, by: HONGTA });
  const again = runCli(['reminders', 'on', book, '--as', HONGTA, '--today', '2025-09-15']);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain(`已开启每日提醒（${HONGTA}）；你的定时任务已存在，未重复安装`);
  // Another reviewer: reminders are on already by 红塔's reviewer, nothing changes and no second trigger.
  const other = runCli(['reminders', 'on', book, '--as', CITY, '--today', '2025-09-15', '--json']);
  expect(JSON.parse(other.stdout)).toEqual({ on: true, installed: false, by: HONGTA });
  expect(runCli(['reminders', 'on', book, '--as', CITY, '--today', '2025-09-15']).stdout).toBe(`每日提醒已由 ${HONGTA} 开启，提醒由其定时任务以其账号发出；本次没有做任何修改，也没有安装定时任务\n`);
  const ticked = runCli(['tick', book, '--today', '2025-09-15', '--days', '1', '--json', '--stats', '--outbox', join(folder, '发件箱')]);
  expect(ticked.code).toBe(0);
  // --stats: the service calls, the executions (hourly firings from 10:00 to 23:00) and the emails.
  const stats = statsOf(ticked) as unknown as { calls: Record<string, number>; executions: number; emails: number };
  expect(stats).toMatchObject({ executions: 14, emails: 1 });
  expect(stats.calls['MailApp.sendEmail']).toBe(1);
  expect(JSON.parse(ticked.stdout)).toMatchObject({ from: '2025-09-15', dryRun: false, on: true, emails: 1, days: [{ date: '2025-09-15', workingDay: true, dailyJob: true, emails: [{ recipient: CITY }] }] });
  // Installed, but its next run is after the day ticked: nothing runs, and that is no error.
  const before = runCli(['tick', book, '--today', '2025-09-14']);
  expect(before.code).toBe(0);
  expect(before.stdout).toContain('2025-09-14（星期日）：定时任务当天没有运行（它的下一次运行在这一天之后）');
  const off = runCli(['reminders', 'off', book, '--as', HONGTA, '--today', '2025-09-16']);
  expect(off.code).toBe(0);
  expect(off.stdout).toBe('已关闭每日提醒；已删除你的定时任务\n');
  const refused = runCli(['tick', book, '--today', '2025-09-16']);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toContain('每日提醒尚未开启');
  // The daily job of 09-15 saw 赵敏 first: five working days later nobody can be reminded of her row, and the preview says why.
  const preview = runCli(['reminders', 'preview', book, '--today', '2025-09-22']);
  expect(preview.code).toBe(0);
  expect(preview.stderr).toMatch(/^提示：推荐名单第3行 赵敏：无法提醒：权限表中没有“澄江市”的审核人/mu);
  expect(preview.stdout + preview.stderr).not.toContain(IDENTITY);
});

test('off by another reviewer than the one who turned reminders on: says that trigger deletes itself, never 已删除', () => {
  const copy = join(folder, '另一份.xlsx');
  copyFileSync(book, copy);
  expect(runCli(['reminders', 'on', copy, '--as', HONGTA, '--today', '2025-09-20']).code).toBe(0);
  const off = runCli(['reminders', 'off', copy, '--as', CITY, '--today', '2025-09-20']);
  expect(off.code).toBe(0);
  expect(off.stdout).toBe(`已关闭每日提醒；${HONGTA} 安装的定时任务将在其下一次运行时自行删除\n`);
  expect(runCli(['reminders', 'off', copy, '--as', CITY, '--today', '2025-09-20']).stdout).toContain('已关闭每日提醒；');
});
