/**
 * The two kinds of document the add-on makes from templates (SPEC §7): the 荣誉证书 of an awarded
 * teacher and the 任期考核表 at the end of a term. Each kind as data: its name, the output column
 * its link goes to, the 设置 rows of its template and file name, and its default file name.
 */

/** Which document: a certificate (荣誉证书) or a term assessment form (任期考核表). */
export type DocumentKind = 'certificate' | 'form';

/** The file name pattern of each kind when 设置 has none ({列名} takes the row's value). */
export const DEFAULT_FILE_NAME_PATTERNS: Readonly<Record<DocumentKind, string>> = {
  certificate: '{证书编号}-{姓名}-荣誉证书',
  form: '{姓名}-任期考核表',
};

/** Documents a consumer Google account may create a day (Workspace: 1,500). */
export const DEFAULT_DAILY_DOCUMENT_QUOTA = 250;

/** A kind's fixed facts. */
export interface DocumentKindInfo {
  kind: DocumentKind;
  /** Its name as officials say it. */
  label: '荣誉证书' | '任期考核表';
  /** The output column of 推荐名单 its link (Google) or relative path (offline) goes to. */
  linkColumn: '证书链接' | '考核表链接';
  /** The 设置 row holding its template's file id. */
  templateSetting: '证书模板' | '考核表模板';
  /** The 设置 row holding its file name pattern. */
  fileNameSetting: '证书文件名' | '考核表文件名';
}

/** Every kind's facts. */
export const DOCUMENT_KINDS: Readonly<Record<DocumentKind, DocumentKindInfo>> = {
  certificate: { kind: 'certificate', label: '荣誉证书', linkColumn: '证书链接', templateSetting: '证书模板', fileNameSetting: '证书文件名' },
  form: { kind: 'form', label: '任期考核表', linkColumn: '考核表链接', templateSetting: '考核表模板', fileNameSetting: '考核表文件名' },
};
