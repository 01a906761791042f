/**
 * The server's own role check for actions that change the workbook outside the review workflow
 * (生成公示名单 and 校验全部资格 from the menu or the sidebar; 修改设置, 每日提醒, 初始化模板 from the sidebar): the caller's email
 * from Google, their roles from 权限, refused in Chinese unless the action's roles include one of
 * them. The page's buttons are only a hint; every call checks again here.
 */
import { DEFAULT_PRESET } from '../domain/presets';
import { refusal, type SidebarAction } from '../domain/sidebar/permissions';
import { readPermissions, rolesOf, type Role } from '../domain/workflow/roles';
import { requireActiveUserEmail } from '../gas/session';
import { permissionCells } from '../gas/workflow-sheet';

/** The caller may not take the action (their roles in 权限 do not allow it): nothing was changed. */
export class RoleRefusedError extends Error {
  override name = 'RoleRefusedError';
}

/** The caller's email and roles, or RoleRefusedError unless 权限 lets them take the action (UnknownUserError when Google names nobody). */
export function requireAction(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, action: SidebarAction): { email: string; roles: Role[] } {
  const email = requireActiveUserEmail();
  const permissions = readPermissions(permissionCells(spreadsheet, spreadsheet.getSpreadsheetTimeZone()), DEFAULT_PRESET);
  const roles = rolesOf(permissions, email);
  const refused = refusal(email, roles, action);
  if (refused !== '') throw new RoleRefusedError(refused);
  return { email, roles };
}
