/**
 * PropertiesService offline: document, script and user properties (user properties by the
 * --as email), kept with the workbook's state so they persist across runs. Values are strings,
 * as in Apps Script; a missing key reads as null. Google's limits are enforced (quotas page:
 * "Properties value size 9 KB / val", "Properties total storage 500 KB / property store"), counted
 * in UTF-8 bytes with keys included, and a write past them changes nothing and throws Apps Script's
 * message.
 */
import { makeFake, realmArray, realmError, realmObject, type FakeContext } from './fake-object';
import type { WorkbookState } from './workbook-state';

/** The largest property value, in bytes. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** The most a property store holds, keys and values together, in bytes. */
export const PROPERTY_STORE_LIMIT = 500 * 1024;
/** What Apps Script throws when a value or a store is over its limit. */
export const PROPERTY_QUOTA_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Bytes a store would hold with `changes` applied. */
function storeSize(store: Map<string, string>, changes: Map<string, string>, cleared: boolean): number {
  let size = 0;
  if (!cleared) for (const [key, value] of store) if (!changes.has(key)) size += bytes(key) + bytes(value);
  for (const [key, value] of changes) size += bytes(key) + bytes(value);
  return size;
}

/** One Properties store over a map. */
function makeProperties(context: FakeContext, store: Map<string, string>): unknown {
  /** Applies writes all at once, or none when one is over a limit. */
  const write = (changes: Map<string, string>, cleared = false) => {
    for (const value of changes.values()) if (bytes(value) > PROPERTY_VALUE_LIMIT) throw realmError(context, PROPERTY_QUOTA_MESSAGE);
    if (storeSize(store, changes, cleared) > PROPERTY_STORE_LIMIT) throw realmError(context, PROPERTY_QUOTA_MESSAGE);
    if (cleared) store.clear();
    for (const [key, value] of changes) store.set(key, value);
  };
  return makeFake(
    context,
    'Properties',
    (self) => ({
      getProperty: (key: unknown) => store.get(String(key)) ?? null,
      getProperties: () => realmObject(context, Object.fromEntries(store)),
      getKeys: () => realmArray(context, [...store.keys()]),
      setProperty(key: unknown, value: unknown) {
        write(new Map([[String(key), String(value)]]));
        return self;
      },
      setProperties(properties: unknown, deleteAllOthers?: unknown) {
        const changes = new Map(Object.entries((properties ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
        write(changes, deleteAllOthers === true);
        return self;
      },
      deleteProperty(key: unknown) {
        store.delete(String(key));
        return self;
      },
      deleteAllProperties() {
        store.clear();
        return self;
      },
    }),
    {
      costs: {
        getProperty: 'read', getProperties: 'read', getKeys: 'read',
        setProperty: 'write', setProperties: 'write', deleteProperty: 'write', deleteAllProperties: 'write',
      },
    },
  );
}

/** The PropertiesService fake; `userEmail` is the active user's email ('' when unknown). */
export function makePropertiesService(context: FakeContext, state: WorkbookState, userEmail: string): unknown {
  return makeFake(context, 'PropertiesService', () => ({
    getDocumentProperties: () => makeProperties(context, state.documentProperties),
    getScriptProperties: () => makeProperties(context, state.scriptProperties),
    getUserProperties: () => makeProperties(context, state.userPropertiesOf(userEmail)),
  }));
}
