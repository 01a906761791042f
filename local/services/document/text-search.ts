/**
 * The regular expressions of DocumentApp's findText and replaceText. Google passes the pattern as
 * a string to RE2 (https://developers.google.com/apps-script/reference/document/body#replaceText(String,String):
 * "This method uses Google's RE2 regular expression library, which limits the supported
 * syntax. The provided regular expression pattern is independently matched against each text
 * block"), so a pattern is translated from RE2 syntax to a JavaScript RegExp here, RE2's own
 * refusals (look-around, back-references) are refused, and a match never crosses a paragraph.
 * The replacement is inserted literally: the reference says findText does not support capture
 * groups and says nothing of `$` or `\` in replaceText's replacement (the literal reading is not
 * verified against live Apps Script).
 */

/** Raised for a pattern RE2 would not compile. */
export class InvalidPatternError extends Error {}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** A punctuation or symbol character written so a Unicode-mode RegExp accepts it literally. */
function literal(character: string): string {
  if (/[0-9A-Za-z_\s]/.test(character)) return character;
  if ('^$\\.*+?()[]{}|/-'.includes(character)) return `\\${character}`;
  return character;
}

/** Translates an RE2 pattern into the source and flags of a Unicode JavaScript RegExp. */
export function translatePattern(pattern: string): { source: string; flags: string } {
  let flags = 'u';
  let index = 0;
  let out = '';
  // Leading flag groups such as (?i) or (?is) apply to the whole pattern.
  for (let flagGroup = /^\(\?([imsU]+)\)/.exec(pattern); flagGroup; flagGroup = /^\(\?([imsU]+)\)/.exec(pattern.slice(index))) {
    for (const flag of flagGroup[1] ?? '') {
      if (flag === 'U') throw new InvalidPatternError('non-greedy mode flag');
      if (!flags.includes(flag)) flags += flag;
    }
    index += flagGroup[0].length;
  }
  let inClass = false;
  while (index < pattern.length) {
    const character = pattern[index];
    if (character === '\\') {
      const next = pattern[index + 1];
      if (next === undefined) throw new InvalidPatternError('trailing backslash');
      if (/[1-9]/.test(next)) throw new InvalidPatternError('back-references are not supported');
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', index + 2);
        const quoted = pattern.slice(index + 2, end < 0 ? undefined : end);
        out += [...quoted].map(literal).join('');
        index = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else if (/[dDwWsSbBtnrfvpP]/.test(next) || next === 'x' || next === '0') out += `\\${next}`;
      else if (/[A-Za-z]/.test(next)) throw new InvalidPatternError(`invalid escape \\${next}`);
      else out += literal(next);
      index += 2;
      continue;
    }
    if (inClass) {
      if (character === '[' && pattern[index + 1] === ':') {
        const end = pattern.indexOf(':]', index + 2);
        const name = end < 0 ? '' : pattern.slice(index + 2, end);
        const negated = name.startsWith('^');
        const members = POSIX_CLASSES[negated ? name.slice(1) : name];
        if (!members || negated) throw new InvalidPatternError(`invalid character class [:${name}:]`);
        out += members;
        index = end + 2;
        continue;
      }
      if (character === ']') inClass = false;
      out += character === '[' ? '\\[' : character === '/' ? '\\/' : character;
      index += 1;
      continue;
    }
    if (character === '[') {
      inClass = true;
      out += '[';
      index += 1;
      if (pattern[index] === '^') {
        out += '^';
        index += 1;
      }
      if (pattern[index] === ']') {
        out += '\\]';
        index += 1;
      }
      continue;
    }
    if (character === '(' && pattern[index + 1] === '?') {
      const rest = pattern.slice(index + 2);
      if (rest.startsWith(':')) {
        out += '(?:';
        index += 3;
        continue;
      }
      const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += `(?<${named[1]}>`;
        index += 2 + named[0].length;
        continue;
      }
      // Look-ahead, look-behind and inner flag groups: RE2 refuses the first two; the last is rare.
      throw new InvalidPatternError(`unsupported group (?${rest.slice(0, 2)}`);
    }
    if (character === '{') {
      // RE2 reads `{` as a repetition only in the forms {n}, {n,} and {n,m}; elsewhere it is literal.
      const repetition = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
      if (repetition) {
        if (Number(repetition[1]) > 1000 || Number(repetition[3] || 0) > 1000) throw new InvalidPatternError('bad repetition operator');
        out += repetition[0];
        index += repetition[0].length;
        continue;
      }
      out += '\\{';
    } else if (character === '}' || character === ']' || character === '/') {
      out += `\\${character}`;
    } else {
      out += character;
    }
    index += 1;
  }
  if (inClass) throw new InvalidPatternError('missing ]');
  return { source: out, flags };
}

/** Compiles a pattern (global, for scanning), or throws InvalidPatternError. */
export function compilePattern(pattern: string): RegExp {
  const { source, flags } = translatePattern(pattern);
  try {
    return new RegExp(source, `${flags}g`);
  } catch (error) {
    throw new InvalidPatternError(error instanceof Error ? error.message : String(error));
  }
}

/** One match in a paragraph's text: [start, end). */
export interface TextMatch {
  start: number;
  end: number;
}

/** Every non-overlapping match of `regex` in `text`, left to right (an empty match moves on by one). */
export function allMatches(regex: RegExp, text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    matches.push({ start: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) regex.lastIndex = match.index + (text.codePointAt(match.index)! > 0xffff ? 2 : 1);
    if (regex.lastIndex > text.length) break;
  }
  return matches;
}

/** The first non-empty match at or after `from`, or null. */
export function firstMatch(regex: RegExp, text: string, from: number): TextMatch | null {
  regex.lastIndex = from;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length > 0) return { start: match.index, end: match.index + match[0].length };
    regex.lastIndex = match.index + 1;
    if (regex.lastIndex > text.length) break;
  }
  return null;
}
