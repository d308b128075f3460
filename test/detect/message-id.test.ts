import { describe, expect, it } from 'vitest';
import { generators } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { isMessageIdKey, messageIdEnd } from '../../detectors/lib/message-id.js';
import { anonymizingVisitor, createAnonymizer } from '../../src/index.js';
import { visitLine } from '../../src/formats/text.js';
import { OPERATOR_NAMES } from '../../src/operators/index.js';

/**
 * Inside a Message-ID's `<…>` nothing is found (issue 10 §3): its local part is a mail system's id (a
 * timestamp, a queue id, random chars), which other detectors took for a card, a phone, an address.
 */

const r = rng(20261203);
/** 14 digits that pass Luhn with a Diners IIN (36…): what a card detector takes a timestamp-like id for. */
function dinersLike(): string {
  const body = '36' + String(r.int(0, 99_999_999_999)).padStart(11, '0');
  return body + luhnCheckDigit(body);
}
/** A queue id: ten upper-case letters and digits. */
const queueId = () => Array.from({ length: 10 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[r.int(0, 33)]).join('');

/** Values of every pattern type, as their generators write them, bare (no label). */
const locals = (): string[] => [
  dinersLike(),
  ...(['PHONE', 'PAYMENT_CARD', 'CN_RESIDENT_ID', 'IMEI', 'US_SSN', 'IP_ADDRESS'] as const).map((t) => generators[t](r, 'en').value.replace(/[\s<>"]/g, '')),
];

const lines = (local: string): string[] => [
  `Dec  3 16:02:46 mx1 postfix/cleanup[24687]: C6KGKVX08EL: message-id=<${local}.${queueId()}@mx1.example.com>`,
  `2026-12-03 10:11:12,345 INFO  [mail-1] c.e.mail.Inbound - Message-ID: <${local}@mail.example.net> accepted`,
  `In-Reply-To: <${local}.${queueId()}@mx1.example.com>`,
  `References: <20261203101112.${queueId()}@a.example.com> <${local}@b.example.com>`,
  `dovecot: lmtp(4411): msgid=<${local}@mx1.example.com>: saved mail to INBOX`,
  `{"ts":"2026-12-03T10:11:12Z","message_id":"<${local}@mx1.example.com>","status":"sent"}`,
  `2026-12-03 10:11:12 INFO 邮件已投递 Message-ID: <${local}.${queueId()}@mx1.example.com> 队列：C6KGKVX08EL`,
];

describe('a Message-ID is no personal data', () => {
  it.each(OPERATOR_NAMES.map((op) => [op]))('%s: lines with generated local parts come back unchanged', (operator) => {
    const a = createAnonymizer({ policy: { version: 1, operator }, key: Buffer.alloc(32, 7) });
    const visitor = anonymizingVisitor(a);
    for (let n = 0; n < 10; n++) {
      for (const local of locals()) {
        for (const line of lines(local)) {
          expect(a.anonymize(line), line).toBe(line);
          expect(visitLine(visitor, line, 0), line).toBe(line);
        }
      }
    }
  });

  it('a value under a message-id key (NDJSON, CSV) is one too', () => {
    const a = createAnonymizer();
    const id = `<${dinersLike()}.${queueId()}@mx1.example.com>`;
    for (const key of ['message_id', 'Message-ID', 'messageId', 'In-Reply-To', 'X-Original-Message-ID']) expect(a.anonymize(id, { key })).toBe(id);
    expect(isMessageIdKey('msgid')).toBe(true);
    expect(isMessageIdKey('message')).toBe(false);
  });

  it('what is around a Message-ID is still found', () => {
    const a = createAnonymizer();
    const card = dinersLike();
    expect(a.anonymize(`Message-ID: <${card}@mx.example.com> from=<alice@example.com> card ${card}`)).toBe(`Message-ID: <${card}@mx.example.com> from=<<EMAIL>> card <PAYMENT_CARD>`);
    expect(a.anonymize(`邮件 Message-ID: <${card}@mx.example.com> 收件人手机 13800138000`)).toBe(`邮件 Message-ID: <${card}@mx.example.com> 收件人手机 <PHONE>`);
  });

  it('near misses: no message-id key, a space or no closing > inside: scanned as any text', () => {
    const a = createAnonymizer();
    const card = dinersLike();
    expect(a.anonymize(`to=<${card}@example.com> status=sent`)).toBe('to=<<EMAIL>> status=sent');
    expect(a.anonymize(`id=<${card}.A@example.com>`)).not.toContain(card);
    expect(a.anonymize(`message-id=<${card} @x>`)).toBe('message-id=<<PAYMENT_CARD> @x>');
    expect(a.anonymize(`message-id=<${card}`)).toBe('message-id=<<PAYMENT_CARD>');
    expect(a.anonymize(`messages: <${card}>`)).toBe('messages: <<PAYMENT_CARD>>');
    expect(messageIdEnd('message-id=<>', 11)).toBe(-1);
  });

  it('a long References thread stays linear (bounded steps back)', () => {
    const thread = 'References: ' + Array.from({ length: 5000 }, (_, k) => `<${k}.X@h.example.com>`).join(' ');
    expect(createAnonymizer().anonymize(thread).length).toBeGreaterThan(0);
  });
});
