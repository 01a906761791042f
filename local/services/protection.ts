/**
 * Protection of a sheet or range (Sheet.protect, Range.protect, Sheet.getProtections). Kept with
 * the workbook's state rather than as .xlsx sheet protection: Sheets protection names who may edit,
 * which .xlsx cannot express, so locally nothing is enforced; the description, warning-only flag,
 * editors and domain flag are remembered. As in Sheets, a protection's editors mirror the
 * spreadsheet's (here: the active user) until a script sets them, and removing editors never
 * removes the current user (nor, on Google, the owner, whom the offline runtime does not know).
 */
import { internalOf, makeFake, realmArray, type FakeContext } from './fake-object';
import { makeUser } from './session';
import type { StoredProtection, WorkbookState } from './workbook-state';

/** A Protection fake over a stored protection; `rangeOf` gives the Range fake it protects. */
export function makeProtection(
  context: FakeContext,
  state: WorkbookState,
  stored: StoredProtection,
  rangeOf: (stored: StoredProtection) => unknown,
): unknown {
  const me = (context.activeUser ?? '').trim().toLowerCase();
  const emailOf = (value: unknown, method: string): string =>
    (typeof value === 'string' ? value : internalOf<string>(context, value, 'User', `Protection.${method}`)).trim().toLowerCase();
  const listOf = (values: unknown, method: string): string[] => (Array.isArray(values) ? values : [values]).map((value) => emailOf(value, method));
  const editors = (): string[] => stored.editors ?? (me === '' ? [] : [me]);
  const add = (emails: string[]) => {
    stored.editors = [...new Set([...editors(), ...emails.filter((email) => email !== '')])];
  };
  const remove = (emails: string[]) => {
    stored.editors = editors().filter((email) => email === me || !emails.includes(email));
  };
  return makeFake(
    context,
    'Protection',
    (self) => ({
      getDescription: () => stored.description,
      setDescription(description: unknown) {
        stored.description = description === null || description === undefined ? '' : String(description);
        return self;
      },
      isWarningOnly: () => stored.warningOnly,
      setWarningOnly(warningOnly: unknown) {
        stored.warningOnly = Boolean(warningOnly);
        return self;
      },
      getProtectionType: () => stored.type,
      getRange: () => rangeOf(stored),
      getEditors: () => realmArray(context, editors().map((email) => makeUser(context, email))),
      addEditor(user: unknown) {
        add([emailOf(user, 'addEditor')]);
        return self;
      },
      addEditors(emails: unknown) {
        add(listOf(emails, 'addEditors'));
        return self;
      },
      removeEditor(user: unknown) {
        remove([emailOf(user, 'removeEditor')]);
        return self;
      },
      removeEditors(users: unknown) {
        remove(listOf(users, 'removeEditors'));
        return self;
      },
      canDomainEdit: () => stored.domainEdit ?? false,
      setDomainEdit(editable: unknown) {
        stored.domainEdit = Boolean(editable);
        return self;
      },
      canEdit: () => stored.warningOnly || stored.editors === undefined || stored.editors.includes(me),
      remove() {
        state.protections = state.protections.filter((protection) => protection !== stored);
      },
    }),
    {
      costs: {
        setDescription: 'write', setWarningOnly: 'write', remove: 'write', addEditor: 'write', addEditors: 'write',
        removeEditor: 'write', removeEditors: 'write', setDomainEdit: 'write',
      },
      internal: stored,
    },
  );
}
