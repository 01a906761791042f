/**
 * ScriptApp offline: installable time-driven triggers (newTrigger(handler).timeBased() with
 * everyHours, everyDays, after or at, then create()), listed by getUserTriggers(spreadsheet) and
 * getProjectTriggers(), removed by deleteTrigger, kept with the workbook (WorkbookState.triggers,
 * JSON) so they survive save and reopen. The bundle is an Editor add-on, so Google's add-on
 * restrictions hold (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
 * "Restrictions"): one time-driven trigger per user per document, never more often than hourly;
 * and a user has at most 20 triggers per script (quotas page, "Triggers 20 / user / script").
 * Continuations (local/runtime/continuations.ts) fire them on the simulated clock.
 */
import { randomInt } from 'node:crypto';
import { isDate, isFakeOf, makeEnum, makeFake, realmArray, realmError, unavailable, type FakeContext } from '../fake-object';
import type { WorkbookState } from '../workbook-state';

/** One installed trigger as kept in the workbook's state (JSON-safe). */
export interface StoredTrigger {
  /** Trigger.getUniqueId(): digits, like Google's. */
  id: string;
  handler: string;
  eventType: 'CLOCK';
  /** The user (--as email) who installed it; '' when unknown. */
  user: string;
  /** When it fires next, milliseconds since the epoch. */
  nextFiring: number;
  /** Milliseconds between firings; absent for a one-off trigger (after/at). */
  periodMs?: number;
}

/** What Apps Script throws when an add-on asks for a second time-driven trigger in one document for one user. */
export const ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

/** What Apps Script throws past 20 triggers of one user in one script. */
export const TRIGGER_LIMIT_MESSAGE = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** Triggers a user may have in one script (quotas page). */
export const TRIGGERS_PER_USER = 20;

const HOUR_MS = 60 * 60 * 1000;

/** Whether a stored value has the shape of a StoredTrigger (rows another program changed are skipped). */
export function isStoredTrigger(value: unknown): value is StoredTrigger {
  const trigger = value as Partial<StoredTrigger> | null;
  return (
    typeof trigger === 'object' &&
    trigger !== null &&
    typeof trigger.id === 'string' &&
    typeof trigger.handler === 'string' &&
    trigger.eventType === 'CLOCK' &&
    typeof trigger.user === 'string' &&
    typeof trigger.nextFiring === 'number' &&
    (trigger.periodMs === undefined || (typeof trigger.periodMs === 'number' && trigger.periodMs > 0))
  );
}

/** The time-driven triggers of the workbook, in the order they fire. */
export function clockTriggers(state: WorkbookState): StoredTrigger[] {
  return state.triggers.filter(isStoredTrigger).sort((a, b) => a.nextFiring - b.nextFiring);
}

/** Options of the ScriptApp fake. */
export interface ScriptAppOptions {
  state: WorkbookState;
  /** The active user's email ('' when unknown). */
  user: string;
  /** Told whenever the triggers changed (so the workbook is saved). */
  onStateChange?: () => void;
}

/** The ScriptApp fake. */
export function makeScriptApp(context: FakeContext, options: ScriptAppOptions): unknown {
  const { state, user } = options;
  const changed = options.onStateChange ?? (() => undefined);
  const EventType = makeEnum(context, 'EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED']);
  const TriggerSource = makeEnum(context, 'TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
  const AuthMode = makeEnum(context, 'AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  // Google account emails are case-insensitive: CITY@x and city@x are one user, with one trigger.
  const usersTriggers = () => state.triggers.filter((trigger) => isStoredTrigger(trigger) && trigger.user.toLowerCase() === user.toLowerCase()) as StoredTrigger[];
  const triggerIds = new WeakMap<object, string>();

  const trigger = (stored: StoredTrigger) => {
    const fake = makeFake(context, 'Trigger', () => ({
      getHandlerFunction: () => stored.handler,
      getUniqueId: () => stored.id,
      getEventType: () => EventType.CLOCK,
      getTriggerSource: () => TriggerSource.CLOCK,
      getTriggerSourceId: () => null,
    }));
    triggerIds.set(fake, stored.id);
    return fake;
  };

  const clockBuilder = (handler: string) => {
    const schedule: { periodMs?: number; at?: number } = {};
    return makeFake(
      context,
      'ClockTriggerBuilder',
      (self) => ({
        everyHours(hours: unknown) {
          const n = Number(hours);
          if (!Number.isInteger(n) || n < 1) return unavailable(context, 'ClockTriggerBuilder', 'everyHours', `interval ${String(hours)}`);
          schedule.periodMs = n * HOUR_MS;
          return self;
        },
        everyDays(days: unknown) {
          const n = Number(days);
          if (!Number.isInteger(n) || n < 1) return unavailable(context, 'ClockTriggerBuilder', 'everyDays', `interval ${String(days)}`);
          schedule.periodMs = n * 24 * HOUR_MS;
          return self;
        },
        // An add-on's time-driven trigger runs at most once an hour (editor-triggers page, Restrictions).
        everyMinutes: () => unavailable(context, 'ClockTriggerBuilder', 'everyMinutes', 'an add-on may run a time-driven trigger at most once an hour'),
        after(milliseconds: unknown) {
          schedule.at = context.clock.now() + Math.max(0, Number(milliseconds) || 0);
          return self;
        },
        at(date: unknown) {
          if (!isDate(date) || !Number.isFinite(date.getTime())) return unavailable(context, 'ClockTriggerBuilder', 'at', 'a value that is not a Date');
          schedule.at = date.getTime();
          return self;
        },
        create() {
          if (schedule.periodMs === undefined && schedule.at === undefined) {
            return unavailable(context, 'ClockTriggerBuilder', 'create', 'a time-driven trigger without a schedule');
          }
          const mine = usersTriggers();
          if (mine.length >= TRIGGERS_PER_USER) throw realmError(context, TRIGGER_LIMIT_MESSAGE);
          if (mine.some((existing) => existing.eventType === 'CLOCK')) throw realmError(context, ADDON_CLOCK_TRIGGER_LIMIT_MESSAGE);
          const stored: StoredTrigger = {
            id: newTriggerId(state),
            handler,
            eventType: 'CLOCK',
            user,
            nextFiring: schedule.at ?? context.clock.now() + (schedule.periodMs ?? HOUR_MS),
            ...(schedule.at === undefined ? { periodMs: schedule.periodMs } : {}),
          };
          state.triggers.push(stored);
          changed();
          return trigger(stored);
        },
      }),
      { costs: { create: 'write' } },
    );
  };

  const triggerBuilder = (handler: string) =>
    makeFake(context, 'TriggerBuilder', () => ({
      timeBased: () => clockBuilder(handler),
    }));

  return makeFake(
    context,
    'ScriptApp',
    () => ({
      EventType,
      TriggerSource,
      AuthMode,
      newTrigger: (handler: unknown) => triggerBuilder(String(handler)),
      getUserTriggers: (container: unknown) => {
        if (!isFakeOf(container, 'Spreadsheet')) return unavailable(context, 'ScriptApp', 'getUserTriggers', 'a container that is not the spreadsheet');
        return realmArray(context, usersTriggers().map(trigger));
      },
      getProjectTriggers: () => realmArray(context, usersTriggers().map(trigger)),
      deleteTrigger: (value: unknown) => {
        const id = typeof value === 'object' && value !== null ? triggerIds.get(value) : undefined;
        if (id === undefined) throw realmError(context, `The parameters (${typeof value === 'string' ? 'String' : 'Object'}) don't match the method signature for ScriptApp.deleteTrigger.`);
        const index = state.triggers.findIndex((stored) => isStoredTrigger(stored) && stored.id === id);
        if (index >= 0) {
          state.triggers.splice(index, 1);
          changed();
        }
      },
    }),
    { costs: { getUserTriggers: 'read', getProjectTriggers: 'read', deleteTrigger: 'write' } },
  );
}

/** A unique id for a new trigger: digits, as Google's are, none the workbook already has. */
function newTriggerId(state: WorkbookState): string {
  const taken = new Set(state.triggers.filter(isStoredTrigger).map((trigger) => trigger.id));
  let id: string;
  do id = String(randomInt(1_000_000, 10_000_000));
  while (taken.has(id));
  return id;
}
