import { defineDetector } from './lib/define.js';
import { label, written, type Rng } from './lib/generate.js';

/**
 * Windows security identifier (SID) of an account: a user, group or computer of a domain or a machine
 * (`S-1-5-21-<the domain's three numbers>-<RID>`, RID 1000 and up: the accounts created there), or an
 * Entra ID (Azure AD) object (`S-1-12-1-<four numbers>`). Windows writes them in every security event
 * (`TargetUserSid`, `SubjectUserSid`, `<Security UserID='…'/>`), and Sysmon, PowerShell and Active
 * Directory audit logs carry them: with the directory at hand, a SID names its account's owner.
 *
 * Not found, as they name no one: well-known SIDs (`S-1-5-18` LocalSystem, `S-1-0-0`, `S-1-5-32-544`
 * Administrators), a domain's built-in accounts and groups (RID below 1000: `-500` Administrator,
 * `-512` Domain Admins), service, virtual-account and app-container SIDs (`S-1-5-80-…`, `S-1-5-90-…`,
 * `S-1-15-…`), integrity levels (`S-1-16-12288`) and a domain's own SID (no RID). Each sub-authority
 * is a 32-bit number; a further number after the RID makes it none of these.
 *
 * No check digit: the structure is the evidence (a score below the checksum-validated types').
 */

const SCORE = 0.85;
const MAX_SUB_AUTHORITY = 4294967295;
/** RIDs below this are a domain's or machine's built-in accounts and groups. */
const FIRST_CREATED_RID = 1000;

const N = '\\d{1,10}';

/** The numbers of the SID at text[start, end): `S-1-` and the authority skipped. */
function subAuthorities(text: string, start: number, end: number): number[] {
  return text.slice(start + 4, end).split('-').map(Number);
}

/** A sub-authority as Windows draws a domain's (32 bits, seldom small). */
const domainPart = (r: Rng): number => r.int(100_000_000, MAX_SUB_AUTHORITY);

export default defineDetector({
  type: 'WINDOWS_SID',
  name: 'windows_sid',
  candidate: 'alnum',
  dashStart: true,
  minLen: 16,
  maxLen: 52,
  shape: new RegExp(`[Ss]-1-(?:5-21-${N}-${N}-${N}-${N}|12-1-${N}-${N}-${N}-${N})(?!-\\d)`, 'y'),
  validate(text, start, end) {
    const parts = subAuthorities(text, start, end);
    if (parts.some((p) => p > MAX_SUB_AUTHORITY)) return 0;
    // S-1-5-21-d-d-d-RID: a created account; S-1-12-1-…: an Entra ID object (always one).
    return parts[0] === 5 && parts[parts.length - 1] < FIRST_CREATED_RID ? 0 : SCORE;
  },
  normalize: (value) => value.toUpperCase(),
  // The domain shows (`S-1-5-21-3623811015-3361044348-30300820-****`); an Entra ID object's numbers do not.
  mask: (value) => value.replace(/^([Ss]-1-(?:5-21-\d+-\d+-\d+-|12-1-))(.*)$/, (_all, head: string, tail: string) => head + tail.replace(/\d/g, '*')),
  examples: {
    match: [
      'S-1-5-21-3623811015-3361044348-30300820-1013',
      'TargetUserSid=S-1-5-21-1004336348-1177238915-682003330-1108',
      "<Security UserID='S-1-5-21-2025429265-507921405-1202660629-2104'/>",
      'S-1-12-1-1257880142-1094563433-2447380102-2196163870',
    ],
    noMatch: [
      'S-1-5-18',
      'S-1-5-32-544',
      'S-1-0-0',
      'S-1-16-12288',
      'S-1-5-21-3623811015-3361044348-30300820-500',
      'S-1-5-21-3623811015-3361044348-30300820-512',
      'S-1-5-21-3623811015-3361044348-30300820',
      'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
      'S-1-5-21-3623811015-3361044348-30300820-1013-7',
      'S-1-5-21-4294967296-3361044348-30300820-1013',
      'XS-1-5-21-3623811015-3361044348-30300820-1013',
    ],
  },
  generate: {
    valid(r, lang) {
      const value = r.chance(0.8)
        ? `S-1-5-21-${domainPart(r)}-${domainPart(r)}-${domainPart(r)}-${r.int(FIRST_CREATED_RID, 250_000)}`
        : `S-1-12-1-${r.int(1, MAX_SUB_AUTHORITY)}-${r.int(1, MAX_SUB_AUTHORITY)}-${r.int(1, MAX_SUB_AUTHORITY)}-${r.int(1, MAX_SUB_AUTHORITY)}`;
      return written(value, label(r, lang, ['TargetUserSid=', 'SubjectUserSid: ', 'sid=', 'Security ID: ', 'objectSid: '], ['用户SID：', 'SID='], 0.3));
    },
    nearMisses: {
      // A domain's built-in account or group, a well-known SID, a service's SID: no person's.
      sid_builtin: (r) => written(`S-1-5-21-${domainPart(r)}-${domainPart(r)}-${domainPart(r)}-${r.pick([500, 501, 502, 512, 513, 519])}`, 'sid='),
      sid_well_known: (r) => written(r.pick(['S-1-5-18', 'S-1-5-19', 'S-1-5-20', 'S-1-5-32-544', 'S-1-5-32-545', 'S-1-16-12288', 'S-1-0-0']), 'SubjectUserSid='),
      sid_service: (r) => written(`S-1-5-80-${domainPart(r)}-${domainPart(r)}-${domainPart(r)}-${domainPart(r)}-${domainPart(r)}`, 'sid='),
    },
    keys: { en: ['sid', 'TargetUserSid', 'objectSid'], zh: ['SID', '用户SID'] },
  },
});
