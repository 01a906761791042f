/**
 * Protection of a sheet or range (Sheet.protect, Range.protect, Sheet.getProtections). Kept with
 * the workbook's state rather than as .xlsx sheet protection: Sheets protection names who may edit,
 * which .xlsx cannot express, so locally nothing is enforced; the description and warning-only
 * flag are remembered. Editor lists are not available.
 */
import { makeFake, type FakeContext } from './fake-object';
import type { StoredProtection, WorkbookState } from './workbook-state';

/** A Protection fake over a stored protection; `rangeOf` gives the Range fake it protects. */
export function makeProtection(
  context: FakeContext,
  state: WorkbookState,
  stored: StoredProtection,
  rangeOf: (stored: StoredProtection) => unknown,
): unknown {
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
      remove() {
        state.protections = state.protections.filter((protection) => protection !== stored);
      },
    }),
    { costs: { setDescription: 'write', setWarningOnly: 'write', remove: 'write' }, internal: stored },
  );
}
