/**
 * Loads the built dist/Code.js into a fresh V8 context (node:vm), the way Apps Script loads a
 * project: the bundle sees only the globals given here (fake services), never Node. Dates and
 * arrays crossing into the context are made with the context's own constructors, because a Date
 * made outside is not an `instanceof Date` inside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/** Constructors of the bundle's realm, for values handed to it. */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

/** A loaded bundle: its context and a way to call its globals. */
export interface LoadedBundle {
  context: vm.Context;
  realm: Realm;
  /** Calls a top-level function of the bundle by name. */
  call(name: string, ...args: unknown[]): unknown;
  /** Whether the bundle defines a top-level function of that name. */
  has(name: string): boolean;
}

/** Apps Script services the runtime may fake; a missing one throws when used. */
export const SERVICE_NAMES = [
  'SpreadsheetApp',
  'DriveApp',
  'Drive',
  'DocumentApp',
  'SlidesApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Session',
  'Utilities',
  'HtmlService',
  'Logger',
  'UrlFetchApp',
  'Charts',
] as const;

/** The path of the built bundle in this checkout. */
export function defaultBundlePath(): string {
  return join(__dirname, '..', '..', 'dist', 'Code.js');
}

let cachedCode: { path: string; code: string } | undefined;

/** The text of dist/Code.js, read once per process. */
export function readBundleCode(path = defaultBundlePath()): string {
  if (cachedCode?.path === path) return cachedCode.code;
  let code: string;
  try {
    code = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`找不到 ${path}：请先运行 npm run build`);
  }
  cachedCode = { path, code };
  return code;
}

/** A stand-in for a service the runtime does not provide: any use says so. */
export function unavailableService(serviceName: string): object {
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property === 'symbol' || property === 'then') return undefined;
        return () => {
          throw new Error(`not available in the local runtime: ${serviceName}.${String(property)}`);
        };
      },
    },
  );
}

/** Options of loadBundle. */
export interface LoadBundleOptions {
  /** The bundle's source (default: dist/Code.js). */
  code?: string;
  fileName?: string;
  /** The bundle's clock: `new Date()` and `Date.now()` inside it answer this (default: real time). */
  now?: () => number;
  /** The bundle's `console` (default: this process's). */
  console?: unknown;
  /**
   * A bare context: no Apps Script service is defined at all (not even as one that throws), as
   * when the bundle is evaluated outside Apps Script; `makeServices` is not used.
   */
  bare?: boolean;
}

/**
 * Replaces the context's Date by one whose `new Date()` and `Date.now()` follow `now`. It shares
 * Date.prototype, so every Date of the context (made by either constructor) is `instanceof Date`.
 */
function installClock(context: vm.Context, now: () => number): void {
  const install = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      var FakeDate = function Date() {
        if (!new.target) return new RealDate(now()).toString();
        var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
        return Reflect.construct(RealDate, args, new.target);
      };
      Object.defineProperty(FakeDate, 'length', { value: 7 });
      FakeDate.prototype = RealDate.prototype;
      Object.defineProperty(RealDate.prototype, 'constructor', { value: FakeDate, writable: true, configurable: true });
      FakeDate.now = function now_() { return now(); };
      FakeDate.UTC = RealDate.UTC;
      FakeDate.parse = RealDate.parse;
      Object.defineProperty(globalThis, 'Date', { value: FakeDate, writable: true, configurable: true });
    })`,
    context,
  ) as (now: () => number) => void;
  install(now);
}

/**
 * Loads the bundle into a new context. `makeServices` receives the context's realm and returns the
 * fake services to install as globals; every other Apps Script service throws when used.
 */
export function loadBundle(
  makeServices: (realm: Realm) => Partial<Record<(typeof SERVICE_NAMES)[number], unknown>> = () => ({}),
  options: LoadBundleOptions = {},
): LoadedBundle {
  const context = vm.createContext({});
  if (options.now) installClock(context, options.now);
  const realm = vm.runInContext('({ Date, Array, Object, Error })', context) as Realm;
  if (!options.bare) {
    const services = makeServices(realm);
    for (const name of SERVICE_NAMES) context[name] = services[name] ?? unavailableService(name);
  }
  context.console = options.console ?? console;
  vm.runInContext(options.code ?? readBundleCode(), context, { filename: options.fileName ?? 'Code.js' });
  return {
    context,
    realm,
    call(name, ...args) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`dist/Code.js 中没有全局函数 ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    has(name) {
      return typeof context[name] === 'function';
    },
  };
}

/** The message of an error thrown inside the bundle's realm (not an `instanceof Error` here). */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
