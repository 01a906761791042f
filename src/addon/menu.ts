/**
 * The add-on's menu and sidebar: what onOpen/onInstall show, and the sidebar page. Menu items are
 * data; each names a global function of the bundle.
 */
import { showSidebarPage, addAddonMenu, type MenuItem } from '../gas/ui';

/** The add-on menu, in order. */
export const MENU_ITEMS: MenuItem[] = [
  { label: '初始化表格', functionName: 'initializeSpreadsheet' },
  { label: '校验全部资格', functionName: 'checkAllEligibility' },
  { label: '推进所选行…', functionName: 'advanceSelectedRows' },
  { label: '记录任期考核结果…', functionName: 'recordTermResultsForSelectedRows' },
  { label: '生成公示名单', functionName: 'makePublicityList' },
  { label: '生成履职情况', functionName: 'makeDutyReport' },
  { label: '检查工作室', functionName: 'checkAllStudios' },
  { label: '生成统计', functionName: 'makeStatistics' },
  { label: '初始化模板', functionName: 'createTemplates' },
  { label: '生成证书', functionName: 'generateCertificates' },
  { label: '生成考核表', functionName: 'generateForms' },
  { label: '开启每日提醒', functionName: 'turnOnDailyReminders' },
  { label: '关闭每日提醒', functionName: 'turnOffDailyReminders' },
  { label: '预览提醒', functionName: 'previewReminders' },
  { label: '打开助手', functionName: 'showSidebar' },
];

/** Apps Script simple trigger: adds the menu when the spreadsheet opens. */
export function onOpen(): void {
  addAddonMenu(MENU_ITEMS);
}

/** Apps Script simple trigger: adds the menu right after the add-on is installed. */
export function onInstall(): void {
  onOpen();
}

/** Opens the sidebar (菜单：打开助手). */
export function showSidebar(): void {
  showSidebarPage('sidebar', '班主任评选助手');
}
