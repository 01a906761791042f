/**
 * How every fake Apps Script object of the offline runtime is made: a Proxy over its methods that
 * counts each call as 'Interface.method', advances the simulated clock by the call's modelled
 * cost, and throws `not available in the local runtime: Interface.method` for anything not
 * implemented. Errors and values handed to the bundle are made in the bundle's realm.
 */
import type { Realm } from '../runtime/bundle';
import type { CallCounter } from '../runtime/call-counter';
import type { CallCost, SimulatedClock } from '../runtime/clock';

/** What every fake needs: the bundle's realm, the call counter and the simulated clock. */
export interface FakeContext {
  realm: Realm;
  counter: CallCounter;
  clock: SimulatedClock;
  /** Told of every call with its modelled cost (the runtime learns from it whether the workbook changed). */
  onCall?: (interfaceName: string, method: string, cost: CallCost) => void;
  /** The active user's email (--as), '' or absent when unknown. */
  activeUser?: string;
}

/** Members of a fake: methods, and constants such as enums. */
export type FakeMembers = Record<string, unknown>;

const internals = new WeakMap<object, { interfaceName: string; value: unknown }>();

/** The message for anything the runtime does not provide. */
export function unavailableMessage(interfaceName: string, member: string, detail?: string): string {
  return `not available in the local runtime: ${interfaceName}.${member}${detail ? ` (${detail})` : ''}`;
}

/** An error of the bundle's realm (so `e instanceof Error` holds inside it), named like Apps Script's. */
export function realmError(context: FakeContext, message: string): Error {
  const error = new context.realm.Error(message);
  error.name = 'Exception';
  return error;
}

/** Throws, in the bundle's realm, that something is not available locally. */
export function unavailable(context: FakeContext, interfaceName: string, member: string, detail?: string): never {
  throw realmError(context, unavailableMessage(interfaceName, member, detail));
}

/** Advances the clock; the execution-time limit surfaces as an error of the bundle's realm. */
export function advanceClock(context: FakeContext, cost: CallCost | number): void {
  try {
    context.clock.advance(cost);
  } catch (error) {
    throw realmError(context, error instanceof Error ? error.message : String(error));
  }
}

/** A member the runtime lacks: calling it, or reading anything from it, says so. */
function unavailableMember(context: FakeContext, interfaceName: string, member: string): unknown {
  const fail = () => unavailable(context, interfaceName, member);
  return new Proxy(fail, {
    get(_target, property) {
      if (typeof property === 'symbol' || property === 'then') return undefined;
      return fail();
    },
    apply: fail,
  });
}

/**
 * Makes a fake object. `build` receives the fake itself (so chainable methods can return it) and
 * returns its members; `costs` names the methods that are not 'light'; `internal` is what
 * internalOf gives back when the bundle hands the fake to another fake.
 */
export function makeFake<T extends FakeMembers>(
  context: FakeContext,
  interfaceName: string,
  build: (self: T) => T,
  options: { costs?: Record<string, CallCost>; internal?: unknown } = {},
): T {
  const members: FakeMembers = {};
  const costs = options.costs ?? {};
  const proxy = new Proxy(members, {
    get(target, property) {
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      if (property === 'toString') return () => interfaceName;
      if (!Object.prototype.hasOwnProperty.call(target, property)) return unavailableMember(context, interfaceName, property);
      const member = target[property];
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        context.counter.count(`${interfaceName}.${property}`);
        context.onCall?.(interfaceName, property, costs[property] ?? 'light');
        advanceClock(context, costs[property] ?? 'light');
        return (member as (...a: unknown[]) => unknown)(...args);
      };
    },
    set() {
      return true;
    },
    has(target, property) {
      return typeof property === 'string' && Object.prototype.hasOwnProperty.call(target, property);
    },
  }) as T;
  Object.assign(members, build(proxy));
  internals.set(proxy, { interfaceName, value: options.internal });
  return proxy;
}

/**
 * The internal value behind a fake the bundle passed in, checked to be of `interfaceName`;
 * anything else fails with Apps Script's signature-mismatch message.
 */
export function internalOf<V>(context: FakeContext, value: unknown, interfaceName: string, method: string): V {
  const entry = typeof value === 'object' && value !== null ? internals.get(value) : undefined;
  if (!entry || entry.interfaceName !== interfaceName) {
    throw realmError(
      context,
      `The parameters (${describeType(value)}) don't match the method signature for SpreadsheetApp.${method}.`,
    );
  }
  return entry.value as V;
}

/** Whether a value is a fake of `interfaceName`. */
export function isFakeOf(value: unknown, interfaceName: string): boolean {
  return typeof value === 'object' && value !== null && internals.get(value)?.interfaceName === interfaceName;
}

/** Apps Script's name for a value's type in its error messages. */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  if (isDate(value)) return 'Date';
  const entry = typeof value === 'object' ? internals.get(value) : undefined;
  return entry ? `SpreadsheetApp.${entry.interfaceName}` : 'Object';
}

/** An enum of Apps Script (values are their names); an unknown member is unavailable. */
export function makeEnum(context: FakeContext, enumName: string, names: readonly string[]): Record<string, string> {
  const values = Object.fromEntries(names.map((name) => [name, name]));
  return new Proxy(values, {
    get(target, property) {
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      if (property === 'toString') return () => enumName;
      if (!Object.prototype.hasOwnProperty.call(target, property)) return unavailable(context, enumName, property);
      return target[property];
    },
  });
}

/** Whether a value is a Date of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** An array of the bundle's realm. */
export function realmArray<T>(context: FakeContext, items: Iterable<T> | ArrayLike<T>): T[] {
  return context.realm.Array.from(items);
}

/** A two-dimensional array of the bundle's realm. */
export function realmGrid<T>(context: FakeContext, rows: T[][]): T[][] {
  return context.realm.Array.from(rows, (row) => context.realm.Array.from(row));
}

/** A plain object of the bundle's realm with the given entries. */
export function realmObject(context: FakeContext, entries: Record<string, unknown>): Record<string, unknown> {
  const object = new context.realm.Object() as Record<string, unknown>;
  for (const [key, value] of Object.entries(entries)) object[key] = value;
  return object;
}

/** A Date of the bundle's realm at an instant. */
export function realmDate(context: FakeContext, instant: number): Date {
  return new context.realm.Date(instant);
}
