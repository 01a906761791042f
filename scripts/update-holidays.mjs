// Regenerates src/domain/working-days/official-arrangements.json from the chinese-days package:
// for each year it carries, the days off (休) and the make-up working days (班) of the State
// Council's notice, each with its festival's Chinese name. Run after bumping chinese-days; a unit
// test fails while the committed file and the installed package disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const packageJson = require('chinese-days/package.json');
const data = require('chinese-days/dist/chinese-days.json');

/** Festival's Chinese name out of chinese-days' "English,中文,n" value. */
const chineseName = (value) => String(value).split(',')[1] ?? String(value);

const years = {};
for (const [kind, table] of [['rest', data.holidays], ['work', data.workdays]]) {
  for (const date of Object.keys(table).sort()) {
    const year = date.slice(0, 4);
    years[year] ??= { rest: {}, work: {} };
    years[year][kind][date] = chineseName(table[date]);
  }
}
const sorted = Object.fromEntries(Object.keys(years).sort().map((year) => [year, years[year]]));
const output = { source: `chinese-days ${packageJson.version}`, years: sorted };
const target = new URL('../src/domain/working-days/official-arrangements.json', import.meta.url);
const text = JSON.stringify(output, null, 1) + '\n';
const before = (() => { try { return readFileSync(target, 'utf8'); } catch { return ''; } })();
writeFileSync(target, text);
console.log(before === text ? '节假日数据无变化' : `已更新节假日数据：${Object.keys(sorted).join('、')}`);
