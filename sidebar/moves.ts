/**
 * What the 当前行 and 批量 panels share about moves: the form that asks for a reason (at most
 * MAX_REASON_LENGTH characters, as the server allows) and a publicity start date when the move needs
 * them (checked here, with the message in the panel's alert line, rather than by the browser's own
 * bubble) — the start date's field shows the 公示截止 the calendar gives and warns when the start is
 * not a working day — and the drawing of a move's outcome (what moved, each refusal with its reason,
 * the 操作记录 lines written).
 */
import type { MoveOutcome } from '../src/addon/sidebar-api';
import { MAX_REASON_LENGTH } from '../src/domain/sidebar/views';
import { labelled, make, setText, text, textList } from './dom';
import { callServer } from './server';

/** The fields one move asks for. */
export interface MoveNeeds {
  label: string;
  needsReason: boolean;
  reasonHint: string;
  needsStart: boolean;
}

/** The reason and start fields of a move form, with their values. */
export interface MoveFields {
  element: HTMLElement;
  controls: (HTMLInputElement | HTMLTextAreaElement)[];
  reason(): string;
  start(): string | undefined;
}

/**
 * Shows under a publicity start field the 公示截止 of `days` working days from it, and a warning when
 * the start is not a working day (a one-day publicity from a working day ends on that day). Answers
 * to an older date are dropped.
 */
function publicityPreview(start: HTMLInputElement, days: number): HTMLElement {
  const line = make('p', { class: 'hint publicity-preview', role: 'status', 'aria-live': 'polite' });
  let asked = 0;
  const update = async (): Promise<void> => {
    const date = start.value;
    const ask = ++asked;
    setText(line, date ? '正在计算公示截止…' : '');
    if (!date) return;
    try {
      const [first, period] = [await callServer('sidebarPublicityPeriod', date, 1), await callServer('sidebarPublicityPeriod', date, days)];
      if (ask !== asked) return;
      const end = `公示截止：${period.end}（${days} 个工作日）`;
      setText(line, first.end === date ? end : `注意：${date} 不是工作日，公示从 ${first.end} 起算。${end}`);
      line.classList.toggle('warning', first.end !== date);
    } catch (error) {
      if (ask === asked) setText(line, `无法计算公示截止：${error instanceof Error ? error.message : String(error)}`);
    }
  };
  start.addEventListener('change', () => void update());
  void update();
  return line;
}

/** The reason (when needed) and start date (when needed, with its 公示截止 for `publicityDays`) fields of a move. */
export function moveFields(needs: MoveNeeds, today: string, publicityDays = 5): MoveFields {
  const element = make('div', { class: 'move-fields' });
  const reason = make('textarea', { rows: '2', maxlength: String(MAX_REASON_LENGTH), 'aria-required': needs.needsReason ? 'true' : undefined });
  const start = make('input', { type: 'date', 'aria-required': needs.needsStart ? 'true' : undefined });
  start.value = today;
  if (needs.needsReason) {
    const hint = needs.reasonHint && !needs.reasonHint.startsWith('理由') ? `${needs.reasonHint}（最多 ${MAX_REASON_LENGTH} 字）` : `最多 ${MAX_REASON_LENGTH} 字`;
    element.append(labelled('理由（必填）', reason, hint));
  }
  if (needs.needsStart) element.append(labelled('公示开始日期', start), publicityPreview(start, publicityDays));
  return {
    element,
    controls: [...(needs.needsReason ? [reason] : []), ...(needs.needsStart ? [start] : [])],
    reason: () => (needs.needsReason ? reason.value.trim() : ''),
    start: () => (needs.needsStart ? start.value : undefined),
  };
}

/** Why the fields cannot be sent yet ('' when they can). */
export function missingField(needs: MoveNeeds, fields: MoveFields): string {
  if (needs.needsReason && fields.reason() === '') return `“${needs.label}”须填写理由`;
  if (needs.needsStart && !fields.start()) return `“${needs.label}”须填写公示开始日期`;
  return '';
}

/** Draws what a move did: moved rows, refusals, problems and the 操作记录 lines it appended. */
export function drawOutcome(outcome: MoveOutcome): HTMLElement {
  const box = make('div', { class: 'outcome' });
  box.append(make('h3', {}, '操作结果'));
  if (outcome.moved.length > 0) {
    box.append(textList(outcome.moved.map((move) => `第${move.row}行 ${move.name}：${move.from}→${move.to}`), '', { class: 'moved', 'aria-label': '已完成' }));
  } else {
    box.append(make('p', {}, '没有行被修改。'));
  }
  if (outcome.refused.length > 0) {
    box.append(make('h4', {}, `未执行（${outcome.refused.length} 行）`));
    box.append(textList(outcome.refused.map((refusal) => refusal.message), '', { class: 'refused error', 'aria-label': '未执行' }));
  }
  if (outcome.problems.length > 0) box.append(textList(outcome.problems, '', { class: 'error', 'aria-label': '问题' }));
  if (outcome.logged.length > 0) {
    box.append(make('h4', {}, '操作记录'));
    const list = make('ul', { class: 'audit', 'aria-label': '本次写入的操作记录' });
    for (const line of outcome.logged) {
      const item = make('li');
      item.append(make('span', { class: 'muted' }, `${line.time} ${line.email}`), make('br'));
      const where = line.row === '' ? line.sheet : `${line.sheet} 第${line.row}行`;
      item.append(text(`${where} ${line.name}：${line.from}→${line.to}`));
      if (line.note) item.append(make('br'), text(`理由：${line.note}`));
      list.append(item);
    }
    box.append(list);
  }
  return box;
}
