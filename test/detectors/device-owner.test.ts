import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { allFakers, type Faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import deviceOwner, { isStopWord } from '../../detectors/device-owner.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { formats } from '../../src/formats/index.js';
import { visitLine } from '../../src/formats/text.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { findAll } from '../support/scan.js';

/** The PERSON_NAME findings of the whole list in a string, as their text. */
const owners = (text: string): string[] =>
  findAll(text, detectors)
    .filter(([type]) => type === 'PERSON_NAME')
    .map(([, value]) => value);

const anonymizer = createAnonymizer();
const visitor = anonymizingVisitor(anonymizer);
/** A text line as `logveil anonymize` writes it with the default policy. */
const line = (text: string): string => visitLine(visitor, text, 0);

/** A whole input through one format's transform, as the CLI runs it. */
async function through(format: 'csv' | 'ndjson', input: string): Promise<string> {
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from([Buffer.from(input, 'utf8')]),
    formats[format].createTransform({ visitor, source: `in.${format}`, warn: () => {} }),
    new Writable({
      write(c: Buffer, _e, cb) {
        parts.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(parts).toString('utf8');
}

// Generated owners: first and last names of several locales (faker, seeded), letters only (a name
// with an apostrophe or a space of its own is not what Apple writes into a host name).
const LOCALES = ['en', 'en_GB', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt_BR', 'sv', 'tr', 'ru'] as const;
const LETTERS = /^\p{L}{2,20}$/u;
function names(faker: Faker, pick: () => string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n && i < 20 * n; i++) {
    const v = pick();
    if (LETTERS.test(v)) out.push(v);
  }
  return out;
}
const OWNERS = LOCALES.flatMap((loc) => {
  const f = allFakers[loc];
  f.seed(20261204);
  const firsts = names(f, () => f.person.firstName(), 4);
  // Spanish surnames come in pairs (`Domínguez Ferrer`): each is a word of its own.
  const lasts = names(f, () => f.person.lastName().split(' ')[0], 2);
  return firsts.map((first, i) => ({ loc, first, last: lasts[i % lasts.length] }));
});

/** Apple's device names for an owner, each with the part that is the owner's (the expected finding). */
function deviceNames(first: string, last: string): Array<[device: string, owner: string]> {
  return [
    [`${first}s-MacBook-Pro`, `${first}s`],
    [`${first}-${last}s-MacBook-Pro`, `${first}-${last}s`],
    [`${first}-${last}s-MacBook-Pro.local`, `${first}-${last}s`],
    [`${first}s-MacBook-Air`, `${first}s`],
    [`${first}s-iMac`, `${first}s`],
    [`${first}s-Mac-mini`, `${first}s`],
    [`${first}s-iPhone`, `${first}s`],
    [`${first}s-iPad`, `${first}s`],
    [`${first}s-Apple-Watch`, `${first}s`],
    [`${first.toLowerCase()}s-macbook-pro`, `${first.toLowerCase()}s`],
    [`${first.toUpperCase()}S-IPHONE`, `${first.toUpperCase()}S`],
    [`${first}’s iPhone`, first],
    [`${first}'s iPad`, first],
    [`${first} ${last}’s MacBook Pro`, `${first} ${last}`],
  ];
}

describe('PERSON_NAME: the owner in Apple device names', () => {
  it('has generated owners of every locale', () => {
    expect(new Set(OWNERS.map((o) => o.loc)).size).toBe(LOCALES.length);
  });

  it.each(OWNERS.map((o) => [`${o.first} ${o.last} (${o.loc})`, o] as const))('%s: each device form', (_label, o) => {
    for (const [device, owner] of deviceNames(o.first, o.last)) {
      expect(owners(device), device).toEqual([owner]);
      expect(line(`host=${device} connected`), device).toBe(`host=${device.replace(owner, '<PERSON_NAME>')} connected`);
    }
  });

  it.each(OWNERS.map((o) => [`${o.first} (${o.loc})`, o] as const))('%s: in syslog, DHCP and Bluetooth lines, the rest byte-identical', (_label, o) => {
    const host = `${o.first}s-MacBook-Pro`;
    const phone = `${o.first}s-iPhone`;
    // [line, the owner's part, the line as it must come out]
    const cases: Array<[string, string, string]> = [
      [`Jul  1 11:43:08 ${host} UserEventAgent[43]: Captive: CNPluginHandler en0: Evaluating`, `${o.first}s`,
        'Jul  1 11:43:08 <PERSON_NAME>-MacBook-Pro UserEventAgent[43]: Captive: CNPluginHandler en0: Evaluating'],
      [`dhcpd[812]: DHCPACK on 192.0.2.45 to 3c:22:fb:aa:bb:cc (${phone}) via eth0`, `${o.first}s`,
        'dhcpd[812]: DHCPACK on <IP_ADDRESS> to <MAC_ADDRESS> (<PERSON_NAME>-iPhone) via eth0'],
      [`dnsmasq-dhcp[977]: DHCPACK(eth0) 192.0.2.45 3c:22:fb:aa:bb:cc ${phone}`, `${o.first}s`,
        'dnsmasq-dhcp[977]: DHCPACK(eth0) <IP_ADDRESS> <MAC_ADDRESS> <PERSON_NAME>-iPhone'],
      [`bluetoothd[120]: Device "${o.first}’s iPhone" connected`, o.first, 'bluetoothd[120]: Device "<PERSON_NAME>’s iPhone" connected'],
      [`sharingd[301]: AirDrop from ${o.first} ${o.last}’s MacBook Pro accepted`, `${o.first} ${o.last}`,
        'sharingd[301]: AirDrop from <PERSON_NAME>’s MacBook Pro accepted'],
    ];
    for (const [text, owner, expected] of cases) {
      expect(owners(text), text).toEqual([owner]);
      expect(line(text)).toBe(expected);
    }
  });

  it('in a JSON hostname and a CSV cell', async () => {
    const { first } = OWNERS[0];
    const json = `{"ts":"2026-07-01T11:43:08Z","hostname":"${first}s-MacBook-Pro","msg":"wake"}\n`;
    expect(await through('ndjson', json)).toBe(json.replace(`${first}s`, '<PERSON_NAME>'));
    const csv = `time,device,event\n2026-07-01T11:43:08Z,${first}s-iPhone,lease\n`;
    expect(await through('csv', csv)).toBe(csv.replace(`${first}s`, '<PERSON_NAME>'));
  });

  it("loghub's hand-anonymized Mac host, glued to the model", () => {
    expect(line('Jul  8 04:16:49 authorMacBook-Pro kernel[0]: ARPT: 620651.021826: wl0: MDNS: IPV6 Addr')).toBe(
      'Jul  8 04:16:49 <PERSON_NAME>MacBook-Pro kernel[0]: ARPT: 620651.021826: wl0: MDNS: IPV6 Addr',
    );
  });

  it('drops generic words before the name, keeps prose out of it', () => {
    expect(owners('Test-Emmas-iPhone')).toEqual(['Emmas']);
    expect(owners('Connected to Emma’s iPhone')).toEqual(['Emma']);
    expect(owners('ERROR Emma’s iPhone')).toEqual(['Emma']);
    expect(owners('James’ iPad')).toEqual(['James']);
  });

  it.each([
    'My-iPhone', 'Work-MacBook-Pro', 'Office-iMac', 'The-iPad', 'Test-iPhone', 'Dev-MacBook', 'New-iPad', 'iPhone', 'MacBook-Pro',
    'Apple-iPhone', 'iPhone14,2', 'MacBookPro18,3', 'model=iPhone15,3 os=17.4', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15',
    'Mac OS X', '/Applications/iPhone Backup', 'Connected iPhone', 'Paired iPad', 'NYC-MacBook-Pro', 'QA-iPad', 'LAB3-iMac',
    'build_iphone', 'com.example.iPhone', 'detectMacBookModel', 'isMacBook(x)', 'client-mac=00:1a:2b:3c:4d:5e', 'Olivias-Mac.local',
  ])('leaves %j', (text) => {
    expect(owners(text)).toEqual([]);
    expect(line(text)).not.toContain('PERSON_NAME');
  });

  it('Chinese: the name before 的 (as iOS and macOS name devices in Chinese), generated names', () => {
    const zh = allFakers.zh_CN;
    zh.seed(20261204);
    const names = Array.from({ length: 60 }, () => `${zh.person.lastName()}${zh.person.firstName()}`).filter((n) => /^\p{Script=Han}{2,3}$/u.test(n));
    expect(names.length).toBeGreaterThan(30);
    for (const n of names) {
      expect(line(`蓝牙：${n}的iPhone 已连接`)).toBe('蓝牙：<PERSON_NAME>的iPhone 已连接');
      expect(line(`AirDrop 来自“${n}的 MacBook Pro”的文件`)).toBe('AirDrop 来自“<PERSON_NAME>的 MacBook Pro”的文件');
    }
    // No space before a name in Chinese: the last three Han chars before 的 go (a char too many, never a surname left).
    expect(line('已连接到张伟的iPad')).toBe('已连接<PERSON_NAME>的iPad');
  });

  it.each(['用户的iPhone', '我的iPad', '您的iPhone', '一台新的MacBook Pro', '公司的iMac', '蓝牙设备已连接MacBook-Pro', '连接iPhone失败', '的iPhone'])(
    'Chinese: leaves %j (a pronoun or generic word, or Chinese text glued to a device word)',
    (text) => {
      expect(line(text)).toBe(text);
    },
  );

  it("a device word is no phone's context: the numbers after it stay (a phone written as one is still found)", () => {
    expect(line('host=Emmas-iPhone bytes=551524420')).toBe('host=<PERSON_NAME>-iPhone bytes=551524420');
    expect(line('model=iPhone bytes=551524420 took 4155550123 us')).toBe('model=iPhone bytes=551524420 took 4155550123 us');
    expect(line('iPhone 415-555-0123')).toBe('iPhone <PHONE>');
    expect(line('contactPhone 4155550123')).toBe('contactPhone <PHONE>'); // a hump after more than one letter is one
  });

  it('anonymizing twice changes nothing the first pass wrote', () => {
    for (const text of ['Olivias-MacBook-Pro', 'Olivia’s iPhone', 'authorMacBook-Pro', '(Emmas-iPhone)']) {
      const once = line(text);
      expect(line(once)).toBe(once);
    }
  });

  it('never leaves a generated owner in a device name (property)', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäéëïöüçñøå');
    const word = fc.array(letter, { minLength: 3, maxLength: 12 }).map((cs) => cs[0].toUpperCase() + cs.slice(1).join(''));
    const device = fc.constantFrom('-MacBook-Pro', '-MacBook-Air', '-MBP', '-iMac', '-Mac-mini', '-Mac-Studio', '-iPhone', '-iPad', '-iPod', '-Apple-Watch', '-macbook-pro', '-iphone');
    fc.assert(
      fc.property(word, fc.option(word, { nil: undefined }), fc.boolean(), device, fc.constantFrom(' ', '(', '"', '=', '\t'), (first, last, s, dev, open) => {
        const owner = `${first}${last ? `-${last}` : ''}${s ? 's' : ''}`;
        // A generated word may be a stop word (`New`, `Any`): that one is left on purpose.
        fc.pre(!isStopWord(first));
        const text = `lease${open}${owner}${dev}${open === '(' ? ')' : open === '"' ? '"' : ''} ok`;
        const out = line(text);
        return !out.includes(owner) && out === text.replace(owner, '<PERSON_NAME>');
      }),
      { numRuns: 300 },
    );
  });

  it('is PERSON_NAME, offered by the scanner only before its device words', () => {
    expect(deviceOwner.type).toBe('PERSON_NAME');
    expect(deviceOwner.candidate).toBe('before');
  });
});
