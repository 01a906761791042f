/**
 * The one typed promise wrapper between the sidebar and the server: `callServer('name', …args)`
 * returns a promise of what the server function returns, with names and types taken from
 * src/addon/sidebar-api.ts. A missing function fails loudly instead of hanging.
 */
import type * as SidebarApi from '../src/addon/sidebar-api';

type ServerFunctions = {
  [Name in keyof typeof SidebarApi as (typeof SidebarApi)[Name] extends (...args: never[]) => unknown ? Name : never]: (typeof SidebarApi)[Name];
};

type Runner = Record<string, (...args: unknown[]) => void> & {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
};

declare const google: { script: { run: Runner } } | undefined;

/** Calls a server function of the sidebar API and resolves with its JSON-safe result. */
export function callServer<Name extends keyof ServerFunctions>(
  name: Name,
  ...args: Parameters<ServerFunctions[Name]>
): Promise<ReturnType<ServerFunctions[Name]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error('不在 Google 表格中运行：找不到 google.script.run'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[Name]>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const call = runner[name];
    if (typeof call !== 'function') {
      reject(new Error(`服务器端没有函数 ${String(name)}：请重新部署插件`));
      return;
    }
    call.apply(runner, args);
  });
}
