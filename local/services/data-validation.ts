/**
 * Data validation: SpreadsheetApp.newDataValidation()'s builder, the DataValidation a range
 * gives back, and their .xlsx form (a list validation with its values inline). Only "value in
 * list" rules are provided; other criteria are reported as not available.
 */
import type ExcelJS from 'exceljs';
import { makeFake, realmArray, unavailable, type FakeContext } from './fake-object';

/** A validation rule as the runtime keeps it. */
export interface ValidationSpec {
  criteria: 'VALUE_IN_LIST';
  values: string[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

/** An .xlsx validation with the Sheets-only flag it carries within one run. */
type XlsxValidation = ExcelJS.DataValidation & { showDropdown?: boolean };

/** Excel's limit on an inline list (the quoted formula). */
const XLSX_LIST_LIMIT = 255;

/** DataValidationCriteria's names. */
export const DATA_VALIDATION_CRITERIA = [
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const;

/** The builder of SpreadsheetApp.newDataValidation() (or DataValidation.copy()). */
export function makeDataValidationBuilder(context: FakeContext, start?: ValidationSpec): unknown {
  let spec: Partial<ValidationSpec> = start ? { ...start, values: [...start.values] } : { allowInvalid: true, helpText: '' };
  return makeFake(context, 'DataValidationBuilder', (self) => ({
    requireValueInList(values: unknown, showDropdown?: unknown) {
      if (!Array.isArray(values)) unavailable(context, 'DataValidationBuilder', 'requireValueInList', 'values must be a list');
      spec = { ...spec, criteria: 'VALUE_IN_LIST', values: values.map(String), showDropdown: showDropdown === undefined ? true : Boolean(showDropdown) };
      return self;
    },
    setAllowInvalid(allowInvalid: unknown) {
      spec.allowInvalid = Boolean(allowInvalid);
      return self;
    },
    setHelpText(helpText: unknown) {
      spec.helpText = helpText === null || helpText === undefined ? '' : String(helpText);
      return self;
    },
    getCriteriaType() {
      return spec.criteria ?? null;
    },
    getCriteriaValues() {
      return spec.criteria ? realmArray(context, [realmArray(context, spec.values ?? []), spec.showDropdown]) : realmArray(context, []);
    },
    getAllowInvalid() {
      return spec.allowInvalid ?? true;
    },
    getHelpText() {
      return spec.helpText ? spec.helpText : null;
    },
    build() {
      if (spec.criteria !== 'VALUE_IN_LIST') unavailable(context, 'DataValidationBuilder', 'build', 'a rule without requireValueInList');
      return makeDataValidation(context, spec as ValidationSpec);
    },
  }));
}

/** A built rule, as Range.getDataValidation gives it. */
export function makeDataValidation(context: FakeContext, spec: ValidationSpec): unknown {
  return makeFake(
    context,
    'DataValidation',
    () => ({
      getCriteriaType: () => spec.criteria,
      getCriteriaValues: () => realmArray(context, [realmArray(context, spec.values), spec.showDropdown]),
      getAllowInvalid: () => spec.allowInvalid,
      getHelpText: () => (spec.helpText ? spec.helpText : null),
      copy: () => makeDataValidationBuilder(context, spec),
    }),
    { internal: spec },
  );
}

/** The .xlsx form of a rule. */
export function validationToXlsx(context: FakeContext, spec: ValidationSpec, method: string): XlsxValidation {
  if (spec.values.some((value) => value.includes(',') || value.includes('"'))) {
    unavailable(context, 'Range', method, 'list values containing , or " cannot be stored inline in .xlsx');
  }
  const formula = `"${spec.values.join(',')}"`;
  if (formula.length > XLSX_LIST_LIMIT) {
    unavailable(context, 'Range', method, `a list longer than ${XLSX_LIST_LIMIT} characters cannot be stored inline in .xlsx`);
  }
  const validation: XlsxValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    showDropdown: spec.showDropdown,
  };
  if (spec.allowInvalid) validation.errorStyle = 'warning';
  if (spec.helpText) {
    validation.showInputMessage = true;
    validation.prompt = spec.helpText;
  }
  return validation;
}

/** The rule of an .xlsx validation, or why the runtime cannot read it. */
export function validationFromXlsx(validation: XlsxValidation): ValidationSpec | { unsupported: string } {
  const formula = String(validation.formulae?.[0] ?? '');
  if (validation.type !== 'list') return { unsupported: `a validation of type ${validation.type}` };
  if (!/^".*"$/.test(formula)) return { unsupported: `a list taken from ${formula}` };
  const inside = formula.slice(1, -1);
  return {
    criteria: 'VALUE_IN_LIST',
    values: inside === '' ? [] : inside.split(','),
    showDropdown: validation.showDropdown ?? true,
    allowInvalid: !validation.showErrorMessage || (validation.errorStyle !== undefined && validation.errorStyle !== 'stop'),
    helpText: validation.prompt ?? '',
  };
}
