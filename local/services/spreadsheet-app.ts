/**
 * The SpreadsheetApp fake: the entry to the workbook (getActiveSpreadsheet), flush, the Ui, the
 * builders of data validation and conditional formatting, and the enums the bundle uses.
 */
import { BOOLEAN_CRITERIA, makeConditionalFormatRuleBuilder } from './conditional-format';
import { DATA_VALIDATION_CRITERIA, makeDataValidationBuilder } from './data-validation';
import { makeEnum, makeFake } from './fake-object';
import { makeRange } from './range';
import { makeSheet, ruleRanges } from './sheet';
import { makeSelection, makeSpreadsheet } from './spreadsheet';
import { makeUi } from './ui';
import type { SpreadsheetEnv } from './workbook-model';

/** The SpreadsheetApp fake. */
export function makeSpreadsheetApp(env: SpreadsheetEnv): unknown {
  const { context, model } = env;
  return makeFake(
    context,
    'SpreadsheetApp',
    () => ({
      ProtectionType: makeEnum(context, 'ProtectionType', ['RANGE', 'SHEET']),
      DataValidationCriteria: makeEnum(context, 'DataValidationCriteria', DATA_VALIDATION_CRITERIA),
      BooleanCriteria: makeEnum(context, 'BooleanCriteria', BOOLEAN_CRITERIA),
      getActiveSpreadsheet: () => makeSpreadsheet(env),
      getActive: () => makeSpreadsheet(env),
      getActiveSheet: () => makeSheet(env, model.activeSheet()),
      getActiveRange: () => makeRange(env, model.activeRange()),
      getSelection: () => makeSelection(env),
      flush() {
        // Writes go straight to the workbook in memory; the file is written when the command saves.
      },
      getUi: () => makeUi(env),
      newDataValidation: () => makeDataValidationBuilder(context),
      newConditionalFormatRule: () => makeConditionalFormatRuleBuilder(context, ruleRanges(env)),
    }),
    { costs: { flush: 'flush' } },
  );
}
