/**
 * Chart.js for the report page, read from node_modules when the page is drawn: its UMD build
 * (dist/chart.umd.js, license comment kept) as text ready to inline. The package's exports map
 * does not list dist/chart.umd.js, so the file is found next to the entry `require('chart.js')`
 * resolves to (dist/chart.cjs); this works from the sources under jest and from build/local/cli.js,
 * where esbuild leaves packages external.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { scriptForInline } from './report-escape';

let cached: { source: string; version: string } | undefined;

/** The path of Chart.js's UMD build in node_modules. */
export function chartLibraryPath(): string {
  const load = createRequire(__filename);
  return join(dirname(load.resolve('chart.js')), 'chart.umd.js');
}

/** Chart.js's UMD source, safe to put inside a <script> element, and its version. */
export function chartLibrary(): { source: string; version: string } {
  if (cached) return cached;
  const path = chartLibraryPath();
  const raw = readFileSync(path, 'utf8');
  const version = raw.match(/Chart\.js v(\d+\.\d+\.\d+)/)?.[1];
  if (!version || !raw.includes('Released under the MIT License')) throw new Error(`${path} 不像 Chart.js 的 UMD 文件（没有版本或许可说明）`);
  cached = { source: scriptForInline(raw), version };
  return cached;
}
