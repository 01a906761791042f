/**
 * Protects the add-on's own records from hand edits (初始化表格): 权限 (who may do what) and 设置
 * (the certificate pattern, the review date) are editable by the spreadsheet's owner only; 操作记录
 * by the owner and the accounts listed in 权限, because every move appends to it as the official
 * who makes it and an add-on acts with that user's own rights. Google's documented pattern: add
 * the effective user, remove every other editor (the owner and the current user can never be
 * removed), and turn off domain-wide editing where the domain allows it. Running it again changes
 * nothing unless 权限 changed.
 */
import { DEFAULT_PRESET } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { readPermissions } from '../domain/workflow/roles';
import { readCells } from './spreadsheet';

/** The start of the protection's description, which marks it as the add-on's. */
export const SHEET_PROTECTION_PREFIX = '班主任评选助手：';

/** The sheets protected, and whether the accounts of 权限 may also edit. */
const PROTECTED_SHEETS: readonly { name: string; permissionsMayEdit: boolean; whoText: string }[] = [
  { name: SHEET_NAMES.permissions, permissionsMayEdit: false, whoText: '仅表格所有者可编辑' },
  { name: SHEET_NAMES.log, permissionsMayEdit: true, whoText: '仅表格所有者和“权限”表中的账号可编辑（用于追加操作记录）' },
  { name: SHEET_NAMES.settings, permissionsMayEdit: false, whoText: '仅表格所有者可编辑' },
];

/** Protects 权限, 操作记录 and 设置; returns what changed, per sheet name. */
export function protectAddOnSheets(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  const permissionsSheet = spreadsheet.getSheetByName(SHEET_NAMES.permissions);
  const permissions = permissionsSheet ? readPermissions(readCells(permissionsSheet, spreadsheet.getSpreadsheetTimeZone()), DEFAULT_PRESET) : undefined;
  const officials = [...(permissions?.byEmail.keys() ?? [])].sort();
  for (const entry of PROTECTED_SHEETS) {
    const sheet = spreadsheet.getSheetByName(entry.name);
    if (!sheet) continue;
    const wanted = entry.permissionsMayEdit ? officials : [];
    const sheetChanges = protectSheet(sheet, wanted, entry.whoText);
    if (sheetChanges.length > 0) changes.set(entry.name, sheetChanges);
  }
  return changes;
}

/** Protects one sheet so that only the owner, the current user and `editors` may edit it. */
function protectSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, editors: string[], whoText: string): string[] {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find((protection) => protection.getDescription().startsWith(SHEET_PROTECTION_PREFIX));
  const protection = existing ?? sheet.protect().setDescription(`${SHEET_PROTECTION_PREFIX}${whoText}`);
  const before = emailsOf(protection.getEditors());
  if (!existing) {
    protection.setWarningOnly(false);
    protection.addEditor(Session.getEffectiveUser());
  }
  const current = existing ? before : emailsOf(protection.getEditors());
  const me = Session.getEffectiveUser().getEmail().trim().toLowerCase();
  const extra = current.filter((email) => email !== me && !editors.includes(email));
  if (extra.length > 0) protection.removeEditors(extra);
  const missing = editors.filter((email) => !current.includes(email));
  if (missing.length > 0) protection.addEditors(missing);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  if (!existing) return [`设为受保护：${whoText}`];
  const after = emailsOf(protection.getEditors());
  const added = after.filter((email) => !before.includes(email));
  const removed = before.filter((email) => !after.includes(email));
  return [
    ...(added.length > 0 ? [`可编辑账号新增：${added.join('、')}`] : []),
    ...(removed.length > 0 ? [`可编辑账号移除：${removed.join('、')}`] : []),
  ];
}

/** The emails of some users, lower-cased, without blanks. */
function emailsOf(users: GoogleAppsScript.Base.User[]): string[] {
  return users.map((user) => user.getEmail().trim().toLowerCase()).filter((email) => email !== '');
}
