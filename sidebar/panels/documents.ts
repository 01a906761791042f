/**
 * The 证书与考核表 panel: choose 荣誉证书 or 任期考核表, run the pre-flight (read-only: which
 * placeholders are known, which rows lack values), start or continue the batch — after a pre-flight
 * (run first when there was none) that found problems, only once a confirm step naming them says
 * go — and watch a running job's progress (sidebarDocumentProgress, every 2 s or slower, only
 * while visible). When the pre-flight says a template or the folder is missing, the city gets an
 * 初始化模板 button (after a confirm step; the server checks the role again).
 */
import type { DocumentsView } from '../../src/addon/sidebar-api';
import { refusedRowLine } from '../../src/domain/sidebar/refused-line';
import { busy, details, fill, make, text, textList } from '../dom';
import { confirmStep } from '../confirm';
import { panelSection, type Panel } from '../panel';
import { POLL_INTERVAL } from '../poll';
import { callServer } from '../server';
import { startInfo } from '../state';

const KINDS: [string, string][] = [['certificate', '荣誉证书'], ['form', '任期考核表']];

/** A link the page may show as a link: only https addresses; anything else stays text. */
export function safeLink(link: string, text: string): HTMLElement {
  if (/^https:\/\//i.test(link)) {
    const anchor = make('a', { target: '_blank', rel: 'noopener noreferrer' }, text);
    anchor.href = link;
    return anchor;
  }
  return make('span', {}, link ? `${text}（${link}）` : text);
}

/** What each document kind is called (the job stores the kind's id). */
const JOB_KIND_NAMES: Record<string, string> = { certificate: '荣誉证书', form: '任期考核表' };

/** Draws a pre-flight, a batch's result or a job's progress. */
export function drawDocuments(view: DocumentsView): HTMLElement {
  const box = make('div');
  if (view.message) box.append(make('p', {}, view.message));
  if (view.job) {
    const kind = JOB_KIND_NAMES[view.job.kind] ?? view.job.kind;
    box.append(make('p', { class: 'job' }, `进行中：${kind}，还剩 ${view.job.pending} 行（由 ${view.job.startedBy} 发起；每小时的定时任务接着生成）`));
    const bar = make('progress', { 'aria-label': '文档生成进度' });
    box.append(bar);
  }
  const result = view.result;
  if (!result) return box;
  if (result.mode === 'check') {
    box.append(make('h3', {}, '预检结果（未生成任何文件）'), details([
      ['模板占位符', result.placeholders.join('、') || '（无）'],
      ['无法识别的占位符', result.unknownPlaceholders.join('、')],
      ['将生成', `${result.pending} 行`],
    ]));
  } else {
    box.append(make('h3', {}, '生成结果'), details([
      ['模板占位符', result.placeholders.join('、') || '（无）'],
      ['无法识别的占位符', result.unknownPlaceholders.join('、')],
      ['已生成', String(result.created.length)],
      ['已有文件（跳过）', String(result.skipped.length)],
      ['待生成', String(result.pending)],
      ['是否完成', result.done ? '是' : '否'],
    ]));
  }
  if (result.missing.length > 0) {
    box.append(make('h4', {}, '缺少的值'));
    box.append(textList(result.missing.map((row) => `第${row.row}行 ${row.name}：${row.placeholders.join('、')}`), '', { 'aria-label': '缺少的值' }));
  }
  if (result.refused.length > 0) {
    box.append(make('h4', {}, '未生成'));
    box.append(textList(result.refused.map(refusedRowLine), '', { class: 'error', 'aria-label': '未生成' }));
  }
  if (result.created.length > 0) {
    box.append(make('h4', {}, '新生成的文件'));
    const list = make('ul', { 'aria-label': '新生成的文件' });
    for (const file of result.created) {
      const item = make('li', {}, `第${file.row}行 ${file.name}：`);
      item.append(safeLink(file.link, file.file));
      list.append(item);
    }
    box.append(list);
  }
  if (result.messages.length > 0) box.append(textList(result.messages, '', { 'aria-label': '说明' }));
  return box;
}

/** What a pre-flight found that generation would carry on with regardless ([] when nothing). */
export function preflightProblems(view: DocumentsView): string[] {
  const result = view.result;
  if (!result) return [];
  const problems: string[] = [];
  if (result.unknownPlaceholders.length > 0) problems.push(`无法识别的占位符：${result.unknownPlaceholders.join('、')}（生成时原样保留）`);
  for (const row of result.missing) problems.push(`第${row.row}行 ${row.name} 缺少：${row.placeholders.join('、')}`);
  for (const row of result.refused) problems.push(refusedRowLine(row));
  return problems;
}

/** The 证书与考核表 panel. */
export function documentsPanel(): Panel {
  const parts = panelSection('panel-documents', '证书与考核表');
  const refresh = make('button', { type: 'button', class: 'secondary', 'aria-label': '刷新证书与考核表' }, '刷新');
  parts.tools.append(refresh);
  const kinds = make('fieldset', { class: 'kinds' });
  kinds.append(make('legend', {}, '文档类型'));
  const radios = KINDS.map(([value, caption], index) => {
    const radio = make('input', { type: 'radio', name: 'document-kind', value, checked: index === 0 });
    const label = make('label', { class: 'inline' });
    label.append(radio, text(caption));
    kinds.append(label);
    return radio;
  });
  const check = make('button', { type: 'button' }, '预检');
  const generate = make('button', { type: 'button' }, '开始生成');
  const actions = make('div', { class: 'actions' });
  actions.append(check, generate);
  const confirmArea = make('div');
  const resultArea = make('div', { 'aria-live': 'polite' });
  const templatesArea = make('div', { class: 'templates' });
  parts.content.append(kinds, make('p', { class: 'hint' }, '预检只读取名单和模板，不生成文件。'), actions, confirmArea, resultArea, templatesArea);
  // The last pre-flight of each kind (a kind's generation asks again when it found problems).
  const checked = new Map<string, DocumentsView>();

  const kind = (): string => radios.find((radio) => radio.checked)?.value ?? 'certificate';
  const controls = [refresh, check, generate];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;

  const makeTemplates = make('button', { type: 'button' }, '初始化模板');
  makeTemplates.addEventListener('click', async () => {
    makeTemplates.disabled = true;
    const go = await confirmStep(confirmArea, {
      question: '初始化模板？',
      lines: ['将新建“荣誉证书模板”和“任期考核表模板”及存放文档的文件夹，并把它们写入“设置”表的证书模板、考核表模板和文档文件夹。'],
      yes: '确认初始化',
    });
    makeTemplates.disabled = false;
    if (!go) {
      makeTemplates.focus();
      return;
    }
    const made = await busy([makeTemplates, ...controls], parts.feedback, '正在新建模板…', () => callServer('sidebarCreateTemplates'));
    if (!made) return;
    checked.clear();
    // The pre-flight that said a template was missing no longer holds: its message goes.
    fill(resultArea);
    fill(templatesArea, make('p', { class: 'templates-made' }, made.message), safeLink(made.folder, '文件夹'));
  });
  const show = (view: DocumentsView): void => {
    fill(resultArea, drawDocuments(view));
    // A missing template or folder: the city may make the defaults here.
    if (!view.result && view.message.includes('初始化模板') && startInfo()?.user.city) fill(templatesArea, makeTemplates);
    else if (view.result) fill(templatesArea);
    if (view.job) watch();
  };
  const watch = (): void => {
    if (timer !== undefined || polling) return;
    timer = setTimeout(async () => {
      timer = undefined;
      if (document.visibilityState !== 'visible' || parts.section.hidden) {
        watch();
        return;
      }
      polling = true;
      try {
        const view = await callServer('sidebarDocumentProgress');
        parts.feedback.clearError();
        polling = false;
        show(view);
      } catch (error) {
        polling = false;
        parts.feedback.error(error);
      }
    }, POLL_INTERVAL);
  };
  const progress = async (): Promise<void> => {
    const view = await busy(controls, parts.feedback, '正在读取进度…', () => callServer('sidebarDocumentProgress'));
    if (view) show(view);
  };

  refresh.addEventListener('click', () => void progress());
  const preflight = async (chosen: string): Promise<DocumentsView | undefined> => {
    fill(confirmArea);
    const view = await busy(controls, parts.feedback, '正在预检…', () => callServer('sidebarDocuments', chosen, true));
    if (!view) return undefined;
    checked.set(chosen, view);
    show(view);
    return view;
  };
  check.addEventListener('click', () => void preflight(kind()));
  for (const radio of radios) radio.addEventListener('change', () => fill(confirmArea));
  generate.addEventListener('click', async () => {
    const chosen = kind();
    const label = KINDS.find(([value]) => value === chosen)?.[1] ?? chosen;
    const cached = checked.get(chosen);
    const before = cached?.result ? cached : await preflight(chosen);
    if (!before) return;
    if (!before.result) return; // the pre-flight's message says what is missing (a template, a folder)
    const problems = preflightProblems(before);
    if (problems.length > 0) {
      for (const control of controls) control.disabled = true;
      const go = await confirmStep(confirmArea, { question: `预检发现 ${problems.length} 个问题，仍然生成${label}？`, lines: problems, yes: '仍然生成' });
      for (const control of controls) control.disabled = false;
      if (!go) {
        generate.focus();
        return;
      }
    }
    checked.delete(chosen);
    const view = await busy(controls, parts.feedback, '正在生成，可能需要几分钟…', () => callServer('sidebarDocuments', chosen, false));
    if (view) show(view);
  });

  let loaded = false;
  return {
    id: 'panel-documents',
    name: '证书与考核表',
    section: parts.section,
    shown() {
      if (loaded) return;
      loaded = true;
      void progress();
    },
  };
}
