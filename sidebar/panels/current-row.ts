/**
 * The 当前行 panel: the first selected row's facts, verdict and findings (each with its clause),
 * one button per move this user may make (disabled with the reason when blocked), and a short form
 * for the reason or publicity start a move needs. After a move: what happened, the 操作记录 lines
 * written, and the row's new state (the move returns the refreshed selection).
 */
import type { MoveChoice, RowView, SelectionView } from '../../src/addon/sidebar-api';
import { busy, details, fill, make, text } from '../dom';
import { drawOutcome, missingField, moveFields } from '../moves';
import { panelSection, type Panel } from '../panel';
import { callServer } from '../server';
import { currentSelection, onSelection, setSelection, startInfo } from '../state';

/** What a selection without a row to show says. */
export function selectionNote(selection: SelectionView): string {
  if (selection.problem) return selection.problem;
  if (selection.rows.length === 0) return '请在推荐名单中选择一行。';
  return '';
}

/** A finding's message without its leading clause (the page shows the clause on its own). */
export function withoutClause(message: string, clause: string): string {
  return clause && message.startsWith(`${clause}：`) ? message.slice(clause.length + 1) : message;
}

/** The 当前行 panel. */
export function currentRowPanel(): Panel {
  const parts = panelSection('panel-current', '当前行');
  const refresh = make('button', { type: 'button', class: 'secondary', 'aria-label': '刷新当前行' }, '刷新');
  parts.tools.append(refresh);
  const rowArea = make('div', { class: 'row-view' });
  const formArea = make('div');
  const outcomeArea = make('div', { 'aria-live': 'polite' });
  parts.content.append(rowArea, formArea, outcomeArea);
  let shownRows = '';

  const moveButtons: HTMLButtonElement[] = [];

  const openForm = (view: RowView, move: MoveChoice, opener: HTMLButtonElement): void => {
    const info = startInfo();
    const form = make('form', { class: 'move-form', 'aria-label': `改为“${move.label}”` });
    form.append(make('h3', { class: 'move-title' }, `${view.name}：${view.state}→${move.to}`));
    const fields = moveFields(move, info?.today ?? '', info?.calendar.publicityDays);
    form.append(fields.element);
    const confirm = make('button', { type: 'submit' }, `确认${move.label}`);
    const cancel = make('button', { type: 'button', class: 'secondary' }, '取消');
    const row = make('div', { class: 'actions' });
    row.append(confirm, cancel);
    form.append(row);
    cancel.addEventListener('click', () => {
      fill(formArea);
      opener.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const missing = missingField(move, fields);
      if (missing) {
        parts.feedback.error(missing);
        return;
      }
      const request = { sheetName: view.sheetName, rows: [view.row], to: move.to, reason: fields.reason(), ...(move.needsStart ? { start: fields.start() } : {}) };
      const outcome = await busy([refresh, confirm, cancel, ...moveButtons, ...fields.controls], parts.feedback, '正在提交…', () => callServer('sidebarMove', request));
      if (!outcome) return;
      fill(formArea);
      fill(outcomeArea, drawOutcome(outcome));
      setSelection(outcome.selection);
    });
    fill(formArea, form);
    (fields.controls[0] ?? confirm).focus();
  };

  const drawRow = (selection: SelectionView, view: RowView): HTMLElement => {
    const box = make('div');
    box.append(make('h3', { class: 'row-name' }, view.name || '（未填姓名）'));
    if (selection.rows.length > 1) box.append(make('p', { class: 'hint' }, `已选 ${selection.rows.length} 行，这里显示第 ${view.row} 行；对多行操作请用“批量”。`));
    box.append(details([
      ['工作表', `${view.sheetName} 第${view.row}行`], ['学校', view.school], ['县（市、区）', view.county], ['申报类别', view.category], ['学段', view.stage],
      ['状态', view.state], ['资格审查', view.verdict], ['公示开始', view.publicityStart], ['公示截止', view.publicityEnd], ['认定日期', view.awardDate],
      ['证书编号', view.certificateNumber], ['最后操作', view.lastAction],
    ]));
    box.append(make('h4', {}, '审查意见'));
    if (view.findings.length === 0) box.append(make('p', { class: 'muted' }, '各项均符合。'));
    else {
      const list = make('ul', { class: 'findings', 'aria-label': '审查意见' });
      for (const finding of view.findings) {
        const item = make('li', { class: finding.severity === '不符合' ? 'fail' : 'check' });
        if (finding.clause) item.append(make('span', { class: 'clause' }, finding.clause), text('：'));
        item.append(text(withoutClause(finding.message, finding.clause)), make('span', { class: 'badge' }, finding.severity));
        list.append(item);
      }
      box.append(list);
    }
    box.append(make('h4', {}, '可执行的操作'));
    moveButtons.length = 0;
    const nothing = view.noMovesReason || (view.moves.length === 0 ? '你不能对这一行做任何操作。' : '');
    if (nothing) box.append(make('p', { class: 'muted no-moves' }, nothing));
    const actions = make('div', { class: 'moves' });
    view.moves.forEach((move, index) => {
      const button = make('button', { type: 'button' }, move.label);
      moveButtons.push(button);
      const wrapper = make('div', { class: 'move' });
      wrapper.append(button);
      if (move.blockedBy) {
        button.disabled = true;
        const why = make('span', { class: 'hint', id: `move-blocked-${index}` }, move.blockedBy);
        button.setAttribute('aria-describedby', why.id);
        wrapper.append(why);
      }
      button.addEventListener('click', () => openForm(view, move, button));
      actions.append(wrapper);
    });
    box.append(actions);
    return box;
  };

  onSelection((selection) => {
    const rows = `${selection.sheetName}|${selection.rows.join(',')}`;
    if (rows !== shownRows) {
      fill(formArea);
      fill(outcomeArea);
      shownRows = rows;
    }
    const view = selection.views[0];
    const note = selectionNote(selection);
    if (note || !view) fill(rowArea, make('p', { class: 'muted' }, note || '无法显示所选行。'));
    else fill(rowArea, drawRow(selection, view));
  });

  refresh.addEventListener('click', async () => {
    const shown = currentSelection();
    const answer = await busy([refresh], parts.feedback, '正在读取所选行…', () => callServer('sidebarSelection', ''));
    if (answer?.changed) setSelection(answer.selection);
    else if (answer && shown) setSelection(shown);
  });

  return { id: 'panel-current', name: '当前行', section: parts.section, shown: () => undefined };
}
