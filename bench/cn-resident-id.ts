/**
 * Chinese resident identity numbers (GB 11643-1999) for the independent evaluation, written from the
 * standard and not from logveil's detector: 6-digit region code, birth date YYYYMMDD, 3-digit sequence
 * (odd for men, even for women), and a check character by ISO 7064 MOD 11-2.
 */

/** A few real county-level region codes (GB/T 2260): Beijing Dongcheng, Shanghai Xuhui, Shenzhen Nanshan, Hangzhou Xihu, Chengdu Wuhou, Wuhan Hongshan, Jinan Lixia, Xi'an Baqiao. */
export const REGION_CODES = ['110101', '310104', '440305', '330106', '510107', '420111', '370102', '610113'] as const;

/** The check character of a 17-digit body: weights 2^(17-i) mod 11, then (12 - sum mod 11) mod 11, 10 written X. */
export function residentIdCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** A resident id: region code, a birth date, a sequence number, and its check character. */
export function makeResidentId(region: string, birth: Date, sequence: number): string {
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${region}${ymd}${String(sequence).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/**
 * The independent check: 18 characters, a real calendar date not in the future, and ISO 7064 MOD 11-2
 * in its defining form (the weighted sum of all 18 characters, the check counting 10 for X, is 1 mod 11).
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) return false;
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const a = id[i] === 'X' ? 10 : Number(id[i]);
    sum += a * (2 ** (17 - i) % 11);
  }
  return sum % 11 === 1;
}
