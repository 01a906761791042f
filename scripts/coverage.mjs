// npm run coverage: how much of src/ and local/ the tests run, measured on both paths code takes.
//  1. in-process: Jest's own coverage (istanbul) of every file under src/ and local/ (jest.config.js:
//     collectCoverageFrom, with src/ and local/ among the roots), including the
//     files no test imports (they show 0 %). Unit tests import src/domain; runtime tests import local/.
//  2. the bundle as the runtime runs it: dist/Code.js inside node:vm and build/local/cli.js in every
//     `banzhuren` child process, recorded by V8 (NODE_V8_COVERAGE) and mapped back to src/ and local/
//     through source maps that `BANZHUREN_SOURCE_MAPS=1 npm run build` writes beside an unchanged
//     build. A source line counts as run when any code generated from it ran (the innermost V8 block
//     range around it has a count above 0); lines no code is generated from do not count.
// Prints one table per folder (src/domain, src/gas, src/addon, local) and writes the detail to
// coverage/. Extra arguments go to Jest (e.g. `npm run coverage -- test/cli`). Not part of npm test:
// it runs the suite twice.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'coverage');
const jestArgs = process.argv.slice(2);
const FOLDERS = ['src/domain', 'src/gas', 'src/addon', 'local'];

let failed = false;

/** Runs a command in the project root; a failure is reported, counted, and the figures still printed. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failed = true;
    console.error(`覆盖率：${command} ${args.join(' ')} 退出码 ${result.status}（继续统计已收集的数据）`);
  }
}

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

run(process.execPath, [join(root, 'scripts', 'build.mjs')], { BANZHUREN_SOURCE_MAPS: '1' });

// Path 1: Jest's in-process coverage of every source file.
run(process.execPath, [
  jest, '--coverage', '--coverageProvider=babel',
  '--coverageReporters=json', `--coverageDirectory=${join(out, 'in-process')}`, ...jestArgs,
]);

// Path 2: the same suite with V8 recording every process (Jest workers and `banzhuren` children).
const rawDir = join(out, 'v8-raw');
run(process.execPath, [jest, ...jestArgs], { NODE_V8_COVERAGE: rawDir });

/** Per file (path relative to the root): line number → whether it ran; only executable lines are present. */
const istanbulJson = JSON.parse(readFileSync(join(out, 'in-process', 'coverage-final.json'), 'utf8'));
const inProcess = linesOfIstanbul(istanbulJson);
const bundled = linesOfV8(rawDir, [
  { code: join(root, 'dist', 'Code.js'), map: join(root, 'build', 'coverage', 'Code.js.map'), urls: ['Code.js', 'dist/Code.js'] },
  { code: join(root, 'build', 'local', 'cli.js'), map: join(root, 'build', 'coverage', 'cli.js.map'), urls: ['build/local/cli.js'] },
]);
rmSync(rawDir, { recursive: true, force: true });
const combined = union(inProcess, bundled);

writeFileSync(join(out, 'lines.json'), JSON.stringify({ inProcess: toJson(inProcess), bundle: toJson(bundled), combined: toJson(combined) }, null, 1));
printTable(inProcess, bundled, combined);
if (failed) process.exitCode = 1;

/** Line coverage out of istanbul's JSON: a line is executable when a statement starts on it. */
function linesOfIstanbul(json) {
  const files = new Map();
  for (const [path, file] of Object.entries(json)) {
    const lines = new Map();
    for (const [id, location] of Object.entries(file.statementMap)) {
      const line = location.start.line;
      lines.set(line, (lines.get(line) ?? false) || file.s[id] > 0);
    }
    files.set(relative(root, path).split(sep).join('/'), lines);
  }
  return files;
}

/** Decodes a source map's mappings: per generated line, [column, source, original line (0-based)] segments. */
function decodeMappings(mappings) {
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = [];
  let source = 0;
  let originalLine = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        originalLine += fields[2]; // fields[3] (original column) and fields[4] (name) are not needed
        segments.push([column, source, originalLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * Line coverage of generated scripts out of NODE_V8_COVERAGE files: each source-map segment takes
 * the count of the innermost V8 range around it; a source line ran when any of its segments did.
 */
function linesOfV8(dir, scripts) {
  const files = new Map();
  const prepared = scripts.map((script) => {
    const code = readFileSync(script.code, 'utf8');
    const map = JSON.parse(readFileSync(script.map, 'utf8'));
    const lineStarts = [0];
    for (let index = 0; index < code.length; index += 1) if (code.charCodeAt(index) === 10) lineStarts.push(index + 1);
    const segments = [];
    decodeMappings(map.mappings).forEach((line, lineIndex) => {
      for (const [column, source, originalLine] of line) segments.push({ offset: lineStarts[lineIndex] + column, source, line: originalLine + 1 });
    });
    segments.sort((a, b) => a.offset - b.offset);
    const sources = map.sources.map((path) => relative(root, path).split(sep).join('/'));
    const wanted = sources.map((path) => /^(src|local)\/.*\.ts$/.test(path));
    for (const segment of segments) {
      if (!wanted[segment.source]) continue;
      const lines = files.get(sources[segment.source]) ?? new Map();
      files.set(sources[segment.source], lines);
      if (!lines.has(segment.line)) lines.set(segment.line, false);
    }
    return { ...script, length: code.length, segments, sources, wanted };
  });
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const { result } = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    for (const scriptCov of result) {
      const script = prepared.find(
        (candidate) =>
          candidate.urls.some((url) => scriptCov.url === url || scriptCov.url.endsWith(`/${url}`)) &&
          scriptCov.functions[0]?.ranges[0]?.endOffset === candidate.length,
      );
      if (!script) continue;
      const ranges = scriptCov.functions.flatMap((fn) => fn.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
      const open = [];
      let next = 0;
      for (const segment of script.segments) {
        while (next < ranges.length && ranges[next].startOffset <= segment.offset) {
          while (open.length > 0 && open[open.length - 1].endOffset <= ranges[next].startOffset) open.pop();
          open.push(ranges[next]);
          next += 1;
        }
        while (open.length > 0 && open[open.length - 1].endOffset <= segment.offset) open.pop();
        if (!script.wanted[segment.source] || open.length === 0 || open[open.length - 1].count === 0) continue;
        files.get(script.sources[segment.source]).set(segment.line, true);
      }
    }
  }
  return files;
}

/**
 * Both measures together: a file in the bundle keeps the bundle's executable lines, and a line
 * counts as run when either measure ran it; a file only Jest saw keeps Jest's lines.
 */
function union(jestLines, bundleLines) {
  const files = new Map();
  for (const [path, lines] of jestLines) if (!bundleLines.has(path)) files.set(path, new Map(lines));
  for (const [path, lines] of bundleLines) {
    const merged = new Map(lines);
    for (const [line, ran] of jestLines.get(path) ?? []) if (ran && merged.has(line)) merged.set(line, true);
    files.set(path, merged);
  }
  return files;
}

/** { file: { lines, covered, notRun: [line numbers] } } for coverage/lines.json. */
function toJson(files) {
  return Object.fromEntries(
    [...files].sort().map(([path, lines]) => {
      const notRun = [...lines].filter(([, ran]) => !ran).map(([line]) => line).sort((a, b) => a - b);
      return [path, { lines: lines.size, covered: lines.size - notRun.length, notRun }];
    }),
  );
}

/** Statements, branches and functions of Jest's istanbul JSON under a folder, as percentages. */
function istanbulTotals(json, folder) {
  const sum = { statements: [0, 0], branches: [0, 0], functions: [0, 0] };
  for (const [path, file] of Object.entries(json)) {
    if (!relative(root, path).split(sep).join('/').startsWith(`${folder}/`)) continue;
    for (const count of Object.values(file.s)) sum.statements = [sum.statements[0] + (count > 0 ? 1 : 0), sum.statements[1] + 1];
    for (const counts of Object.values(file.b)) for (const count of counts) sum.branches = [sum.branches[0] + (count > 0 ? 1 : 0), sum.branches[1] + 1];
    for (const count of Object.values(file.f)) sum.functions = [sum.functions[0] + (count > 0 ? 1 : 0), sum.functions[1] + 1];
  }
  const percent = ([covered, total]) => (total === 0 ? '—' : `${((covered / total) * 100).toFixed(1)} %`);
  return [percent(sum.statements), percent(sum.branches), percent(sum.functions)];
}

/** Covered and executable lines under a folder. */
function totals(files, folder) {
  let lines = 0;
  let covered = 0;
  for (const [path, fileLines] of files) {
    if (!path.startsWith(`${folder}/`)) continue;
    lines += fileLines.size;
    covered += [...fileLines.values()].filter(Boolean).length;
  }
  return { lines, covered, text: lines === 0 ? '—' : `${((covered / lines) * 100).toFixed(1)} %（${covered}/${lines}）` };
}

function printTable(first, second, both) {
  const rows = [['目录', '① 进程内（Jest）', '② 产物（dist/Code.js、cli.js）', '合计（①或②）']];
  for (const folder of [...FOLDERS, 'src']) rows.push([folder, totals(first, folder).text, totals(second, folder).text, totals(both, folder).text]);
  console.log('\n行覆盖率（可执行行中被测试运行到的比例；明细见 coverage/lines.json）');
  console.log(`| ${rows[0].join(' | ')} |`);
  console.log(`| ${rows[0].map(() => '---').join(' | ')} |`);
  for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`);
  console.log('\n① 进程内（Jest，istanbul）的语句、分支、函数覆盖率');
  console.log('| 目录 | 语句 | 分支 | 函数 |');
  console.log('| --- | --- | --- | --- |');
  for (const folder of [...FOLDERS, 'src']) console.log(`| ${folder} | ${istanbulTotals(istanbulJson, folder).join(' | ')} |`);
}
