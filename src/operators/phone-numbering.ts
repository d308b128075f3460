import { Metadata, type CountryCode } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { compileRegion } from '../../detectors/phone/plan.js';

/**
 * What the phone pseudonym asks of every candidate number (valid? in which region? grouped how in
 * national format?), answered from libphonenumber-js's own metadata compiled once per region.
 * libphonenumber-js compiles each pattern again on every call (`new RegExp` in matchesEntirely and in
 * format selection: a third of a surrogate's time, and a surrogate tries a few candidates); the
 * rules here are the library's, in its order (isValid: the general pattern, then the number types
 * with their lengths; national format: the first format whose last leading-digits pattern and whole
 * pattern match), so the answers are the library's. The tests check every surrogate with
 * libphonenumber-js itself.
 */
export interface Numbering {
  readonly region: string;
  /** Whether a national significant number is valid in the region. */
  valid(nsn: string): boolean;
  /** The format national format picks for the number and its digit groups (`0:3 4 4`); '' for none. */
  grouping(nsn: string): string;
}

const CALLING_CODES = maxMetadata.country_calling_codes as Record<string, string[]>;
/** libphonenumber-js's order (getNumberType): fixed line first, then these. */
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

interface TypeDef {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
/**
 * The Metadata accessors getNumberType reads, undocumented but long stable (detectors/phone/plan.ts
 * reads the format accessors the same way); checked when a region is compiled, so an upgrade that
 * drops them fails loudly.
 */
interface MetadataInternals {
  selectNumberingPlan(region: string): void;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): TypeDef | undefined;
}

const compiled = new Map<string, Numbering | null>();

/** The compiled plan of a region (ISO code); null where it cannot be compiled exactly (the caller asks the library). */
export function numberingOf(region: string): Numbering | null {
  let n = compiled.get(region);
  if (n === undefined) compiled.set(region, (n = compile(region)));
  return n;
}

/** The regions of a calling code, main region first (`1`: US, then CA, …); [] for an unknown code. */
export function regionsOf(callingCode: string): readonly string[] {
  return CALLING_CODES[callingCode] ?? [];
}

function compile(region: string): Numbering | null {
  if (region === '001') return null;
  const plan = compileRegion(region as CountryCode);
  if (!plan.exactFormats) return null;
  const metadata = new Metadata() as unknown as MetadataInternals;
  if (typeof metadata.nationalNumberPattern !== 'function' || typeof metadata.hasTypes !== 'function' || typeof metadata.type !== 'function') {
    throw new Error('phone: libphonenumber-js metadata has no number type accessors');
  }
  metadata.selectNumberingPlan(region);
  const general = new RegExp(`^(?:${metadata.nationalNumberPattern()})$`);
  const types: { re: RegExp; lengths: number[] | undefined }[] = [];
  if (metadata.hasTypes()) {
    for (const t of TYPES) {
      const def = metadata.type(t);
      if (def && def.pattern()) types.push({ re: new RegExp(`^(?:${def.pattern()})$`), lengths: def.possibleLengths() });
    }
  }
  const hasTypes = metadata.hasTypes();
  return {
    region,
    valid(nsn) {
      if (!general.test(nsn)) return false;
      if (!hasTypes) return true;
      return types.some((t) => (!t.lengths || t.lengths.includes(nsn.length)) && t.re.test(nsn));
    },
    grouping(nsn) {
      for (let i = 0; i < plan.formats.length; i++) {
        const f = plan.formats[i];
        if (f.leading && !f.leading.test(nsn)) continue;
        const m = f.pattern.exec(nsn);
        if (m) return `${i}:${m.slice(1).map((g) => g?.length ?? 0).join(' ')}`;
      }
      return '';
    },
  };
}
