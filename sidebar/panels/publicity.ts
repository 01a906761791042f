/**
 * The 公示 panel: a publicity period from a start date and a number of working days (the default
 * from the calendar info), computed on the server with this spreadsheet's 节假日 sheet, and the
 * 生成公示名单 button (city only; the server checks the role again).
 */
import type { PublicityListOutcome } from '../../src/addon/sidebar-api';
import { busy, fill, labelled, make, setText, text, textList } from '../dom';
import { panelSection, type Panel } from '../panel';
import { callServer } from '../server';
import { startInfo } from '../state';

/** The 公示 panel. */
export function publicityPanel(): Panel {
  const parts = panelSection('panel-publicity', '公示');
  const form = make('form', { id: 'publicity-form', 'aria-labelledby': 'publicity-form-heading' });
  const start = make('input', { type: 'date', id: 'publicity-start', required: true });
  const days = make('input', { type: 'number', id: 'publicity-days', min: '1', step: '1', required: true, inputmode: 'numeric' });
  days.value = '5';
  const compute = make('button', { type: 'submit' }, '计算公示截止日期');
  const result = make('p', { id: 'publicity-result', class: 'result' });
  form.append(make('h3', { id: 'publicity-form-heading' }, '公示期计算'), labelled('公示开始日期', start), labelled('公示工作日数', days), compute);
  const calendarNote = make('p', { class: 'hint', id: 'calendar-info' });

  const listArea = make('div', { class: 'publicity-list' });
  const makeList = make('button', { type: 'button' }, '生成公示名单');
  const listNote = make('p', { class: 'hint', id: 'publicity-list-note' }, '把“公示中”的行写入公示名单表（身份证号、联系电话不会写入）。');
  makeList.setAttribute('aria-describedby', listNote.id);
  const listResult = make('div', { 'aria-live': 'polite' });
  listArea.append(make('h3', {}, '生成公示名单'), listNote, makeList, listResult);
  parts.content.append(form, result, calendarNote, listArea);

  const calculate = async (): Promise<void> => {
    fill(result);
    const period = await busy([compute], parts.feedback, '正在计算…', () => callServer('sidebarPublicityPeriod', start.value, Number(days.value)));
    if (!period) return;
    result.append(make('span', {}, period.text), make('br'), text('截止日期：'), make('strong', { id: 'publicity-end' }, period.end));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void calculate();
  });

  const drawList = (outcome: PublicityListOutcome): void => {
    const lines = outcome.lists.map((list) => `${list.sheet}：${list.people} 人，${list.period}`);
    fill(listResult, make('p', {}, outcome.message), textList(lines, '没有写入任何公示名单。', { 'aria-label': '公示名单' }));
  };
  makeList.addEventListener('click', async () => {
    const outcome = await busy([makeList], parts.feedback, '正在生成公示名单…', () => callServer('sidebarMakePublicityList'));
    if (outcome) drawList(outcome);
  });

  let prepared = false;
  return {
    id: 'panel-publicity',
    name: '公示',
    section: parts.section,
    shown() {
      if (prepared) return;
      const info = startInfo();
      if (!info) return;
      prepared = true;
      start.value = info.today;
      days.value = String(info.calendar.publicityDays);
      const years = info.calendar.years;
      setText(calendarNote, years.length > 0
        ? `已内置 ${years[0]}–${years[years.length - 1]} 年国务院节假日与调休安排（${info.calendar.source}）；“节假日”表可补充或修正。`
        : '“节假日”表可补充或修正节假日安排。');
      if (!info.user.city) {
        makeList.disabled = true;
        setText(listNote, '仅市级账号可以生成公示名单。');
      }
      void calculate();
    },
  };
}
