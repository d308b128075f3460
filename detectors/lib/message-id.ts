/**
 * A mail Message-ID in `<…>` (RFC 5322): `Message-ID: <20261203101112.ABCD@mail.example.com>`,
 * `In-Reply-To:`, `References: <a@host> <b@host>`, postfix `message-id=<…>`, Dovecot `msgid=<…>`,
 * JSON `"message_id":"<…>"`, or a value under such a key. What is inside is a mail system's unique
 * id: a timestamp, a queue id, a random string and a host, no mailbox and no person. The scanner skips
 * it whole (no card, phone or address in its digits), and the email detector reads it too.
 */

/** Header and field names whose `<…>` value is a message id, compared without `-`/`_` and case, by their end (`X-Original-Message-ID`). */
const MESSAGE_ID_KEYS = ['messageid', 'msgid', 'inreplyto', 'references'];
/** A `References:` thread's ids stepped back over (later ones are scanned: bounded work, failing closed). */
const MESSAGE_IDS_MAX = 64;
/** Longest id read (RFC 5322 lines are at most 998 chars; real ids are well under 256). */
const ID_MAX = 256;

const LT = 60;
const GT = 62;
const SP = 32;
const DQUOTE = 34;

/** Whether `key` (a field name) names a message id. */
export function isMessageIdKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s"']/g, '');
  return MESSAGE_ID_KEYS.some((m) => k.endsWith(m));
}

/**
 * Whether the `<` at `lt` opens a message id: a message-id key before it (with `:` or `=`, spaces and
 * quotes around them, and the thread's earlier ids), or nothing before it and `key`, the key the text
 * is the value of, is one.
 */
export function opensMessageId(text: string, lt: number, key?: string): boolean {
  if (text.charCodeAt(lt) !== LT) return false;
  let i = lt - 1;
  while (i >= 0 && (text.charCodeAt(i) === SP || text.charCodeAt(i) === DQUOTE)) i--;
  // `References: <a@host> <b@host>`: step back over the ids before this one.
  for (let ids = 0; i >= 0 && text.charCodeAt(i) === GT && ids < MESSAGE_IDS_MAX; ids++) {
    const open = text.lastIndexOf('<', i);
    if (open < 0 || i - open > ID_MAX) return false;
    i = open - 1;
    while (i >= 0 && text.charCodeAt(i) === SP) i--;
  }
  if (i < 0) return key !== undefined && isMessageIdKey(key);
  const sep = text.charCodeAt(i);
  if (sep !== 58 /* : */ && sep !== 61 /* = */) return false;
  i--;
  while (i >= 0 && (text.charCodeAt(i) === SP || text.charCodeAt(i) === DQUOTE)) i--;
  let name = '';
  for (; i >= 0 && name.length < 16; i--) {
    const c = text.charCodeAt(i) | 32;
    if (c === 45 || c === 127 /* - and _ (95 | 32) */) continue;
    if (c < 97 || c > 122) break;
    name = String.fromCharCode(c) + name;
  }
  return MESSAGE_ID_KEYS.some((m) => name.endsWith(m));
}

/**
 * Where the message id whose `<` is at `lt` ends (after its `>`), or -1 when that `<` opens none or
 * is not closed before a space or ID_MAX chars (then its text is scanned like any other).
 */
export function messageIdEnd(text: string, lt: number, key?: string): number {
  if (!opensMessageId(text, lt, key)) return -1;
  const stop = Math.min(text.length, lt + ID_MAX);
  for (let i = lt + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === GT) return i > lt + 1 ? i + 1 : -1;
    if (c <= SP) return -1;
  }
  return -1;
}
