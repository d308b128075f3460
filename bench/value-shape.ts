/** A value's shape, safe to print: every digit becomes 9, every letter a (A when upper case), the rest stays. */
export function valueShape(value: string): string {
  return value.replace(/\p{Nd}|\p{L}/gu, (c) => (/\p{Nd}/u.test(c) ? '9' : /\p{Lu}/u.test(c) ? 'A' : 'a'));
}
