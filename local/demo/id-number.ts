/**
 * Synthetic 身份证号 for the demo (GB 11643-1999): a region code, a birth date, a sequence and the
 * ISO 7064 MOD 11-2 check digit, so the checker accepts them — except those planted with a wrong one.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** An 18-character number with a right check character. */
export function idNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}

/** The same number with a wrong check character (a typing mistake in the last place). */
export function withWrongCheck(id: string): string {
  const right = id.slice(-1);
  const wrong = CHECK_CHARACTERS[(CHECK_CHARACTERS.indexOf(right) + 3) % 11] as string;
  return `${id.slice(0, 17)}${wrong}`;
}
