/**
 * 初始化模板 (issue 9): the default 荣誉证书 (landscape) and 任期考核表 created as Google Docs with
 * DocumentApp.create from the data in src/domain/documents/templates.ts, moved into the add-on's
 * folder (created when none is given) — files the add-on made itself, so the drive.file scope is
 * enough (the folder and the move go through ./drive-files, the advanced Drive service) — and their
 * ids recorded in 设置 (证书模板, 考核表模板, 文档文件夹) with one 操作记录 line unless asked not to.
 */
import type { DocumentKind } from '../domain/documents/kinds';
import { A4_POINTS, defaultTemplates, type TemplateBlock, type TemplateContent } from '../domain/documents/templates';
import type { Preset } from '../domain/presets';
import { SETTING_KEYS, SHEET_NAMES } from '../domain/sheet-layouts';
import { appendLog } from './audit-log';
import { underDocumentLock } from './document-lock';
import { writeSettingValues } from './document-settings';
import { createFolder, folderById, moveFile } from './drive-files';

/** The folder 初始化模板 creates when none is given. */
export const DEFAULT_FOLDER_NAME = '班主任评选文档';

/** What was made. */
export interface CreatedTemplates {
  folderId: string;
  certificateTemplateId: string;
  formTemplateId: string;
  folderUrl: string;
}

/** Creates both default templates of the preset in the folder (a new one when none is given) and, unless `record` is false, records their ids in 设置 with one 操作记录 line naming `by`. */
export function createDefaultTemplates(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, options: { folderId?: string; record?: boolean; by?: string }, preset: Preset): CreatedTemplates {
  const folder = options.folderId === undefined ? createFolder(DEFAULT_FOLDER_NAME) : folderById(options.folderId);
  const ids = {} as Record<DocumentKind, string>;
  const templates = defaultTemplates(preset);
  for (const kind of ['certificate', 'form'] as const) ids[kind] = createTemplate(templates[kind], folder.id);
  const made: CreatedTemplates = { folderId: folder.id, certificateTemplateId: ids.certificate, formTemplateId: ids.form, folderUrl: folder.link };
  if (options.record !== false) {
    underDocumentLock(() => {
      writeSettingValues(spreadsheet, {
        [SETTING_KEYS.certificateTemplate]: made.certificateTemplateId,
        [SETTING_KEYS.formTemplate]: made.formTemplateId,
        [SETTING_KEYS.documentFolder]: made.folderId,
      });
      const note = `初始化模板：设置项“${SETTING_KEYS.certificateTemplate}”“${SETTING_KEYS.formTemplate}”“${SETTING_KEYS.documentFolder}”改为新建的模板和文件夹（${made.folderId}）`;
      appendLog(spreadsheet, [[new Date(), options.by ?? '', SHEET_NAMES.settings, '', '', '', '', note]]);
    });
  }
  return made;
}

/** One template: created, written block by block, saved, moved into the folder; its id. */
function createTemplate(content: TemplateContent, folderId: string): string {
  const document = DocumentApp.create(content.name);
  const body = document.getBody();
  if (content.landscape) {
    body.setPageWidth(A4_POINTS.long);
    body.setPageHeight(A4_POINTS.short);
  } else {
    body.setPageWidth(A4_POINTS.short);
    body.setPageHeight(A4_POINTS.long);
  }
  for (const margin of ['setMarginTop', 'setMarginBottom', 'setMarginLeft', 'setMarginRight'] as const) body[margin](56.7);
  // Blocks are inserted before the empty paragraph a new document starts with, which stays last
  // (Docs keeps a paragraph after a table at the end of the body anyway).
  content.blocks.forEach((block, index) => writeBlock(body, block, index));
  if (content.footer !== undefined) (document.getFooter() ?? document.addFooter()).appendParagraph(content.footer);
  const id = document.getId();
  document.saveAndClose();
  // The id after the move: Drive keeps it; offline an id is the file's path, which the move changes.
  return moveFile(id, folderId).id;
}

function writeBlock(body: GoogleAppsScript.Document.Body, block: TemplateBlock, index: number): void {
  if (block.type === 'table') {
    body.insertTable(index, block.rows);
    return;
  }
  const paragraph = body.insertParagraph(index, block.text);
  if (block.type === 'title') {
    paragraph.setHeading(DocumentApp.ParagraphHeading.TITLE);
    paragraph.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    return;
  }
  const align = { left: DocumentApp.HorizontalAlignment.LEFT, center: DocumentApp.HorizontalAlignment.CENTER, right: DocumentApp.HorizontalAlignment.RIGHT }[block.align ?? 'left'];
  paragraph.setAlignment(align);
  if (block.text === '') return;
  const text = paragraph.editAsText();
  if (block.bold) text.setBold(true);
  if (block.size !== undefined) text.setFontSize(block.size);
}
