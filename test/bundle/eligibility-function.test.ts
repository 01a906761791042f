/**
 * =ELIGIBILITY(row, headers) as Sheets calls it: dist/Code.js in a bare context (the runtime's zone is the spreadsheet's), a header row and
 * one row or a block of rows, real date cells; in three process time zones.
 */
import { loadBundle } from '../../local/runtime/bundle';
import { PROCESS_TIME_ZONES, inProcessTimeZone, processTimeZone, zonedDateCell } from '../support/time-zones';

const HEADERS = ['姓名', '学校', '申报类别', '班主任累计年限', '县级认定', '政治素质', '职业道德', '敬业奉献', '理论功底', '业务水平', '身心健康', '获奖级别', '荣誉级别', '上届考核结果', '上届考核日期', '县（市、区）'];
const VALID: unknown[] = ['李华', '江川区第一小学', '骨干班主任', '6年', '县级骨干班主任', '符合', '符合', '符合', '符合', '符合', '符合', '县级', '市级', '', '', '江川区'];

describe.each(PROCESS_TIME_ZONES)('ELIGIBILITY under TZ=%s', (timeZone) => {
  test('one row gives one text; a block gives a column; blank rows stay blank', () => {
    inProcessTimeZone(timeZone, () => {
      const bundle = loadBundle(undefined, { bare: true });
      expect(bundle.call('ELIGIBILITY', [VALID], [HEADERS])).toBe('符合');
      const failing = [...VALID];
      failing[3] = 3;
      failing[11] = '校级';
      const recent = [...VALID];
      recent[13] = '不合格';
      recent[14] = zonedDateCell(bundle.realm, '2099-06-30', processTimeZone());
      const noCounty = [...VALID];
      noCounty[15] = '';
      const answers = bundle.call('ELIGIBILITY', [VALID, failing, HEADERS.map(() => ''), recent, noCounty], [HEADERS]) as string[][];
      expect(answers[0]).toEqual(['符合']);
      expect(answers[1]?.[0]).toMatch(/^不符合：四（一）：班主任累计年限“3年”不足5年.*；四（一）7：获奖级别为“校级”/);
      expect(answers[2]).toEqual(['']);
      expect(answers[3]?.[0]).toMatch(/^待核实：六（二）/);
      expect(answers[4]?.[0]).toMatch(/^待核实：四（二）2：县（市、区）未填写/);
    });
  });

  test('bad arguments say what is expected', () => {
    inProcessTimeZone(timeZone, () => {
      const bundle = loadBundle(undefined, { bare: true });
      expect(() => bundle.call('ELIGIBILITY', [VALID], 'A1:P1')).toThrow('表头参数应为表头所在的一行');
      expect(() => bundle.call('ELIGIBILITY', [VALID.slice(1)], [HEADERS])).toThrow('行与表头的列数不同');
      expect(() => bundle.call('ELIGIBILITY', [VALID], [VALID.map(() => '甲')])).toThrow('没有找到表头');
    });
  });
});
