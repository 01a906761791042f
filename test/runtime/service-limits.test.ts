/**
 * The limits Apps Script puts on PropertiesService and CacheService, enforced by the runtime with
 * Google's wording (quotas page: 9 KB a property value, 500 KB a property store; Cache reference:
 * keys up to 250 characters, values up to 100 KB, 1,000 items kept as the 900 farthest from
 * expiration, expiration 1 to 21600 s), and the HtmlService fake behind 打开助手.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWith, tempDir } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

async function run<T>(code: string, body: (runtime: Awaited<ReturnType<typeof openWith>>) => T): Promise<T> {
  const runtime = await openWith(undefined, code);
  try {
    return body(runtime);
  } finally {
    runtime.close();
  }
}

/** What a call threw, as the bundle sees it ('' when it did not throw). */
function thrown(call: () => unknown): string {
  try {
    call();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

test('a property value over 9 KB is refused with the quota message and nothing is stored', () =>
  run(
    `function put(n) { PropertiesService.getDocumentProperties().setProperty('k', new Array(n + 1).join('x')); }
     function putAll(n) { PropertiesService.getDocumentProperties().setProperties({ a: 'small', b: new Array(n + 1).join('x') }); }
     function read(key) { return PropertiesService.getDocumentProperties().getProperty(key); }`,
    (runtime) => {
      expect(thrown(() => runtime.bundle.call('put', 9 * 1024))).toBe('');
      expect(thrown(() => runtime.bundle.call('put', 9 * 1024 + 1))).toBe(QUOTA);
      expect((runtime.bundle.call('read', 'k') as string).length).toBe(9 * 1024);
      expect(thrown(() => runtime.bundle.call('putAll', 9 * 1024 + 1))).toBe(QUOTA);
      expect(runtime.bundle.call('read', 'a')).toBeNull();
    },
  ));

test('a property value is measured in UTF-8 bytes (three for a Chinese character)', () =>
  run(
    `function put(n) { PropertiesService.getScriptProperties().setProperty('k', new Array(n + 1).join('班')); }`,
    (runtime) => {
      expect(thrown(() => runtime.bundle.call('put', 3072))).toBe('');
      expect(thrown(() => runtime.bundle.call('put', 3073))).toBe(QUOTA);
    },
  ));

test('a property store holds at most 500 KB of keys and values', () =>
  run(
    `function fill() {
       var props = PropertiesService.getUserProperties(), value = new Array(9001).join('y'), n = 0;
       try { for (;;) { props.setProperty('K' + n, value); n += 1; } } catch (e) { return [n, e.message, props.getKeys().length]; }
     }
     function overwrite() { PropertiesService.getUserProperties().setProperty('K0', 'small'); return PropertiesService.getUserProperties().getProperty('K0'); }`,
    (runtime) => {
      const [stored, message, keys] = runtime.bundle.call('fill') as [number, string, number];
      expect(message).toBe(QUOTA);
      // Keys count too: K0…K9 take 2 bytes, K10… take 3, each value 9,000.
      let total = 0;
      let fits = 0;
      while (total + `K${fits}`.length + 9000 <= 500 * 1024) total += `K${fits++}`.length + 9000;
      expect(stored).toBe(fits);
      expect(keys).toBe(stored);
      expect(runtime.bundle.call('overwrite')).toBe('small');
    },
  ));

test('cache keys over 250 characters and values over 100 KB are refused with Apps Script\'s messages', () =>
  run(
    `function put(keyLength, valueLength) { CacheService.getScriptCache().put(new Array(keyLength + 1).join('k'), new Array(valueLength + 1).join('v')); }
     function putAll(valueLength) { CacheService.getDocumentCache().putAll({ a: 'ok', b: new Array(valueLength + 1).join('v') }); return CacheService.getDocumentCache().get('a'); }`,
    (runtime) => {
      expect(thrown(() => runtime.bundle.call('put', 250, 100 * 1024))).toBe('');
      expect(thrown(() => runtime.bundle.call('put', 251, 1))).toBe('Argument too large: key');
      expect(thrown(() => runtime.bundle.call('put', 10, 100 * 1024 + 1))).toBe('Argument too large: value');
      expect(thrown(() => runtime.bundle.call('putAll', 100 * 1024 + 1))).toBe('Argument too large: value');
    },
  ));

test('a cache keeps the 900 entries farthest from expiration once more than 1,000 are written', () =>
  run(
    `function fill() {
       var cache = CacheService.getUserCache(), values = {};
       for (var i = 0; i < 1000; i += 1) values['k' + i] = String(i);
       cache.putAll(values, 60);
       var all = Object.keys(cache.getAll(Object.keys(values))).length;
       cache.put('last', 'x', 600);
       var kept = cache.getAll(Object.keys(values).concat(['last']));
       return [all, Object.keys(kept).length, kept.last];
     }`,
    (runtime) => {
      expect(runtime.bundle.call('fill')).toEqual([1000, 900, 'x']);
    },
  ));

test('a cache expiration outside 1…21600 seconds is not guessed at', () =>
  run(
    `function put(seconds) { CacheService.getScriptCache().put('k', 'v', seconds); return CacheService.getScriptCache().get('k'); }`,
    (runtime) => {
      expect(runtime.bundle.call('put', 21600)).toBe('v');
      expect(thrown(() => runtime.bundle.call('put', 21601))).toBe('not available in the local runtime: Cache.put (expirationInSeconds 21601: Apps Script allows 1 to 21600)');
      expect(thrown(() => runtime.bundle.call('put', 0))).toMatch(/^not available in the local runtime: Cache\.put/);
    },
  ));

test('HtmlService serves the project files of dist/ and Ui.showSidebar records what is shown', () =>
  run(
    `function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('标题')); }
     function output() { var o = HtmlService.createHtmlOutputFromFile('sidebar'); return [o.setTitle('T').getTitle(), o.getContent().length]; }
     function missing() { HtmlService.createHtmlOutputFromFile('nosuchpage'); }
     function template() { return HtmlService.createTemplateFromFile('sidebar').evaluate().setTitle('模板').getContent().length; }`,
    (runtime) => {
      const page = readFileSync(join(__dirname, '..', '..', 'dist', 'sidebar.html'), 'utf8');
      runtime.bundle.call('show');
      expect(runtime.ui.sidebars).toEqual([{ title: '标题', content: page }]);
      expect(runtime.bundle.call('output')).toEqual(['T', page.length]);
      expect(thrown(() => runtime.bundle.call('missing'))).toBe('No HTML file named nosuchpage was found.');
      expect(runtime.bundle.call('template')).toBe(page.length);
      expect(runtime.counter.of('HtmlService.createHtmlOutputFromFile')).toBe(3);
      expect(runtime.counter.of('Ui.showSidebar')).toBe(1);
    },
  ));

test('打开助手 runs offline: the sidebar shown is dist/sidebar.html titled 班主任评选助手', async () => {
  const runtime = await openWith(join(dir, 'sidebar-menu.xlsx'), readFileSync(join(__dirname, '..', '..', 'dist', 'Code.js'), 'utf8'), { create: true });
  try {
    runtime.bundle.call('onOpen');
    const item = runtime.ui.menus[0]?.items.find((entry) => 'caption' in entry && entry.caption === '打开助手');
    expect(item).toEqual({ caption: '打开助手', functionName: 'showSidebar' });
    runtime.bundle.call('showSidebar');
    expect(runtime.ui.sidebars).toEqual([{ title: '班主任评选助手', content: readFileSync(join(__dirname, '..', '..', 'dist', 'sidebar.html'), 'utf8') }]);
  } finally {
    runtime.close();
  }
});
