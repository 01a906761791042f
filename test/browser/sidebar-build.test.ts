/**
 * dist/sidebar.html as `npm run build` leaves it: one self-contained page of at most 150 KB, with
 * its script and style inlined, no external address (no CDN, no http(s)://, no //host), no markup
 * built from strings in the script, and every callServer name a global of dist/Code.js.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const html = readFileSync(join(root, 'dist', 'sidebar.html'), 'utf8');

/** Every .ts file under sidebar/. */
function sidebarSources(folder = join(root, 'sidebar')): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sidebarSources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

test('dist/sidebar.html is at most 150 KB and refers to nothing outside itself', () => {
  expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150 * 1024);
  expect(html).not.toMatch(/\bhttps?:\/\//i);
  expect(html).not.toMatch(/\b(?:src|href|action|srcset)\s*=\s*["']?\s*\/\//i);
  expect(html).not.toMatch(/url\(\s*["']?\s*\/\/|@import/i);
  expect(html).not.toMatch(/<script[^>]*\bsrc=|<link\b/i);
  expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  expect(html.match(/<script>/g)).toHaveLength(1);
});

test('the sidebar sources never put text into the page as HTML', () => {
  for (const path of sidebarSources()) {
    const source = readFileSync(path, 'utf8');
    expect({ path, found: source.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\.html\(|eval\(|new Function/g) }).toEqual({ path, found: null });
  }
});

test('every server function the page calls is a global of dist/Code.js', () => {
  const code = readFileSync(join(root, 'dist', 'Code.js'), 'utf8');
  const called = new Set(sidebarSources().filter((path) => !path.endsWith('server.ts')).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/callServer\('([A-Za-z]+)'/g)].map((match) => match[1]!)));
  expect([...called].sort()).toEqual(expect.arrayContaining(['sidebarOpen', 'sidebarSelection', 'sidebarMove', 'sidebarPublicityPeriod', 'sidebarMakePublicityList', 'sidebarDocuments', 'sidebarDocumentProgress', 'sidebarDuties', 'sidebarStudios', 'sidebarStatistics', 'sidebarReminders', 'sidebarSetReminders', 'sidebarSettings', 'sidebarSaveSetting']));
  for (const name of called) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
});
