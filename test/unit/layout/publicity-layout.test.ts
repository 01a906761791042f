/**
 * The printed 公示名单's layout and the width estimates behind it: one sheet per period, named within
 * Excel's 31 characters and without []:*?/\; a title, the period, the header with 序号 and only the
 * six public columns; widths that fit the longest school and county names, a CJK character
 * counting about twice a Latin one.
 */
import fc from 'fast-check';
import { COLUMN_LOOKS, DEFAULT_COLUMN_WIDTH, fittingWidth, textUnits } from '../../../src/domain/column-layout';
import { YUXI_2023_2025 } from '../../../src/domain/presets';
import { MAX_SHEET_NAME_LENGTH, PUBLICITY_HEADERS, publicCellText, publicityLayout, publicitySheetName } from '../../../src/domain/publicity-list';

describe('text widths', () => {
  test('a CJK or full-width character counts two, a Latin one one', () => {
    expect(textUnits('2024-10-09')).toBe(10);
    expect(textUnits('红塔区')).toBe(6);
    expect(textUnits('玉溪第1中学（A）')).toBe(16);
    expect(textUnits('')).toBe(0);
  });

  test('the fitting width grows with the longest text', () => {
    expect(fittingWidth(['红塔区', '元江哈尼族彝族傣族自治县'])).toBe(fittingWidth(['元江哈尼族彝族傣族自治县']));
    expect(fittingWidth(['元江哈尼族彝族傣族自治县'])).toBeGreaterThan(fittingWidth(['红塔区']));
    expect(fittingWidth([])).toBe(40);
  });

  test('every width the add-on sets is deliberate: none equals the default it looks for', () => {
    for (const look of Object.values(COLUMN_LOOKS)) expect(look.width).not.toBe(DEFAULT_COLUMN_WIDTH);
    // yyyy-mm-dd and yyyy-mm-dd hh:mm:ss fit their columns (7 px a digit plus padding).
    expect(COLUMN_LOOKS['公示截止']!.width).toBeGreaterThanOrEqual(fittingWidth(['2024-10-09']));
    expect(COLUMN_LOOKS['时间']!.width).toBeGreaterThanOrEqual(fittingWidth(['2024-10-09 09:00:00']));
  });
});

describe('publicity list layout', () => {
  test('a sheet per period, named by the period', () => {
    expect(publicitySheetName('2024-09-27', '2024-10-09')).toBe('公示名单 2024-09-27至2024-10-09');
  });

  test('property: every period name is a valid .xlsx sheet name', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (first, last) => {
        const name = publicitySheetName(first, last);
        expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
        expect(name).not.toMatch(/[[\]:*?/\\]/u);
        expect(name.startsWith('公示名单')).toBe(true);
      }),
    );
  });

  test('title, period, header with 序号, people numbered from 1; widths fit the longest names', () => {
    const people = [
      ['张丽', '女', '玉溪市红塔区第一小学', '红塔区', '小学', '骨干班主任'],
      ['李华', '男', '元江县第一中学', '元江哈尼族彝族傣族自治县', '高中', '名班主任'],
    ];
    const layout = publicityLayout('公示期：2024年9月27日至2024年10月9日（5个工作日）', people, YUXI_2023_2025);
    expect(layout.rows[0]?.[0]).toBe('玉溪市骨干班主任、名班主任拟认定人选公示名单');
    expect(layout.rows[1]?.[0]).toContain('公示期');
    expect(layout.rows[2]).toEqual(['序号', '姓名', '性别', '学校', '县（市、区）', '学段', '申报类别']);
    expect(layout.rows.slice(3)).toEqual([[1, ...people[0]!], [2, ...people[1]!]]);
    expect(layout.rows.every((row) => row.length === PUBLICITY_HEADERS.length)).toBe(true);
    const column = (header: string) => PUBLICITY_HEADERS.indexOf(header);
    expect(layout.widths[column('学校')]).toBe(fittingWidth(['玉溪市红塔区第一小学']));
    expect(layout.widths[column('县（市、区）')]).toBe(fittingWidth(['元江哈尼族彝族傣族自治县']));
    expect(layout.widths[column('序号')]).toBe(fittingWidth(['序号']));
  });
});

describe('public cells', () => {
  test('the county by the preset\'s full name (峨山 → 峨山彝族自治县); other columns, and a name no county matches, as typed', () => {
    expect(publicCellText('county', '峨山', YUXI_2023_2025)).toBe('峨山彝族自治县');
    expect(publicCellText('county', ' 红塔 ', YUXI_2023_2025)).toBe('红塔区');
    expect(publicCellText('county', '火星县', YUXI_2023_2025)).toBe('火星县');
    expect(publicCellText('county', '', YUXI_2023_2025)).toBe('');
    expect(publicCellText('school', ' 峨山 ', YUXI_2023_2025)).toBe('峨山');
  });
});
