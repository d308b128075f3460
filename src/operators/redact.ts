import type { Operator } from './operator.js';

/**
 * Replace the value by `<REDACTED>`: the value and its type are gone, the token stays. Removing the
 * value outright broke two things: parsers that expect a token where it was (`Accepted password for
 * X from` read by fail2ban or a grok pattern), and idempotence, since on a second pass the label it
 * answered (`身份证：`, `user=`) took the next token. The marker is written like a tag, so a second
 * pass recognises it as operator output (detectors/lib/operator-output.ts) and leaves it.
 */
export const REDACTED = '<REDACTED>';

export const redact: Operator = () => REDACTED;
