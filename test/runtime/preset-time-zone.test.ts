/**
 * The preset's time zone is read, not just kept: 初始化表格 on a spreadsheet set to another zone
 * says so (dates are read and written in the spreadsheet's zone), and says nothing when they agree;
 * and the script's own zone (appsscript.json, the zone of time-driven triggers) is the preset's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRESET } from '../../src/domain/presets';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';

async function initialised(timeZone: string): Promise<string> {
  const runtime = await openWorkbookRuntime({ today: '2025-09-01', timeZone, counter: new CallCounter(), print: () => undefined });
  try {
    return (runtime.bundle.call('runInitialize_') as { summary: string }).summary;
  } finally {
    runtime.close();
  }
}

test('初始化表格 names a spreadsheet time zone other than the preset\'s, and the one to use', async () => {
  expect((await initialised('Europe/Berlin')).split('\n').pop()).toBe(
    '提示：表格的时区是 Europe/Berlin，不是本方案所在城市的 Asia/Shanghai；日期按表格的时区读写，如有误请在“文件 > 设置”中改为 Asia/Shanghai',
  );
  expect(await initialised('Asia/Shanghai')).not.toContain('时区');
});

test('appsscript.json\'s time zone is the preset\'s', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as { timeZone: string };
  expect(manifest.timeZone).toBe(DEFAULT_PRESET.timeZone);
});
