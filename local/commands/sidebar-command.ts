/**
 * `banzhuren sidebar`: the sidebar offline — serves dist/sidebar.html at http://127.0.0.1:PORT/
 * beside a read-only table of the nomination sheet, every google.script.run call running the
 * bundle on the workbook under its lock (local/sidebar/). Runs until Ctrl-C or SIGTERM, then
 * finishes the call in flight and its save, prints 已停止 and exits 0.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { shown } from './arguments';
import { loadWorkbookParts, UsageError, type Command } from './command';

const usage = 'sidebar <文件.xlsx> [--port 端口] [--as 邮箱] [--today 日期] [--open]';
const DEFAULT_PORT = 8080;

/** --port as a number from 0 to 65535. */
function portOf(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--port 应为 0 到 65535 的整数（0 表示自动选择空闲端口），收到“${shown(String(value))}”`);
  }
  return Number(value);
}

/** What --as may not hold: white space (CR/LF included), control and direction characters, and <>"'(),;:\[]. */
// eslint-disable-next-line no-control-regex
const NOT_IN_EMAIL = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>"'(),;:\\[\]]/u;

/** --as as an e-mail address (one @, something on both sides, nothing that could forge a line or a tag), else a usage error. */
function emailOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = value.split('@');
  if (parts.length !== 2 || parts.some((part) => part === '') || NOT_IN_EMAIL.test(value)) {
    throw new UsageError(`--as 应为一个邮箱地址（如 city@yuxi.edu.cn，不含空格、换行、控制字符或 <>），收到“${shown(value)}”`);
  }
  return value;
}

/** Opens `url` in the default browser; a failure is a warning on stderr. */
function openBrowser(url: string, warn: (line: string) => void): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const failed = (why: string) => warn(`提示：无法自动打开浏览器（${why}）；请手动打开 ${url}`);
  try {
    const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', (error: NodeJS.ErrnoException) => failed(error.code ?? error.message));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) failed(`${command as string} 退出码 ${code}`);
    });
    child.unref();
  } catch (error) {
    failed(error instanceof Error ? error.message : String(error));
  }
}

/** Resolves at the first SIGINT or SIGTERM (both kept handled until then, so neither kills the process). */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    const onSignal = (signal: NodeJS.Signals) => {
      for (const each of signals) process.removeListener(each, onSignal);
      // A second Ctrl-C while the last call saves is ignored rather than killing the save.
      for (const each of signals) process.on(each, () => undefined);
      resolve(signal);
    };
    for (const signal of signals) process.on(signal, onSignal);
  });
}

/** The sidebar command of the CLI. */
export const SIDEBAR_COMMANDS: Command[] = [
  {
    name: 'sidebar',
    usage,
    summary: '在浏览器中打开助手（侧边栏）：本机网页 http://127.0.0.1:端口/，左侧是推荐名单（点选行），右侧是与 Google 表格中相同的助手',
    details: [
      '只在本机（127.0.0.1）监听，其他电脑和其他网站都无法访问；按 Ctrl-C 停止（正在进行的操作会先保存完）。',
      '左侧表格只读：点击行即选中该行（Ctrl/⌘-点击多选，Shift-点击选一段，也可用 Tab 到某行后按 Enter 或空格）；',
      '右侧助手的每个操作都像 Google 表格中一样运行插件的程序：取得文件锁、读入文件、执行、有改动时保存。',
      '每次操作都重新读入文件，所以在 Excel/WPS 或其他 banzhuren 命令中保存的改动会在下一次操作时看到；',
      '请不要在 Excel/WPS 中打开文件的同时在这里操作，以免 Excel 保存时覆盖这里的改动。',
      '不给 --as 时，Google 不知道操作人是谁，推进状态、生成名单等操作都会被拒绝。',
    ],
    uses: ['today', 'as'],
    options: {
      port: { type: 'string', value: '端口', help: `监听的端口（默认 ${DEFAULT_PORT}；0 表示自动选择空闲端口）` },
      open: { type: 'boolean', help: '启动后用默认浏览器打开页面' },
    },
    examples: ['banzhuren sidebar 名单.xlsx --as city@yuxi.edu.cn', 'banzhuren sidebar 名单.xlsx --port 0 --as ht@yuxi.edu.cn --open'],
    async run(context) {
      const [path, ...extra] = context.positionals;
      if (!path || extra.length > 0) throw new UsageError(`参数个数不对。用法：banzhuren ${usage}`);
      const port = portOf(context.options.port);
      const as = emailOf(context.as);
      if (!existsSync(path)) throw new Error(`找不到文件：${path}`);
      const { WorkbookCalls, startSidebarServer } = await loadWorkbookParts();
      const calls = new WorkbookCalls({ path, today: context.today, as, counter: context.counter, print: context.err });
      await calls.checkOpens();
      const stopped = stopSignal();
      const server = await startSidebarServer({ port, calls });
      context.out(`本地页面：${server.url}`);
      context.out('按 Ctrl-C 停止');
      if (!as) context.err('提示：没有给出 --as 邮箱：Google 不会知道操作人是谁，推进状态等操作都会被拒绝；请加 --as 你的邮箱');
      if (context.options.open) openBrowser(server.url, context.err);
      await stopped;
      await server.stop();
      context.out('已停止');
      return 0;
    },
  },
];
