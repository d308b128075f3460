/**
 * The npm PII redactors logveil is benchmarked against (issue 13): each called as its README shows,
 * with its default rules, on one log line at a time, synchronously. None of them is told anything
 * about logs or about the corpus; what they find is what their defaults find.
 *
 *   @redactpii/node       `new Redactor().redact(text)`: regexes for email, US phone, card, SSN and
 *                         names after a greeting. No apiKey, so it never calls its dashboard.
 *   redact-pii            `new SyncRedactor().redact(text)`: the sync API (its AsyncRedactor only
 *                         adds async custom redactors such as Google DLP, which is not used here);
 *                         regexes incl. IPs, URLs, any run of 4+ digits, and a list of well-known names.
 *   @cdssnc/sanitize-pii  `new PiiSanitizer().sanitize(text)`: Canadian and North American patterns
 *                         (phones, SIN, cards, IPs, health cards, licences, postal codes); no email.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PiiSanitizer } from '@cdssnc/sanitize-pii';
import { Redactor } from '@redactpii/node';
import { SyncRedactor } from 'redact-pii';

export interface Peer {
  /** The npm package. */
  readonly name: string;
  /** Its installed version (package.json). */
  readonly version: string;
  /** The line with what the package finds replaced, as its own API returns it. */
  readonly redact: (line: string) => string;
}

const require = createRequire(import.meta.url);

/** The installed version of a package: the package.json above its entry point that names it. */
function installedVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? 'unknown';
    } catch {
      // no package.json here (or not JSON): look further up
    }
  }
  return 'unknown';
}

/** One of each, ready to call; a redactor holds only compiled patterns, so one instance serves every line. */
export function createPeers(): Peer[] {
  const redactpii = new Redactor();
  const redactPii = new SyncRedactor();
  const sanitizer = new PiiSanitizer();
  return [
    { name: '@redactpii/node', version: installedVersion('@redactpii/node'), redact: (line) => redactpii.redact(line) },
    { name: 'redact-pii', version: installedVersion('redact-pii'), redact: (line) => redactPii.redact(line) },
    { name: '@cdssnc/sanitize-pii', version: installedVersion('@cdssnc/sanitize-pii'), redact: (line) => sanitizer.sanitize(line) },
  ];
}
