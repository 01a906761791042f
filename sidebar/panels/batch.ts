/**
 * The 批量 panel: the selected rows, one move for all of them (the moves offered are those any
 * selected row allows; the server re-checks each row) behind a confirm step naming the move and
 * the row count, and the outcome with every refusal listed by row and reason; and 校验全部资格
 * (city or county reviewer; the server checks again), after a confirm step.
 */
import type { MoveChoice, SelectionView } from '../../src/addon/sidebar-api';
import { Feedback, busy, fill, labelled, make, textList } from '../dom';
import { drawOutcome, missingField, moveFields, type MoveNeeds } from '../moves';
import { panelSection, type Panel } from '../panel';
import { callServer } from '../server';
import { onSelection, setSelection, startInfo } from '../state';
import { confirmStep } from '../confirm';
import { selectionNote } from './current-row';

/** The moves offered for all rows: each target once, needing a reason or start when any row's does. */
export function sharedMoves(selection: SelectionView): (MoveNeeds & { to: string })[] {
  const byTarget = new Map<string, MoveNeeds & { to: string }>();
  for (const view of selection.views) {
    for (const move of view.moves as MoveChoice[]) {
      const known = byTarget.get(move.to);
      if (!known) byTarget.set(move.to, { to: move.to, label: move.label, needsReason: move.needsReason, reasonHint: move.reasonHint, needsStart: move.needsStart });
      else {
        known.needsReason ||= move.needsReason;
        known.needsStart ||= move.needsStart;
        known.reasonHint ||= move.reasonHint;
      }
    }
  }
  return [...byTarget.values()];
}

/** 校验全部资格: every row's eligibility written to 资格审查/审查说明/批注, as the menu item does. */
function checkAllArea(): HTMLElement {
  const area = make('div', { class: 'check-all' });
  const note = make('p', { class: 'hint', id: 'check-all-note' }, '重新校验推荐名单的每一行，写入“资格审查”“审查说明”和批注（市级或县级审核人）。');
  const button = make('button', { type: 'button', class: 'secondary', 'aria-describedby': note.id }, '校验全部资格');
  const confirmArea = make('div');
  const result = make('div', { 'aria-live': 'polite' });
  area.append(make('h3', {}, '校验全部资格'), note, button, confirmArea, result);
  const feedback = new Feedback(area);
  button.addEventListener('click', async () => {
    fill(result);
    button.disabled = true;
    const go = await confirmStep(confirmArea, { question: '校验全部资格？', lines: ['将按今天的规则改写每一行的“资格审查”“审查说明”和批注。'], yes: '开始校验' });
    button.disabled = false;
    if (!go) {
      button.focus();
      return;
    }
    const answer = await busy([button], feedback, '正在校验全部资格…', () => callServer('sidebarCheckAll'));
    if (answer) fill(result, make('p', { class: 'check-all-result' }, `已校验 ${answer.checked} 行。${answer.summary}`));
  });
  return area;
}

/** The 批量 panel. */
export function batchPanel(): Panel {
  const parts = panelSection('panel-batch', '批量');
  const rowsArea = make('div');
  const formArea = make('div');
  const outcomeArea = make('div', { 'aria-live': 'polite' });
  parts.content.append(rowsArea, formArea, outcomeArea, checkAllArea());
  let shownRows = '';
  let shownMoves = '';

  const drawForm = (selection: SelectionView): void => {
    const moves = sharedMoves(selection);
    if (moves.length === 0) {
      fill(formArea, make('p', { class: 'muted' }, '所选行没有你可以执行的操作。'));
      return;
    }
    const form = make('form', { class: 'move-form', 'aria-label': '批量操作' });
    const choice = make('select');
    for (const move of moves) choice.append(make('option', { value: move.to }, move.label));
    form.append(labelled('改为', choice));
    const fieldsArea = make('div');
    form.append(fieldsArea);
    const submit = make('button', { type: 'submit' }, `对所选 ${selection.rows.length} 行执行`);
    form.append(submit);
    const chosen = (): MoveNeeds & { to: string } => moves.find((move) => move.to === choice.value) ?? moves[0]!;
    const confirmArea = make('div');
    form.append(confirmArea);
    const newFields = (): ReturnType<typeof moveFields> => moveFields(chosen(), startInfo()?.today ?? '', startInfo()?.calendar.publicityDays);
    let fields = newFields();
    fill(fieldsArea, fields.element);
    choice.addEventListener('change', () => {
      fill(confirmArea);
      fields = newFields();
      fill(fieldsArea, fields.element);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const move = chosen();
      const missing = missingField(move, fields);
      if (missing) {
        parts.feedback.error(missing);
        return;
      }
      parts.feedback.clearError();
      const count = selection.rows.length;
      const facts = [`工作表：${selection.sheetName}`, `改为：${move.to}`];
      if (move.needsStart) facts.push(`公示开始日期：${fields.start() ?? ''}`);
      if (move.needsReason) facts.push(`理由：${fields.reason()}`);
      facts.push('不能执行的行会逐行列出原因，其余行照常执行。');
      // The form is frozen while it asks, so what runs is what the confirm step names.
      const frozen = [choice, submit, ...fields.controls];
      for (const control of frozen) control.disabled = true;
      const go = await confirmStep(confirmArea, { question: `对所选 ${count} 行执行“${move.label}”？`, lines: facts, yes: `确认对 ${count} 行执行` });
      for (const control of frozen) control.disabled = false;
      if (!go) submit.focus();
      if (!go) return;
      const request = { sheetName: selection.sheetName, rows: selection.rows, to: move.to, reason: fields.reason(), ...(move.needsStart ? { start: fields.start() } : {}) };
      const outcome = await busy([choice, submit, ...fields.controls], parts.feedback, `正在对 ${selection.rows.length} 行执行“${move.label}”…`, () => callServer('sidebarMove', request));
      if (!outcome) return;
      fill(outcomeArea, drawOutcome(outcome));
      setSelection(outcome.selection);
    });
    fill(formArea, form);
  };

  onSelection((selection) => {
    const rows = `${selection.sheetName}|${selection.rows.join(',')}`;
    if (rows !== shownRows) fill(outcomeArea);
    const note = selectionNote(selection);
    if (note) {
      fill(rowsArea, make('p', { class: 'muted' }, note));
      fill(formArea);
      shownRows = rows;
      shownMoves = '';
      return;
    }
    const lines = selection.views.map((view) => `第${view.row}行 ${view.name}（${view.state}，${view.verdict}）`);
    const more = selection.rows.length - selection.views.length;
    fill(rowsArea, make('p', {}, `${selection.sheetName}：已选 ${selection.rows.length} 行`), textList(lines, '', { class: 'selected-rows', 'aria-label': '所选行' }), more > 0 ? make('p', { class: 'hint' }, `另有 ${more} 行未列出。`) : null);
    const moves = JSON.stringify(sharedMoves(selection));
    if (rows !== shownRows || moves !== shownMoves || !formArea.firstChild) drawForm(selection);
    shownRows = rows;
    shownMoves = moves;
  });

  return { id: 'panel-batch', name: '批量', section: parts.section, shown: () => undefined };
}
