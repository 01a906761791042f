/**
 * The sidebar page: builds the nine panels (当前行, 批量, 公示, 证书与考核表, 履职, 工作室, 提醒,
 * 统计, 设置) and their navigation, opens with one server call (sidebarOpen) and then polls the
 * selection gently. Panels other than the selection's load on first show. Everything shown is set
 * as text (sidebar/dom.ts), never as HTML.
 */
import type { SidebarStart } from '../src/addon/sidebar-api';
import { byId, fill, make, messageOf, setText } from './dom';
import type { Panel } from './panel';
import { batchPanel } from './panels/batch';
import { currentRowPanel } from './panels/current-row';
import { documentsPanel } from './panels/documents';
import { dutiesPanel } from './panels/duties';
import { publicityPanel } from './panels/publicity';
import { remindersPanel } from './panels/reminders';
import { settingsPanel } from './panels/settings';
import { statisticsPanel } from './panels/statistics';
import { studiosPanel } from './panels/studios';
import { startSelectionPoll } from './poll';
import { callServer } from './server';
import { setStart } from './state';

const panels: Panel[] = [
  currentRowPanel(), batchPanel(), publicityPanel(), documentsPanel(), dutiesPanel(), studiosPanel(), remindersPanel(), statisticsPanel(), settingsPanel(),
];
let active: Panel | undefined;

/** Shows one panel and marks its navigation button as current. */
function show(panel: Panel): void {
  active = panel;
  for (const other of panels) other.section.hidden = other !== panel;
  for (const button of byId('panel-nav').querySelectorAll('button')) {
    if (button.getAttribute('aria-controls') === panel.id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  panel.shown();
}

function buildPage(): void {
  const nav = byId('panel-nav');
  const main = byId('panels');
  for (const panel of panels) {
    const button = make('button', { type: 'button', 'aria-controls': panel.id, class: 'nav' }, panel.name);
    button.addEventListener('click', () => show(panel));
    nav.append(button);
    main.append(panel.section);
  }
  show(panels[0]!);
}

function describeStart(start: SidebarStart): void {
  const user = start.user;
  const who = user.email ? `${user.email}${user.roles ? `（${user.roles}）` : ''}` : '未知用户';
  const line = byId('user-line');
  fill(line, make('span', {}, `当前用户：${who}`));
  if (user.problem) line.append(make('span', { class: 'error block' }, user.problem));
  setText(byId('footer'), `今天 ${start.today}（${start.timeZone}） · 版本 ${start.version}`);
}

/** The one call on open: sidebarOpen; on failure its message and a 重试 button. */
async function open(): Promise<void> {
  const status = byId('open-status');
  const errorArea = byId('open-error');
  fill(errorArea);
  setText(status, '正在打开…');
  try {
    const start = await callServer('sidebarOpen');
    setText(status, '');
    describeStart(start);
    setStart(start);
    if (active) active.shown();
    startSelectionPoll((problem) => {
      setText(byId('poll-status'), problem);
    });
  } catch (error) {
    setText(status, '');
    const retry = make('button', { type: 'button' }, '重试');
    retry.addEventListener('click', () => {
      retry.disabled = true;
      void open();
    });
    fill(errorArea, make('p', {}, messageOf(error)), retry);
  }
}

buildPage();
void open();
