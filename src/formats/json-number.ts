/** A JSON number exactly as RFC 8259 writes one (`-0`, `1.50`, `1e3`; not `01`, `.5`, `+1`, `0x10`). */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$/;

/** Whether a replacement for a JSON number can be written as a bare number. */
export function isJsonNumber(text: string): boolean {
  return JSON_NUMBER.test(text);
}
