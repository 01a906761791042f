#!/usr/bin/env node
// The `banzhuren` command: the offline runtime's CLI, built into build/local/cli.js by npm run build.
let cli;
try {
  cli = require('../build/local/cli.js');
} catch (error) {
  if (error && error.code !== 'MODULE_NOT_FOUND') throw error;
  console.error('banzhuren：尚未构建，请先在项目目录运行 npm install 或 npm run build');
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // A connection left open by a peer that never finishes (an SMTP server trickling its replies past
  // the delivery's deadline) must not keep a finished command alive: a daily cron job would pile up.
  // The timer is unref'd, so a command with nothing left open ends at once, as before.
  globalThis.setTimeout(() => process.exit(code), 1000).unref();
});
