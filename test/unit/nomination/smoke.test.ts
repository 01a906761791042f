import { evaluate } from './fixtures';
test('x', () => { const r = evaluate(); console.log(JSON.stringify(r, null, 1)); const r2 = evaluate({班主任累计年限: '3年', 获奖级别: '校级', 近5年考核: '合格、合格、合格、良好', 身份证号: 110105194912310021, 上届考核结果: '不合格', 上届考核日期: '2023-1-5'}); console.log(r2.verdict, r2.explanation, JSON.stringify(r2.problems)); });
