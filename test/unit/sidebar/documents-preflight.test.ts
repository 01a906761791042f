/**
 * The 证书与考核表 panel's refused rows: each named once, whether or not the server's message
 * already starts with 第N行 (the batch's own refusals do).
 */
import { refusedRowLine } from '../../../src/domain/sidebar/refused-line';

test('a refused row reads 第N行：原因 once, with or without the row in the server message', () => {
  expect(refusedRowLine({ row: 5, message: '第5行（李华）状态为“学校推荐”，不能生成荣誉证书' })).toBe('第5行（李华）状态为“学校推荐”，不能生成荣誉证书');
  expect(refusedRowLine({ row: 7, message: '模板中的占位符无法填写' })).toBe('第7行：模板中的占位符无法填写');
  expect(refusedRowLine({ row: 7, message: '第70行的值' })).toBe('第7行：第70行的值');
});
