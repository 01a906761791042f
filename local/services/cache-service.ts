/**
 * CacheService offline: document, script and user caches held in memory for one run, entries
 * expiring on the simulated clock (600 s by default, at most 21600 s, as Apps Script documents).
 * Nothing persists between runs, which Apps Script also allows: a cache may drop entries any time.
 */
import type { SimulatedClock } from '../runtime/clock';
import { makeFake, realmObject, type FakeContext } from './fake-object';

/** Apps Script's default and longest lifetimes of a cache entry, in seconds. */
const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21600;

type Entries = Map<string, { value: string; expiresAt: number }>;

function makeCache(context: FakeContext, clock: SimulatedClock, entries: Entries): unknown {
  const read = (key: string): string | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= clock.now()) {
      entries.delete(key);
      return null;
    }
    return entry.value;
  };
  const write = (key: string, value: unknown, expiration: unknown) => {
    const seconds = expiration === undefined ? DEFAULT_EXPIRATION_S : Math.min(Math.max(Number(expiration), 1), MAX_EXPIRATION_S);
    entries.set(key, { value: String(value), expiresAt: clock.now() + seconds * 1000 });
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
        write(String(key), value, expirationInSeconds);
      },
      putAll(values: unknown, expirationInSeconds?: unknown) {
        for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) write(key, value, expirationInSeconds);
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
