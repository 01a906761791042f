/**
 * Who may do which sidebar action, as data: the roles of 权限 each action needs. The server checks
 * this on every call that changes something (the page's buttons are only a hint); a blank or
 * unknown user, or a 权限 row whose role is blank or unknown, has no role and may do nothing.
 */
import { describeRoles, type Role } from '../workflow/roles';

/** The sidebar's actions that change something, besides moves (decided by the workflow table). */
export type SidebarAction = 'publicityList' | 'saveSetting' | 'reminders' | 'createTemplates' | 'checkAll';

/** The kinds of role each action accepts. */
export const ACTION_ROLES: Readonly<Record<SidebarAction, readonly Role['kind'][]>> = {
  publicityList: ['city'],
  saveSetting: ['city'],
  reminders: ['city', 'county'],
  createTemplates: ['city'],
  checkAll: ['city', 'county'],
};

/** How an action is named in a refusal. */
export const ACTION_NAMES: Readonly<Record<SidebarAction, string>> = {
  publicityList: '生成公示名单',
  saveSetting: '修改设置',
  reminders: '开启或关闭每日提醒',
  createTemplates: '初始化模板',
  checkAll: '校验全部资格',
};

const ROLE_WORDS: Readonly<Record<Role['kind'], string>> = { city: '市级', county: '县级审核人', school: '学校' };

/** Whether someone with these roles may take the action. */
export function mayDo(roles: readonly Role[], action: SidebarAction): boolean {
  return roles.some((role) => ACTION_ROLES[action].includes(role.kind));
}

/** Why the action is refused ('' when it may go). */
export function refusal(email: string, roles: readonly Role[], action: SidebarAction): string {
  if (mayDo(roles, action)) return '';
  const who = ACTION_ROLES[action].map((kind) => ROLE_WORDS[kind]).join('或');
  const has = roles.length === 0 ? '在“权限”表中没有有效的角色' : `的角色是${describeRoles(roles)}`;
  return `邮箱“${email}”${has}，只有${who}可以${ACTION_NAMES[action]}（本次没有做任何修改）`;
}

/**
 * The 权限 problems a caller may see: all of them for the city; for anyone else only those about
 * their own rows (naming their email) and those about the sheet itself (naming no email), so no
 * one learns other people's emails or roles from a refusal.
 */
export function visibleProblems(problems: readonly string[], email: string, city: boolean): string[] {
  if (city) return [...problems];
  const own = `邮箱“${email.trim().toLowerCase()}”`;
  return problems.filter((problem) => !problem.includes('邮箱“') || (email.trim() !== '' && problem.includes(own)));
}
