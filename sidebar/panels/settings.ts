/**
 * The 设置 panel: every 设置 row with its meaning and any problem with its value, and for the city
 * an edit form (设置项 + 值 + 保存). A value holding a masked password (`***`) is not copied into
 * the field, so saving never writes the mask back.
 */
import type { SettingView, SettingsView } from '../../src/addon/sidebar-api';
import { Feedback, busy, fill, labelled, make, setText } from '../dom';
import { lazyPanel, type Panel } from '../panel';
import { callServer } from '../server';

function drawRows(settings: SettingView[]): HTMLElement {
  const list = make('dl', { class: 'settings' });
  for (const setting of settings) {
    list.append(make('dt', {}, setting.key));
    const value = make('dd');
    value.append(make('span', { class: 'value' }, setting.value === '' ? '（空）' : setting.value));
    if (setting.help) value.append(make('span', { class: 'hint' }, setting.help));
    if (setting.problem) value.append(make('span', { class: 'error' }, setting.problem));
    list.append(value);
  }
  return list;
}

function drawSettings(view: SettingsView, content: HTMLElement): void {
  const rows = make('div');
  fill(rows, drawRows(view.settings));
  if (!view.mayEdit) {
    content.append(make('p', { class: 'hint' }, '仅市级账号可以修改设置。'), rows);
    return;
  }
  const form = make('form', { class: 'setting-form', 'aria-labelledby': 'setting-form-heading' });
  const key = make('select');
  for (const setting of view.settings) key.append(make('option', { value: setting.key }, setting.key));
  const value = make('input', { type: 'text', autocomplete: 'off' });
  const note = make('span', { class: 'hint' });
  const save = make('button', { type: 'submit' }, '保存');
  let settings = view.settings;
  const pick = (): void => {
    const current = settings.find((setting) => setting.key === key.value);
    const masked = current?.value.includes('***') ?? false;
    value.value = masked ? '' : current?.value ?? '';
    setText(note, masked ? '含密码的值不回显：请填写完整的新值。' : current?.help ?? '');
  };
  key.addEventListener('change', pick);
  pick();
  form.append(make('h3', { id: 'setting-form-heading' }, '修改设置'), labelled('设置项', key), labelled('值', value), note, save);
  const feedback = new Feedback(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await busy([key, value, save], feedback, '正在保存…', () => callServer('sidebarSaveSetting', key.value, value.value));
    if (!answer) return;
    settings = answer.settings;
    fill(rows, drawRows(settings));
    feedback.done(`已保存“${key.value}”。`);
  });
  content.append(form, rows);
}

/** The 设置 panel. */
export function settingsPanel(): Panel {
  return lazyPanel('panel-settings', '设置', '正在读取设置…', () => callServer('sidebarSettings'), drawSettings);
}
