/**
 * CacheService offline: document, script and user caches held in memory for one run, entries
 * expiring on the simulated clock. Google's documented limits (Cache reference): keys up to 250
 * characters ("Argument too large: key"), values up to 100 KB ("Argument too large: value"),
 * expiration 1 to 21600 s (600 by default), and "the cap for cached items is 1,000. If more than
 * 1,000 items are written, the cache stores the 900 items farthest from expiration". Apps Script
 * does not document what an expiration outside 1…21600 does, so that is reported as not available
 * rather than guessed. Nothing persists between runs, which Apps Script also allows.
 */
import type { SimulatedClock } from '../runtime/clock';
import { makeFake, realmError, realmObject, unavailable, type FakeContext } from './fake-object';

/** Apps Script's default and allowed lifetimes of a cache entry, in seconds. */
const DEFAULT_EXPIRATION_S = 600;
const MIN_EXPIRATION_S = 1;
const MAX_EXPIRATION_S = 21600;
/** The longest key (characters) and value (bytes) a cache takes. */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
/** Past this many items a cache keeps only the KEPT_ITEMS farthest from expiration. */
const ITEM_CAP = 1000;
const KEPT_ITEMS = 900;

type Entries = Map<string, { value: string; expiresAt: number }>;

function makeCache(context: FakeContext, clock: SimulatedClock, entries: Entries): unknown {
  const dropExpired = () => {
    for (const [key, entry] of entries) if (entry.expiresAt <= clock.now()) entries.delete(key);
  };
  const read = (key: string): string | null => {
    dropExpired();
    return entries.get(key)?.value ?? null;
  };
  /** Checks one entry against the limits; returns it ready to store. */
  const checked = (method: string, key: unknown, value: unknown, expiration: unknown) => {
    const text = String(key);
    if (text.length > CACHE_KEY_LIMIT) throw realmError(context, 'Argument too large: key');
    const stored = String(value);
    if (Buffer.byteLength(stored, 'utf8') > CACHE_VALUE_LIMIT) throw realmError(context, 'Argument too large: value');
    const seconds = expiration === undefined ? DEFAULT_EXPIRATION_S : Number(expiration);
    if (!(seconds >= MIN_EXPIRATION_S && seconds <= MAX_EXPIRATION_S)) {
      unavailable(context, 'Cache', method, `expirationInSeconds ${String(expiration)}: Apps Script allows ${MIN_EXPIRATION_S} to ${MAX_EXPIRATION_S}`);
    }
    return [text, { value: stored, expiresAt: clock.now() + seconds * 1000 }] as const;
  };
  const store = (items: (readonly [string, { value: string; expiresAt: number }])[]) => {
    dropExpired();
    for (const [key, entry] of items) entries.set(key, entry);
    if (entries.size > ITEM_CAP) {
      const kept = [...entries].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, KEPT_ITEMS);
      entries.clear();
      for (const [key, entry] of kept) entries.set(key, entry);
    }
  };
  return makeFake(
    context,
    'Cache',
    () => ({
      get: (key: unknown) => read(String(key)),
      getAll(keys: unknown) {
        const found: Record<string, unknown> = {};
        for (const key of (keys as unknown[]) ?? []) {
          const value = read(String(key));
          if (value !== null) found[String(key)] = value;
        }
        return realmObject(context, found);
      },
      put(key: unknown, value: unknown, expirationInSeconds?: unknown) {
        store([checked('put', key, value, expirationInSeconds)]);
      },
      putAll(values: unknown, expirationInSeconds?: unknown) {
        const items = Object.entries((values ?? {}) as Record<string, unknown>).map(([key, value]) => checked('putAll', key, value, expirationInSeconds));
        store(items);
      },
      remove(key: unknown) {
        entries.delete(String(key));
      },
      removeAll(keys: unknown) {
        for (const key of (keys as unknown[]) ?? []) entries.delete(String(key));
      },
    }),
    { costs: { get: 'read', getAll: 'read', put: 'write', putAll: 'write', remove: 'write', removeAll: 'write' } },
  );
}

/** The CacheService fake; user caches are per `userEmail`. */
export function makeCacheService(context: FakeContext, userEmail: string): unknown {
  const documentEntries: Entries = new Map();
  const scriptEntries: Entries = new Map();
  const userEntries = new Map<string, Entries>();
  return makeFake(context, 'CacheService', () => ({
    getDocumentCache: () => makeCache(context, context.clock, documentEntries),
    getScriptCache: () => makeCache(context, context.clock, scriptEntries),
    getUserCache() {
      let entries = userEntries.get(userEmail);
      if (!entries) {
        entries = new Map();
        userEntries.set(userEmail, entries);
      }
      return makeCache(context, context.clock, entries);
    },
  }));
}
