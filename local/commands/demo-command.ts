/**
 * `banzhuren demo`: a whole sample season in one command. The work lives in local/demo/ and is
 * loaded only when the command runs, so other commands start without it.
 */
import type { Command } from './command';

const demoUsage = 'demo [--out 文件夹]';

export const DEMO_COMMANDS: Command[] = [
  {
    name: 'demo',
    usage: demoUsage,
    summary: '生成约 300 名虚构候选人的示例名单，走完一整轮评选（校验、初审、评审、公示、认定、证书、履职、工作室、统计、30 天提醒），结果写入 out/ 并生成 report.html',
    details: [
      '不需要 Google 账号：用与 Google 表格中相同的插件程序（dist/Code.js）在本机模拟时钟上走完 2024 年度的一整轮评选，每个阶段在标准错误输出一行进度。',
      '示例名单：9 个县（市、区）和市直学校、全部学段和两种申报类别，姓名、学校、身份证号、联系电话都是虚构的（身份证号校验位正确）；',
      '  其中有真实表格常见的错误：表头上方的合并标题行、写成文字的日期、用“是”代替“符合”、身份证号校验位错误、县（市、区）留空，以及确实不符合条件的行。',
      '各阶段：初始化表格（2024-09-02）→ 校验全部资格 → 各县初审（按“权限”表以各县账号操作，退回的行写明理由）→ 市级评审 →',
      '  公示（2024-09-27 起 5 个工作日，跨国庆至 2024-10-09）→ 认定（证书编号）→ 荣誉证书 → 履职记录 → 工作室 → 统计 →',
      '  每日提醒 30 天（2024-12-21 起，邮件写入发件箱）→ 任期考核表（2027-08-16，任期将满）。',
      '写入 --out 文件夹：评选名单.xlsx（整轮之后的工作簿）、公示名单.xlsx（不含身份证号、联系电话）、文档/（荣誉证书、任期考核表 .docx）、',
      '  发件箱/（提醒邮件 .eml）、report.html（图表报告，浏览器直接打开，不联网）、report-data.json（报告所用数据）和标记文件 .banzhuren-demo；',
      '  此外 文档/荣誉证书/ 和 文档/任期考核表/ 中各有一个隐藏的 .banzhuren-properties.json（本机模拟的云端硬盘文件属性，含姓名，不含身份证号和电话），',
      '  运行期间另有锁文件 .banzhuren-demo.lock 和 评选名单.xlsx.lock（结束或按 Ctrl+C 时删除）。提醒邮件中的表格链接是本机文件地址（含文件夹路径），转发前请留意。',
      '再次运行：有 .banzhuren-demo 标记的文件夹中，只删除上面这些由 demo 写入的文件再重写；文件夹中还有其他文件或子文件夹时拒绝运行（退出码 2）并列出它们，不删除任何东西。',
      '文件夹不是空的又没有这个标记、标记不是 demo 写下的文件、--out 是符号链接、或另一个 demo 正在写入同一文件夹时，同样拒绝运行（退出码 2），不改动其中任何文件。',
      '第 2 阶段在“设置”表的评审基准日填入 2024-09-03（审查当天），之后再用 banzhuren check 审查这个工作簿，结论与演示相同。',
    ],
    options: { out: { type: 'string', value: '文件夹', help: '结果写入的文件夹（默认当前目录下的 out）' } },
    examples: ['npm run demo', 'banzhuren demo', 'banzhuren demo --out 演示结果'],
    run: async (context) => (await import('../demo/season')).runDemo(context),
  },
];
