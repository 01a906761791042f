/**
 * What the CLI checks in a --template .docx before the bundle opens it (issue 9, round 2): a
 * macro-enabled document or one whose parts uncompress past a sane size is refused; placeholders
 * in places replaceText never reaches (text boxes, footnotes, endnotes, comments, field codes,
 * embedded alternative-format parts) are listed, since they would stay `{{…}}` in every document.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** The most a template's parts may hold uncompressed, together (a real certificate template is well under 5 MB). */
export const MAXIMUM_TEMPLATE_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** The most parts a template may have. */
const MAXIMUM_TEMPLATE_PARTS = 2000;

/** What the inspection found: a reason to refuse the template, or placeholders that will not be replaced. */
export interface TemplateInspection {
  /** Why the template is refused (exit 2), when it is. */
  refusal?: string;
  /** One line per place holding placeholders that will stay as they are. */
  unreachable: string[];
}

/** Places replaceText does not reach, by where they are in a part: [label, pattern of the region]. */
const HIDDEN_REGIONS: [string, RegExp][] = [
  ['文本框', /<w:txbxContent\b[\s\S]*?<\/w:txbxContent>/gu],
  ['域代码', /<w:instrText\b[^>]*>[\s\S]*?<\/w:instrText>/gu],
];

/** Parts that are hidden from replaceText as a whole: [label, part name pattern]. */
const HIDDEN_PARTS: [string, RegExp][] = [
  ['脚注', /^word\/footnotes\.xml$/u],
  ['尾注', /^word\/endnotes\.xml$/u],
  ['批注', /^word\/comments[A-Za-z]*\.xml$/u],
];

/** The longest placeholder name quoted in a message before it is cut. */
const SHOWN_NAME_LENGTH = 30;

/** The placeholders in XML text (tags removed, so one split across runs is found), each as `{{name}}`; `{{` alone when none is whole. */
function placeholdersIn(xml: string): string[] {
  const text = xml.replace(/<[^>]*>/gu, '');
  if (!text.includes('{{')) return [];
  const names = [...text.matchAll(/\{\{([^{}]*)\}\}/gu)].map((match) => {
    const name = (match[1] ?? '').trim();
    return `{{${name.length > SHOWN_NAME_LENGTH ? `${name.slice(0, SHOWN_NAME_LENGTH)}…` : name}}}`;
  });
  return names.length > 0 ? [...new Set(names)] : ['{{'];
}

/** The uncompressed size JSZip read from the zip's central directory (before anything is inflated). */
function uncompressedSizeOf(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : 0;
}

/** Inspects the template at `path` (shown in messages as `shownPath`). */
export async function inspectTemplate(path: string, shownPath: string): Promise<TemplateInspection> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(readFileSync(path));
  } catch {
    // Not a zip: the bundle's own opening says what is wrong with it.
    return { unreachable: [] };
  }
  const files = Object.values(zip.files).filter((file) => !file.dir);
  if (files.length > MAXIMUM_TEMPLATE_PARTS) return { refusal: `模板 ${shownPath} 含有 ${files.length} 个部件，超过 ${MAXIMUM_TEMPLATE_PARTS} 个，不像一个 Word 文档，已拒绝`, unreachable: [] };
  const total = files.reduce((sum, file) => sum + uncompressedSizeOf(file), 0);
  if (total > MAXIMUM_TEMPLATE_UNCOMPRESSED_BYTES) {
    return { refusal: `模板 ${shownPath} 解压后超过 ${MAXIMUM_TEMPLATE_UNCOMPRESSED_BYTES / 1024 / 1024} MB，已拒绝（证书或考核表模板通常不到 5 MB；请去掉其中过大的图片或嵌入对象）`, unreachable: [] };
  }
  const contentTypes = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  if (files.some((file) => /vbaProject\.bin$/iu.test(file.name)) || /macroEnabled/iu.test(contentTypes)) {
    return { refusal: `模板 ${shownPath} 是启用宏的文档（含 VBA 宏），已拒绝：宏会被复制进每一份生成的文档。请在 Word 中另存为“Word 文档 (*.docx)”后再用`, unreachable: [] };
  }
  const found = new Map<string, Set<string>>();
  const note = (label: string, names: string[]) => {
    if (names.length === 0) return;
    const set = found.get(label) ?? new Set<string>();
    for (const name of names) set.add(name);
    found.set(label, set);
  };
  for (const file of files) {
    const name = file.name;
    if (!name.startsWith('word/')) continue;
    const hiddenPart = HIDDEN_PARTS.find(([, pattern]) => pattern.test(name));
    if (hiddenPart) {
      note(hiddenPart[0], placeholdersIn(await file.async('string')));
      continue;
    }
    if (/^word\/(document|header\d*|footer\d*)\.xml$/u.test(name)) {
      const xml = await file.async('string');
      for (const [label, pattern] of HIDDEN_REGIONS) for (const region of xml.match(pattern) ?? []) note(label, placeholdersIn(region));
      continue;
    }
    // An altChunk's part (HTML, MHT, RTF, another .docx …) is shown by Word but is no part of the body replaceText sees.
    if (!/\.(xml|rels|png|jpe?g|gif|bmp|emf|wmf|tiff?|svg|odttf|ttf|fntdata)$/iu.test(name)) {
      const bytes = await file.async('nodebuffer');
      note('嵌入的其他格式内容（altChunk）', placeholdersIn(bytes.toString('utf8')));
    }
  }
  const unreachable = [...found].map(([label, names]) => `模板的${label}中有 ${[...names].join('、')}，不会被替换：请移到正文、表格、页眉或页脚`);
  return { unreachable };
}
