/**
 * Who may do what (SPEC §4): the 权限 sheet maps an email to 市级, a county's name or 学校. The city
 * makes city moves; a county makes county moves on its own rows only; a school makes none (it
 * only enters rows); anyone not in 权限 can do nothing. A role is 市级, 学校 (or a spelling listed
 * below), a county's full name or its unambiguous short name (红塔区 or 红塔, see countyShortNames);
 * a blank or unknown role grants nothing and is reported as a problem naming the 权限 row.
 */
import { foldSpelling, spellingMap } from '../nomination/fields';
import type { Preset } from '../presets';
import type { Actor } from './states';

/** One role an email holds. */
export type Role = { kind: 'city' } | { kind: 'county'; county: string } | { kind: 'school'; school: string };

/** The roles of each email (lower-cased), and rows of 权限 that could not be read. */
export interface Permissions {
  byEmail: Map<string, Role[]>;
  /** Emails written in 权限 whose rows grant nothing (blank or unknown role), lower-cased. */
  withoutRole: Set<string>;
  problems: string[];
}

const CITY_WORDS = new Set(['市级', '市', '市教育体育局', '市教体局']);
const SCHOOL_WORDS = new Set(['学校', '校级']);

/** Reads the 权限 sheet's rows (header row first: 邮箱, 角色, 学校 — found by header text). */
export function readPermissions(rows: readonly (readonly unknown[])[], preset: Preset): Permissions {
  const byEmail = new Map<string, Role[]>();
  const withoutRole = new Set<string>();
  const problems: string[] = [];
  const header = (rows[0] ?? []).map((cell) => String(cell ?? '').trim());
  const emailColumn = header.indexOf('邮箱');
  const roleColumn = header.indexOf('角色');
  const schoolColumn = header.indexOf('学校');
  if (emailColumn < 0 || roleColumn < 0) {
    problems.push('“权限”表缺少“邮箱”或“角色”列：请运行“初始化表格”');
    return { byEmail, withoutRole, problems };
  }
  rows.slice(1).forEach((row, index) => {
    const email = String(row[emailColumn] ?? '').trim().toLowerCase();
    const roleText = String(row[roleColumn] ?? '').normalize('NFKC').trim();
    if (email === '' && roleText === '') return;
    const where = `权限第${index + 2}行`;
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      problems.push(`${where}：邮箱“${email}”无效`);
      return;
    }
    if (roleText === '') {
      problems.push(`${where}：邮箱“${email}”的角色未填写，该邮箱没有任何权限；应填 市级、${preset.counties.join('、')} 或 学校`);
      withoutRole.add(email);
      return;
    }
    const role = roleOf(roleText, String(row[schoolColumn] ?? '').trim(), preset);
    if (!role) {
      problems.push(`${where}：邮箱“${email}”的角色“${roleText}”无法识别，该邮箱没有任何权限；应填 市级、${preset.counties.join('、')} 或 学校`);
      withoutRole.add(email);
      return;
    }
    byEmail.set(email, [...(byEmail.get(email) ?? []), role]);
  });
  return { byEmail, withoutRole, problems };
}

function roleOf(text: string, school: string, preset: Preset): Role | null {
  if (CITY_WORDS.has(text)) return { kind: 'city' };
  if (SCHOOL_WORDS.has(text)) return { kind: 'school', school };
  // A county's full name or its unambiguous short name (fields.ts), never a prefix: a blank or 红
  // must never make someone a county's reviewer.
  const county = spellingMap('county', preset).get(foldSpelling(text));
  return county !== undefined && preset.counties.includes(county) ? { kind: 'county', county } : null;
}

/** Whether an email is written in 权限 only on rows that grant nothing (blank or unknown role). */
export function listedWithoutRole(permissions: Permissions, email: string): boolean {
  const key = email.trim().toLowerCase();
  return permissions.withoutRole.has(key) && !permissions.byEmail.has(key);
}

/** The roles of an email, or [] when it is not in 权限. */
export function rolesOf(permissions: Permissions, email: string): Role[] {
  return permissions.byEmail.get(email.trim().toLowerCase()) ?? [];
}

/** Whether someone with these roles may make a move of this actor on a row of this county ('' = none). */
export function mayAct(roles: readonly Role[], actor: Actor, rowCounty: string): boolean {
  if (actor === 'city') return roles.some((role) => role.kind === 'city');
  if (actor === 'county') return rowCounty !== '' && roles.some((role) => role.kind === 'county' && role.county === rowCounty);
  return false;
}

/** How a role is written in messages and the log. */
export function describeRoles(roles: readonly Role[]): string {
  return roles.map((role) => (role.kind === 'city' ? '市级' : role.kind === 'county' ? role.county : `学校（${role.school || '未填学校'}）`)).join('、');
}

/** Why someone with no role in 权限 can do nothing (listed only on rows whose 角色 is blank or unknown, or not at all). */
export function noRoleMessage(email: string, listedWithoutRole: boolean): string {
  if (listedWithoutRole) return `邮箱“${email}”在“权限”表中的角色未填写或无法识别，没有任何权限，不能执行任何操作`;
  return `邮箱“${email || '（未登录）'}”不在“权限”表中，不能执行任何操作`;
}
