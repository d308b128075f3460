import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { formats } from '../../src/formats/index.js';
import type { PolicyInput } from '../../src/policy/schema.js';
import { anonymizingVisitor, scanningVisitor, type FindingReport } from '../../src/visitors.js';
import { runFormat } from '../support/format-run.js';

/** Values generated here: Luhn check digits computed, phones in 555-01xx, addresses in documentation ranges. */
const CARD = '555555555555444' + luhnCheckDigit('555555555555444');
const UNKNOWN_IIN_CARD = '990012345678' + luhnCheckDigit('990012345678'); // 13 digits, no known brand
const IMEI = '35555550123456' + luhnCheckDigit('35555550123456');
const US = '2025550143';

async function anonymize(format: 'text' | 'ndjson' | 'csv', input: string, policy?: PolicyInput): Promise<string> {
  const a = createAnonymizer({ policy, key: new Uint8Array(32).fill(7) });
  return (await runFormat(formats[format], input, anonymizingVisitor(a))).text;
}

describe('field names by their words, on realistic lines', () => {
  it('logfmt, English', async () => {
    const line = `level=info msg="callback queued" callback_number=${US} contact_phone=13800138000 custMobile=13900139000 user_email=alice@example.com src_ip=203.0.113.9 client_addr=198.51.100.7\n`;
    expect(await anonymize('text', line)).toBe(
      'level=info msg="callback queued" callback_number=<PHONE> contact_phone=<PHONE> custMobile=<PHONE> user_email=<EMAIL> src_ip=<IP_ADDRESS> client_addr=<IP_ADDRESS>\n',
    );
  });

  it('a card under a card field even when its IIN is unknown; its value checked for digits', async () => {
    expect(await anonymize('text', `payment.card=${UNKNOWN_IIN_CARD} cardNo=${CARD} card_type=VISA\n`)).toBe(
      'payment.card=<PAYMENT_CARD> cardNo=<PAYMENT_CARD> card_type=VISA\n',
    );
  });

  it('JSON records (NDJSON), nested and with dashed keys', async () => {
    const rec = `{"ts":"2026-02-24T08:00:02Z","payment":{"card":"${CARD}","amount":"12.50"},"x-forwarded-for":"203.0.113.9, 198.51.100.2","deviceImei":"${IMEI}","emailAddr":"bob@example.com"}\n`;
    expect(await anonymize('ndjson', rec)).toBe(
      '{"ts":"2026-02-24T08:00:02Z","payment":{"card":"<PAYMENT_CARD>","amount":"12.50"},"x-forwarded-for":"<IP_ADDRESS>, <IP_ADDRESS>","deviceImei":"<IMEI>","emailAddr":"<EMAIL>"}\n',
    );
  });

  it('keys made of device and call words are context for the scan (no field type of their own)', async () => {
    const rec = `{"terminalNo":"${IMEI}","callerId":"${US}","handset":"${IMEI}","终端编号":"${IMEI}","来电号码":"${US}","seq":"${US}"}\n`;
    expect(await anonymize('ndjson', rec)).toBe(
      `{"terminalNo":"<IMEI>","callerId":"<PHONE>","handset":"<IMEI>","终端编号":"<IMEI>","来电号码":"<PHONE>","seq":"${US}"}\n`,
    );
  });

  it('a note in the key is read around: 姓名（中文）：, Name (full):, "phone (home)"', async () => {
    expect(await anonymize('text', '2026-02-24 08:00:03 INFO 实名信息 姓名（中文）：张三 地址（现居）：北京市朝阳区示例路8号\n')).toBe(
      '2026-02-24 08:00:03 INFO 实名信息 姓名（中文）：<PERSON_NAME> 地址（现居）：<ADDRESS>\n',
    );
    expect(await anonymize('text', `Phone (mobile): ${US}, Name (full): Zhang San\n`)).toBe('Phone (mobile): <PHONE>, Name (full): <PERSON_NAME>\n');
    expect(await anonymize('ndjson', `{"phone (home)":"${US}","name (app)":"com.example.app"}\n`)).toBe(
      `{"phone (home)":"<PHONE>","name (app)":"com.example.app"}\n`,
    );
    // Prose with brackets before a colon is no key: `see note (1): …` names nothing.
    expect(await anonymize('text', 'retry (2): upstream timeout\n')).toBe('retry (2): upstream timeout\n');
  });

  it('Chinese keys: a known word at the end of a run, digits after it', async () => {
    const line = `2026-02-24 08:00:03 INFO 下单成功 联系人手机号=13800138000 收货人姓名=张三 手机号码1=13900139000 IP地址=192.0.2.44 订单号=202602240001\n`;
    expect(await anonymize('text', line)).toBe(
      '2026-02-24 08:00:03 INFO 下单成功 联系人手机号=<PHONE> 收货人姓名=<PERSON_NAME> 手机号码1=<PHONE> IP地址=<IP_ADDRESS> 订单号=202602240001\n',
    );
  });

  it('look-alike keys stay: zip in tip, name in hostname, mail in mailbox_size, card in discard, ids', async () => {
    const line = 'tip=3 description=ok hostname=db01.example.com file_name=report.pdf mailbox_size=12 discard=1 user_id=42 order_id=8812030045671234\n';
    expect(await anonymize('text', line)).toBe(line);
  });
});

describe('field-rule values must be plausible for their type (guessed types)', () => {
  it('code, hosts and small integers under personal field names are scanned, and stay', async () => {
    const line = 'address: 0x0003f2a0 name=com.example.app Name=IOReporter deviceId=3 host_name=db01.example.com phone_verified=true has_email=false\n';
    expect(await anonymize('text', line)).toBe(line);
    const rec = '{"address":"0x0003f2a0","name":"IOReporter","device_id":"3","user":{"name":"com.example.app"},"server_address":"db01.example.com:5432"}\n';
    expect(await anonymize('ndjson', rec)).toBe(rec);
  });

  it('a service or logger name (lower-case words joined by - or _) is no person: pino and bunyan write one in every record', async () => {
    const rec = '{"level":30,"time":1764806400000,"pid":7,"hostname":"web-01","name":"orders-api","msg":"paid"}\n';
    expect(await anonymize('ndjson', rec)).toBe(rec);
    expect(await anonymize('text', 'job started name=checkout_worker queue=default\n')).toBe('job started name=checkout_worker queue=default\n');
    // A person's name with a hyphen is written with capitals, and is still one.
    expect(await anonymize('ndjson', '{"name":"Jean-Luc Martin"}\n')).toBe('{"name":"<PERSON_NAME>"}\n');
  });

  it('placeholders stay as they are', async () => {
    const line = 'name=- phone=N/A email=null ssn=XXX-XX-XXXX card=**** imei=000000000000000 address=unknown 手机号=无\n';
    expect(await anonymize('text', line)).toBe(line);
    const rec = '{"name":"","email":"-","phone":"null","地址":"未知"}\n';
    expect(await anonymize('ndjson', rec)).toBe(rec);
  });

  it('an implausible value is scanned, never kept unscanned: what is in it is still found', async () => {
    expect(await anonymize('ndjson', '{"contact_phone":"call 13800138000 after 6pm","user_email":"ask 13900139000"}\n')).toBe(
      '{"contact_phone":"call <PHONE> after 6pm","user_email":"ask <PHONE>"}\n',
    );
    expect(await anonymize('text', 'address: 203.0.113.9\n')).toBe('address: <IP_ADDRESS>\n');
    // An address with a port is scanned too: the port stays as written.
    expect(await anonymize('text', 'client_addr=198.51.100.7:443 src_ip=[2001:db8::1]:8443\n')).toBe('client_addr=<IP_ADDRESS>:443 src_ip=[<IP_ADDRESS>]:8443\n');
  });

  it('plausible values are replaced whole, as before', async () => {
    expect(await anonymize('ndjson', '{"name":"Zhang San","address":"Room 1203, 8 Example Road","device_id":"6D92078A-8246-4BA4-AE5B-76104861E7DC"}\n')).toBe(
      '{"name":"<PERSON_NAME>","address":"<ADDRESS>","device_id":"<DEVICE_ID>"}\n',
    );
  });

  it('CSV columns too', async () => {
    const csv = `name,contact_phone,address\nIOReporter,${US},0x0003f2a0\nLi Si,-,北京市朝阳区示例路8号\n`;
    expect(await anonymize('csv', csv)).toBe(`name,contact_phone,address\nIOReporter,<PHONE>,0x0003f2a0\n<PERSON_NAME>,-,<ADDRESS>\n`);
  });
});

describe('explicit rules are the user\'s word', () => {
  const policy: PolicyInput = { fields: { rules: [{ match: 'build', as: 'PERSON_NAME' }, { match: 'name', as: 'PERSON_NAME' }], names: { kontakt: 'PHONE' } } };

  it('an explicit `as` replaces whatever the value looks like', async () => {
    expect(await anonymize('text', 'build=com.example.app name=IOReporter kontakt=ask-me\n', policy)).toBe('build=<PERSON_NAME> name=<PERSON_NAME> kontakt=<PHONE>\n');
  });

  it('but keeps placeholders', async () => {
    expect(await anonymize('text', 'build=- name=N/A kontakt=null\n', policy)).toBe('build=- name=N/A kontakt=null\n');
  });
});

describe('scan reports what anonymize replaces', () => {
  it('no finding for a placeholder or an implausible value; the scan of it instead', async () => {
    const a = createAnonymizer();
    const found: FindingReport[] = [];
    await runFormat(formats.ndjson, '{"name":"IOReporter","phone":"-","contact_phone":"call 13800138000","custMobile":"13900139000"}\n', scanningVisitor(a, (r) => found.push(r)));
    expect(found.map((r) => [r.field, r.finding.type, r.finding.detector])).toEqual([
      ['contact_phone', 'PHONE', 'phone'],
      ['custMobile', 'PHONE', 'field_rule'],
    ]);
  });
});
