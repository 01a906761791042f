/**
 * The 提醒 panel: the daily reminders' on/off switch (city or county reviewer; the server checks
 * again) and today's preview — what the daily job would send, to whom, read-only.
 */
import type { RemindersView } from '../../src/addon/sidebar-api';
import { Feedback, busy, details, fill, make, textList } from '../dom';
import { lazyPanel, type Panel } from '../panel';
import { callServer } from '../server';

type Preview = NonNullable<RemindersView['preview']>;

function drawPreview(preview: Preview): HTMLElement {
  const box = make('div', { class: 'preview' });
  box.append(make('h3', {}, `今天（${preview.date}）的提醒预览`));
  box.append(details([
    ['工作日', preview.workingDay ? '是' : '否（今天不发送）'],
    ['待发送', String(preview.waiting)],
    ['今天已发送', String(preview.alreadySent)],
    ['留到明天', String(preview.heldForTomorrow)],
    ['每日限额', String(preview.quota)],
  ]));
  if (preview.digests.length === 0) box.append(make('p', { class: 'muted' }, '今天没有要发送的邮件。'));
  for (const digest of preview.digests) {
    const item = make('div', { class: 'digest' });
    item.append(make('h4', {}, digest.recipient), make('p', {}, `主题：${digest.subject}`));
    item.append(textList(digest.reminders.map((reminder) => `${reminder.label}${reminder.row === '' ? '' : ` 第${reminder.row}行`} ${reminder.name}`), '', { 'aria-label': `发给 ${digest.recipient} 的提醒` }));
    const body = make('details');
    body.append(make('summary', {}, '邮件正文'), make('pre', {}, digest.body));
    item.append(body);
    box.append(item);
  }
  if (preview.unaddressed.length > 0) {
    box.append(make('h4', {}, '无人可发'));
    box.append(textList(preview.unaddressed.map((item) => `${item.name}（${item.sheet} 第${item.row}行）：${item.why}`), '', { 'aria-label': '无人可发' }));
  }
  if (preview.problems.length > 0) box.append(textList(preview.problems, '', { class: 'error', 'aria-label': '问题' }));
  return box;
}

function drawReminders(view: RemindersView, content: HTMLElement): void {
  const toggle = make('input', { type: 'checkbox', role: 'switch', id: 'reminders-switch' });
  toggle.checked = view.on;
  toggle.disabled = !view.mayChange;
  const label = make('label', { class: 'switch' });
  label.append(toggle, '每日提醒');
  const state = make('p', { id: 'reminders-state' });
  const feedbackArea = make('div');
  const previewArea = make('div');
  const describe = (current: RemindersView): void => {
    state.textContent = current.on ? `已开启${current.by ? `（由 ${current.by} 开启）` : ''}，每天 8 点后发送。` : '未开启。';
    if (!current.mayChange) state.textContent += ' 仅市级或县级审核人可以开关提醒。';
  };
  describe(view);
  toggle.setAttribute('aria-describedby', state.id);
  content.append(label, state, feedbackArea, previewArea);
  if (view.preview) fill(previewArea, drawPreview(view.preview));
  // The switch's own loading and error lines sit under it.
  const feedback = new Feedback(feedbackArea);
  toggle.addEventListener('change', async () => {
    const wanted = toggle.checked;
    const answer = await busy([toggle], feedback, wanted ? '正在开启提醒…' : '正在关闭提醒…', () => callServer('sidebarSetReminders', wanted));
    if (!answer) {
      toggle.checked = !wanted;
      return;
    }
    toggle.checked = answer.on;
    describe(answer);
    if (answer.preview) fill(previewArea, drawPreview(answer.preview));
  });
}

/** The 提醒 panel. */
export function remindersPanel(): Panel {
  return lazyPanel('panel-reminders', '提醒', '正在读取提醒预览…', () => callServer('sidebarReminders'), drawReminders);
}
