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
    options: { out: { type: 'string', value: '文件夹', help: '结果写入的文件夹（默认当前目录下的 out）' } },
    run: async (context) => (await import('../demo/season')).runDemo(context),
  },
];
