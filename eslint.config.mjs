// Lint: typescript-eslint's recommended rules, plus the house rules that keep arrows pointing
// inward — domain imports nothing of ours but domain and touches no Apps Script service; gas
// never imports addon; local/ and test/ never import src/ except test/unit (pure domain).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptServices = [
  'SpreadsheetApp', 'DriveApp', 'DocumentApp', 'SlidesApp', 'MailApp', 'GmailApp', 'ScriptApp',
  'LockService', 'PropertiesService', 'CacheService', 'Session', 'Utilities', 'HtmlService', 'Logger',
].map((name) => ({ name, message: 'Apps Script services belong in src/gas.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptServices],
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/gas/**', '../gas', '**/addon/**', '../addon', '**/main'], message: 'src/domain imports only src/domain.' },
      ] }],
    },
  },
  {
    files: ['src/addon/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptServices] },
  },
  {
    files: ['src/gas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/addon/**', '../addon', '**/main'], message: 'src/gas must not import src/addon.' }] }],
    },
  },
  {
    files: ['local/**/*.ts', 'test/bundle/**/*.ts', 'bench/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**'], message: 'The runtime and bundle tests use dist/Code.js, never src/.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bin/**'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
