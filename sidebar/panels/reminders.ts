/**
 * The 提醒 panel: the daily reminders' on/off switch (city or county reviewer; the server checks
 * again) behind a confirm step that names who turned them on, and today's preview — what the daily
 * job would send, to whom, read-only.
 */
import type { RemindersView } from '../../src/addon/sidebar-api';
import { Feedback, busy, details, fill, make, setText, text, textList } from '../dom';
import { confirmStep } from '../confirm';
import { lazyPanel, type Panel } from '../panel';
import { callServer } from '../server';

type Preview = NonNullable<RemindersView['preview']>;

function drawPreview(preview: Preview): HTMLElement {
  const box = make('div', { class: 'preview' });
  box.append(make('h3', {}, `今天（${preview.date}）的提醒预览`));
  box.append(details([
    ['工作日', preview.workingDay ? '是' : '否（今天不发送）'],
    ['将发出', `${preview.mails} 封`],
    ['超出今日配额、顺延', `${preview.waiting} 项`],
    ['已发送过（不再发）', `${preview.alreadySent} 项`],
    ['今天已发过、留到明天', `${preview.heldForTomorrow} 项`],
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
    box.append(textList(preview.unaddressed.map((item) => (item.row === 0 ? item.why : `${item.name}（${item.sheet} 第${item.row}行）：${item.why}`)), '', { 'aria-label': '无人可发' }));
  }
  if (preview.problems.length > 0) box.append(textList(preview.problems, '', { class: 'error', 'aria-label': '问题' }));
  return box;
}

function drawReminders(view: RemindersView, content: HTMLElement): void {
  const toggle = make('input', { type: 'checkbox', role: 'switch', id: 'reminders-switch' });
  toggle.checked = view.on;
  toggle.disabled = !view.mayChange;
  const label = make('label', { class: 'switch' });
  label.append(toggle, text('每日提醒'));
  const state = make('p', { id: 'reminders-state' });
  const confirmArea = make('div');
  const feedbackArea = make('div');
  const previewArea = make('div');
  const describe = (current: RemindersView): void => {
    const now = current.on ? `已开启${current.by ? `（由 ${current.by} 开启）` : ''}，每天 8 点后发送。` : '未开启。';
    setText(state, current.mayChange ? now : `${now} 仅市级或县级审核人可以开关提醒。`);
  };
  describe(view);
  toggle.setAttribute('aria-describedby', state.id);
  content.append(label, state, confirmArea, feedbackArea, previewArea);
  if (view.preview) fill(previewArea, drawPreview(view.preview));
  // The switch's own loading and error lines sit under it.
  const feedback = new Feedback(feedbackArea);
  let shown = view;
  toggle.addEventListener('change', async () => {
    const wanted = toggle.checked;
    // The switch stays as it is until the confirm step says go.
    toggle.checked = !wanted;
    toggle.disabled = true;
    const question = wanted ? '开启每日提醒？' : '关闭每日提醒？';
    const lines = wanted
      ? ['开启后每个工作日 8 点后自动发送提醒邮件，并记入操作记录；开启人记为你。']
      : [shown.by ? `提醒由 ${shown.by} 开启；关闭后所有人都不再收到每日提醒。` : '关闭后所有人都不再收到每日提醒。'];
    const go = await confirmStep(confirmArea, { question, lines, yes: wanted ? '确认开启' : '确认关闭' });
    toggle.disabled = false;
    if (!go) {
      toggle.focus();
      return;
    }
    toggle.checked = wanted;
    const answer = await busy([toggle], feedback, wanted ? '正在开启提醒…' : '正在关闭提醒…', () => callServer('sidebarSetReminders', wanted));
    if (!answer) {
      toggle.checked = !wanted;
      return;
    }
    toggle.checked = answer.on;
    shown = answer;
    describe(answer);
    if (answer.preview) fill(previewArea, drawPreview(answer.preview));
  });
}

/** The 提醒 panel. */
export function remindersPanel(): Panel {
  return lazyPanel('panel-reminders', '提醒', '正在读取提醒预览…', () => callServer('sidebarReminders'), drawReminders);
}
