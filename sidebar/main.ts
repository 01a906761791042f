/**
 * The sidebar page: a publicity-period calculator that uses the spreadsheet's own 节假日 sheet, and
 * the years whose official arrangements are bundled. Everything shown is set as text, never HTML.
 */
import { callServer } from './server';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`页面缺少元素 #${id}`);
  return found as T;
}

function showError(target: HTMLElement, error: unknown): void {
  target.textContent = error instanceof Error ? error.message : String(error);
  target.className = 'error';
}

async function showCalendarInfo(): Promise<void> {
  const footer = element('calendar-info');
  try {
    const info = await callServer('sidebarCalendarInfo');
    const years = info.years;
    footer.textContent = `已内置 ${years[0]}–${years[years.length - 1]} 年国务院节假日与调休安排（${info.source}）；“节假日”表可补充或修正。`;
    element<HTMLInputElement>('publicity-days').value = String(info.publicityDays);
  } catch (error) {
    showError(footer, error);
  }
}

function wirePublicityForm(): void {
  const form = element<HTMLFormElement>('publicity-form');
  const result = element('publicity-result');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    result.className = '';
    result.textContent = '计算中…';
    try {
      const start = element<HTMLInputElement>('publicity-start').value;
      const days = Number(element<HTMLInputElement>('publicity-days').value);
      const period = await callServer('sidebarPublicityPeriod', start, days);
      result.textContent = `${period.text}，截止日期 ${period.end}`;
    } catch (error) {
      showError(result, error);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

wirePublicityForm();
void showCalendarInfo();
