import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import sid from '../../detectors/windows-sid.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { reveal } from '../../src/reveal.js';
import { visitLine } from '../../src/formats/text.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { findAll, findWith } from '../support/scan.js';

// SIDs made up here: the domain numbers are arbitrary 32-bit values, as Windows draws them per domain.
const DOMAIN = 'S-1-5-21-3623811015-3361044348-30300820';

const find = (text: string) => findWith(sid, text).map(([, v]) => v);
/** Every finding of the whole list, as [type, value]. */
const all = (text: string) => findAll(text, detectors);
const line = (text: string): string => visitLine(anonymizingVisitor(createAnonymizer()), text, 0);

describe('WINDOWS_SID positives', () => {
  it.each([
    ['a domain user', `${DOMAIN}-1013`],
    ['a large RID', `${DOMAIN}-4294967295`],
    ['the first created RID', `${DOMAIN}-1000`],
    ['an Entra ID object', 'S-1-12-1-1257880142-1094563433-2447380102-2196163870'],
    ['lower-case s, as some tools write it', `s-1-5-21-3623811015-3361044348-30300820-1107`],
  ])('%s', (_name, value) => {
    expect(find(value)).toEqual([value]);
  });

  it.each([
    ['Windows event XML (wevtutil)', `<Security UserID='${DOMAIN}-1013'/>`],
    ['a Data element', `<Data Name='TargetUserSid'>${DOMAIN}-1013</Data>`],
    ['Event Viewer text', `New Logon:\tSecurity ID:\t\t${DOMAIN}-1013\tAccount Name:\t\tmgarcia`],
    ['evtx JSON', `{"TargetUserSid":"${DOMAIN}-1013","LogonType":10}`],
    ['whoami /user', `corp\\mgarcia ${DOMAIN}-1013`],
    ['a registry profile key', `HKEY_USERS\\${DOMAIN}-1013\\Software\\Microsoft`],
    ['a Chinese line', `用户SID：${DOMAIN}-1013，登录成功`],
    ['after another field', `user=CORP\\mgarcia sid=${DOMAIN}-1013 status=0x0`],
  ])('in a line: %s', (_name, text) => {
    expect(find(text)).toEqual([`${DOMAIN}-1013`]);
  });

  it('finds every generated account SID, in any line position', () => {
    const u32 = fc.integer({ min: 0, max: 4294967295 });
    fc.assert(
      fc.property(u32, u32, u32, fc.integer({ min: 1000, max: 4294967295 }), fc.constantFrom('', 'sid=', 'UserID=\'', '"sid":"', '用户SID：'), (a, b, c, rid, before) => {
        const value = `S-1-5-21-${a}-${b}-${c}-${rid}`;
        expect(find(`${before}${value} ok`)).toEqual([value]);
        expect(line(`${before}${value} ok`)).not.toContain(value);
      }),
    );
  });
});

describe('WINDOWS_SID near misses: SIDs that name no one', () => {
  it.each([
    ['LocalSystem', 'S-1-5-18'],
    ['Network Service', 'S-1-5-20'],
    ['NULL SID', 'S-1-0-0'],
    ['Everyone', 'S-1-1-0'],
    ['BUILTIN\\Administrators', 'S-1-5-32-544'],
    ['high integrity level', 'S-1-16-12288'],
    ['the built-in Administrator', `${DOMAIN}-500`],
    ['Domain Admins', `${DOMAIN}-512`],
    ['the last built-in RID', `${DOMAIN}-999`],
    ["the domain's own SID", DOMAIN],
    ['a service SID', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464'],
    ['a DWM virtual account', 'S-1-5-90-0-2'],
    ['an app container', 'S-1-15-2-1430448594-2639229838-973813799-439329657-1197984847-4069167804-1277922394'],
    ['a number past 32 bits', 'S-1-5-21-4294967296-3361044348-30300820-1013'],
    ['one number too many', `${DOMAIN}-1013-7`],
    ['glued to a word', `XS${DOMAIN.slice(1)}-1013`],
    ['glued to letters after', `${DOMAIN}-1013abc`],
    ['a GUID', '{54849625-5478-4994-A5BA-3E3B0328C30D}'],
    ['a version', 'S-1.5.21 build 3623811015'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });

  it('in a whole event, only the account SID is replaced', () => {
    const event = (target: string) =>
      `<Event><System><Security UserID='S-1-5-18'/></System><EventData><Data Name='SubjectUserSid'>S-1-5-18</Data><Data Name='TargetUserSid'>${target}</Data><Data Name='MandatoryLabel'>S-1-16-12288</Data><Data Name='GroupSid'>${DOMAIN}-512</Data></EventData></Event>`;
    expect(line(event(`${DOMAIN}-1013`))).toBe(event('<WINDOWS_SID>'));
  });

  it('other detectors do not read parts of a SID (its numbers are no phones, accounts or ids)', () => {
    expect(all(`sid=${DOMAIN}-1013`)).toEqual([['WINDOWS_SID', `${DOMAIN}-1013`]]);
    expect(all(`sid=${DOMAIN}-512`)).toEqual([]);
  });
});

describe('WINDOWS_SID operators', () => {
  const KEY = new Uint8Array(32).fill(3);
  const withOperator = (operator: string) => createAnonymizer({ key: KEY, policy: { version: 1, operator } as never });
  const ENTRA = 'S-1-12-1-1257880142-1094563433-2447380102-2196163870';

  it('pseudonym: the same shape, the domain kept, another account RID (1000 and up); the same for the same SID', () => {
    const a = withOperator('pseudonym');
    const rids = new Set<number>();
    for (let rid = 1000; rid < 1100; rid++) {
      const out = a.anonymize(`${DOMAIN}-${rid}`);
      const m = new RegExp(`^${DOMAIN}-([1-9]\\d{3})$`).exec(out);
      expect(m, out).not.toBeNull();
      expect(Number(m![1])).not.toBe(rid);
      rids.add(Number(m![1]));
      expect(a.anonymize(`${DOMAIN}-${rid}`)).toBe(out);
    }
    expect(rids.size).toBeGreaterThan(90); // drawn, not one constant
    const entra = a.anonymize(ENTRA);
    expect(entra).toMatch(/^S-1-12-1-[1-9]\d{9}-[1-9]\d{9}-[1-9]\d{9}-[1-9]\d{9}$/);
    expect(entra.split('-').slice(4).every((n) => Number(n) <= 4294967295)).toBe(true);
    expect(entra).not.toBe(ENTRA);
  });

  it('mask: the domain shows, the account does not', () => {
    expect(withOperator('mask').anonymize(`sid=${DOMAIN}-1013`)).toBe(`sid=${DOMAIN}-****`);
    expect(withOperator('mask').anonymize(ENTRA)).toBe('S-1-12-1-**********-**********-**********-**********');
  });

  it('encrypt: reveal gives the SID back (a short RID as a token, a long one in place)', () => {
    const policy = { version: 1, operator: 'encrypt' } as never;
    const line = `short=${DOMAIN}-1013 long=${DOMAIN}-4294967295 entra=${ENTRA}`;
    const encrypted = createAnonymizer({ key: KEY, policy }).anonymize(line);
    expect(encrypted).not.toContain('-1013 ');
    expect(encrypted).not.toContain('4294967295');
    expect(encrypted).not.toContain('1257880142');
    expect(reveal(encrypted, { key: KEY, policy })).toBe(line);
  });


  it('a keyed pseudonym is the same for the same SID in any case, and differs between SIDs', () => {
    const a = createAnonymizer({ key: new Uint8Array(32).fill(3), policy: { version: 1, operator: 'hash' } });
    const x = a.anonymize(`sid=${DOMAIN}-1013`);
    expect(x).not.toContain('1013');
    expect(a.anonymize(`sid=${DOMAIN.toLowerCase()}-1013`)).toBe(x);
    expect(a.anonymize(`sid=${DOMAIN}-1014`)).not.toBe(x);
  });
});
