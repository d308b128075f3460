import { describe, expect, it } from 'vitest';
import { createPeers } from '../../bench/peers.js';

const peers = new Map(createPeers().map((p) => [p.name, p]));

describe('the npm peers of the benchmark', () => {
  it('are the three packages of issue 13, with their installed versions', () => {
    expect([...peers.keys()]).toEqual(['@redactpii/node', 'redact-pii', '@cdssnc/sanitize-pii']);
    for (const p of peers.values()) expect(p.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  // Inputs and outputs from each package's README (quick start), so the adapters call them as intended.
  it('@redactpii/node redacts as its README shows', () => {
    expect(peers.get('@redactpii/node')!.redact('Hi, my email is john@example.com and my phone is 555-123-4567')).toBe(
      'Hi, my email is EMAIL_ADDRESS and my phone is PHONE_NUMBER',
    );
  });

  it('@cdssnc/sanitize-pii sanitizes as its README shows', () => {
    expect(peers.get('@cdssnc/sanitize-pii')!.redact('Contact me at (555) 123-4567 with Account ID 1234')).toBe(
      'Contact me at [Redacted: phone_number] with Account ID 1234',
    );
  });

  it('redact-pii (SyncRedactor) takes the phone out of its README example', () => {
    // Its README prints `Hi NAME, …`, but its NameRedactor writes PERSON_NAME: only the phone's and the name's absence are checked.
    const out = peers.get('redact-pii')!.redact('Hi David Johnson, Please give me a call at 555-555-5555');
    expect(out).toContain('Please give me a call at PHONE_NUMBER');
    expect(out).not.toContain('David Johnson');
  });
});
