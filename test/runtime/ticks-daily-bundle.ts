/**
 * The small bundle of the tick and mail kill tests: an hourly trigger whose handler does a daily
 * job once a day from 08:00 in the spreadsheet's zone — one email (MailApp) and one row on 记录 —
 * and answers what it did, as whom; null on the other hours.
 */

export const DAILY = `
function install() { ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create(); }
function installOnce(ms) { ScriptApp.newTrigger('onHourlyTrigger').timeBased().after(ms).create(); }
function onHourlyTrigger(event) {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var zone = spreadsheet.getSpreadsheetTimeZone();
  var now = new Date();
  var hour = Number(Utilities.formatDate(now, zone, 'H'));
  var today = Utilities.formatDate(now, zone, 'yyyy-MM-dd');
  var properties = PropertiesService.getDocumentProperties();
  if (hour < 8 || properties.getProperty('done') === today) return null;
  properties.setProperty('done', today);
  var user = Session.getEffectiveUser().getEmail();
  var triggers = ScriptApp.getUserTriggers(spreadsheet).length;
  var mine = PropertiesService.getUserProperties().getProperty('mine');
  MailApp.sendEmail({ to: 'city@yx.cn', subject: '每日提醒 ' + today, body: user + ' 在 ' + hour + ' 点（' + event.timezone + ' ' + event.hour + '）', name: '班主任评选助手' });
  spreadsheet.getSheetByName('记录').appendRow(['日期 ' + today, hour, user]);
  return { date: today, hour: hour, user: user, triggers: triggers, mine: mine };
}
function remember() { PropertiesService.getUserProperties().setProperty('mine', Session.getEffectiveUser().getEmail()); }
`;
