/**
 * PropertiesService offline: document, script and user properties (user properties by the
 * --as email), kept with the workbook's state so they persist across runs. Values are strings,
 * as in Apps Script; a missing key reads as null.
 */
import { makeFake, realmArray, realmObject, type FakeContext } from './fake-object';
import type { WorkbookState } from './workbook-state';

/** One Properties store over a map. */
function makeProperties(context: FakeContext, store: Map<string, string>): unknown {
  return makeFake(
    context,
    'Properties',
    (self) => ({
      getProperty: (key: unknown) => store.get(String(key)) ?? null,
      getProperties: () => realmObject(context, Object.fromEntries(store)),
      getKeys: () => realmArray(context, [...store.keys()]),
      setProperty(key: unknown, value: unknown) {
        store.set(String(key), String(value));
        return self;
      },
      setProperties(properties: unknown, deleteAllOthers?: unknown) {
        if (deleteAllOthers === true) store.clear();
        for (const [key, value] of Object.entries((properties ?? {}) as Record<string, unknown>)) store.set(key, String(value));
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
