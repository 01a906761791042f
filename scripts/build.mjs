// Builds what `clasp push` sends to Google and what the offline runtime loads:
//   dist/Code.js          one esbuild IIFE of src/main.ts, preceded by a real top-level
//                         `function NAME(params)` with its JSDoc for every export of src/main.ts
//   dist/appsscript.json  the manifest (V8, Asia/Shanghai, least-privilege scopes)
//   dist/sidebar.html     the sidebar, its script and style inlined
//   build/local/cli.js    the offline runtime and the `banzhuren` command (Node only, not pushed)
// With BANZHUREN_SOURCE_MAPS=1 (npm run coverage) it also writes build/coverage/Code.js.map and
// build/coverage/cli.js.map, source maps of those two files back to src/ and local/; the built
// files themselves are byte for byte the same as without it.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundleGlobal = '__banzhuren';
const sizeLimit = 280 * 1024;
const sourceMaps = process.env.BANZHUREN_SOURCE_MAPS === '1';
const mapDir = join(root, 'build/coverage');

/** Each export of src/main.ts with its parameters and JSDoc, read with the TypeScript compiler. */
function readEntryPoints() {
  const mainFile = join(root, 'src/main.ts');
  const program = ts.createProgram([mainFile], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(mainFile));
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!declaration) throw new Error(`src/main.ts exports ${exported.name}, which is not a function declaration`);
    const source = declaration.getSourceFile().text;
    const comments = ts.getLeadingCommentRanges(source, declaration.getFullStart()) ?? [];
    const docComment = comments.map((range) => source.slice(range.pos, range.end)).filter((text) => text.startsWith('/**')).pop();
    const parameters = declaration.parameters.map((parameter) => parameter.name.getText());
    return { name: exported.name, parameters, docComment };
  });
}

/** The top-level functions Apps Script sees, each calling into the bundle. */
function globalFunctions(entryPoints) {
  return entryPoints
    .map(({ name, parameters, docComment }) => {
      const doc = docComment ? `${docComment}\n` : '';
      return `${doc}function ${name}(${parameters.join(', ')}) {\n  return ${bundleGlobal}.${name}.apply(this, arguments);\n}\n`;
    })
    .join('\n');
}

async function buildAppsScript() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: bundleGlobal,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    minify: true,
    legalComments: 'none',
    write: false,
    ...(sourceMaps ? { sourcemap: 'external', outfile: join(root, 'dist/Code.js') } : {}),
  });
  const entryPoints = readEntryPoints();
  const header = '// 班主任评选助手 — built by `npm run build` from src/; do not edit.\n\n';
  const prefix = header + globalFunctions(entryPoints) + '\n';
  const bundled = result.outputFiles.find((file) => !file.path.endsWith('.map'));
  const code = prefix + bundled.text;
  if (sourceMaps) writeShiftedMap(result.outputFiles.find((file) => file.path.endsWith('.map')).text, prefix, join(mapDir, 'Code.js.map'), join(root, 'dist'));
  const size = Buffer.byteLength(code);
  if (size > sizeLimit) throw new Error(`dist/Code.js is ${size} bytes, over the ${sizeLimit}-byte budget`);
  writeFileSync(join(root, 'dist/Code.js'), code);
  copyFileSync(join(root, 'appsscript.json'), join(root, 'dist/appsscript.json'));
  return { size, globals: entryPoints.map((entry) => entry.name) };
}

/** Writes an esbuild map (sources relative to `from`) with absolute sources, its lines moved down past `prefix`. */
function writeShiftedMap(mapText, prefix, path, from) {
  const map = JSON.parse(mapText);
  const lines = prefix.split('\n').length - 1;
  map.mappings = ';'.repeat(lines) + map.mappings;
  map.sources = map.sources.map((source) => join(from, source));
  delete map.sourcesContent;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(map));
}

/** The largest dist/sidebar.html HtmlService should serve (issue 11: one inlined page, ≤ 150 KB). */
const sidebarLimit = 150 * 1024;
/** An address outside the page: http(s)://…, a protocol-relative src/href/url(//…), or an @import. */
const externalReference = /\bhttps?:\/\/|\b(?:src|href|action|srcset)\s*=\s*["']?\s*\/\/|url\(\s*["']?\s*\/\/|@import/i;

/** dist/sidebar.html: sidebar/index.html with its style and bundled script inlined; fails when too big or not self-contained. */
async function buildSidebar() {
  const script = await build({ entryPoints: [join(root, 'sidebar/main.ts')], bundle: true, format: 'iife', target: 'es2019', charset: 'utf8', minify: true, legalComments: 'none', write: false });
  const style = readFileSync(join(root, 'sidebar/style.css'), 'utf8');
  const page = readFileSync(join(root, 'sidebar/index.html'), 'utf8')
    .replace('<!-- style -->', () => `<style>\n${style}</style>`)
    .replace('<!-- script -->', () => `<script>\n${script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}</script>`);
  const size = Buffer.byteLength(page);
  if (size > sidebarLimit) throw new Error(`dist/sidebar.html is ${size} bytes, over the ${sidebarLimit}-byte budget`);
  const external = page.match(externalReference);
  if (external) throw new Error(`dist/sidebar.html refers to something outside the page (“${page.slice(Math.max(0, external.index - 40), external.index + 60)}”): inline it instead`);
  writeFileSync(join(root, 'dist/sidebar.html'), page);
}

async function buildLocalRuntime() {
  const result = await build({
    entryPoints: [join(root, 'local/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
    outfile: join(root, 'build/local/cli.js'),
    ...(sourceMaps ? { sourcemap: 'external', write: false } : {}),
  });
  if (!sourceMaps) return;
  mkdirSync(join(root, 'build/local'), { recursive: true });
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.map')) writeShiftedMap(file.text, '', join(mapDir, 'cli.js.map'), join(root, 'build/local'));
    else writeFileSync(file.path, file.contents);
  }
}

mkdirSync(join(root, 'dist'), { recursive: true });
const appsScript = await buildAppsScript();
await buildSidebar();
await buildLocalRuntime();
console.log(`dist/Code.js ${(appsScript.size / 1024).toFixed(1)} KB, ${appsScript.globals.length} globals: ${appsScript.globals.join(', ')}`);
