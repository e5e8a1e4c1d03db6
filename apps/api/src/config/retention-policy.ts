import { DATA_SUBJECT_CATEGORIES, isCountryCode, type DataSubjectCategory } from '@liaison/domain';
import type { RetentionPolicy } from '@liaison/projections';

/**
 * Months from a person's registration to the first retention review (LED Art. 5: "appropriate time
 * limits ... for a periodic review of the need for the storage"), per data-subject category.
 *
 * Sources, honestly: the LED sets no figure; each state's law does (Sweden: brottsdatalagen 2018:1177
 * and the police data acts; Denmark: retshåndhævelsesloven and the police's own retention rules), and
 * the figures differ by register. The only EU-level figure at hand is Europol's: review "no later than
 * three years after the start of initial processing" (Regulation (EU) 2016/794, Art. 31(1)), used here
 * for suspects and convicted persons. Victims, witnesses and contacts get twelve months, shorter because
 * LED Art. 6 asks to distinguish them from suspects: a PLACEHOLDER, not a legal figure. Each authority
 * sets its own with RETENTION_REVIEW_MONTHS (all countries) and RETENTION_REVIEW_MONTHS_<CC> (owner
 * country CC), e.g. `suspect=36,witness=6`.
 */
export const DEFAULT_RETENTION_REVIEW_MONTHS: Readonly<Record<DataSubjectCategory, number>> = {
  suspect: 36,
  convicted: 36,
  victim: 12,
  witness: 12,
  contact: 12,
};

const MAX_MONTHS = 120;

function parseMonths(name: string, setting: string): Partial<Record<DataSubjectCategory, number>> {
  const out: Partial<Record<DataSubjectCategory, number>> = {};
  for (const pair of setting.split(',')) {
    const [category, value] = pair.split('=').map((s) => s.trim());
    const months = Number(value);
    if (!(DATA_SUBJECT_CATEGORIES as readonly string[]).includes(category) || !Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
      throw new Error(`${name}: "${pair}" must be <category>=<1..${MAX_MONTHS} months> with a category of ${DATA_SUBJECT_CATEGORIES.join(', ')}`);
    }
    out[category as DataSubjectCategory] = months;
  }
  return out;
}

/** The policy from the environment; an invalid setting stops the service with the setting's name. */
export function retentionPolicyFrom(env: Record<string, string | undefined>): RetentionPolicy {
  const all = env.RETENTION_REVIEW_MONTHS?.trim();
  const defaults = { ...DEFAULT_RETENTION_REVIEW_MONTHS, ...(all ? parseMonths('RETENTION_REVIEW_MONTHS', all) : {}) };
  const byCountry: Record<string, Partial<Record<DataSubjectCategory, number>>> = {};
  for (const [name, value] of Object.entries(env)) {
    const country = /^RETENTION_REVIEW_MONTHS_([A-Z]{2})$/.exec(name)?.[1];
    if (!country || !value?.trim()) continue;
    if (!isCountryCode(country)) throw new Error(`${name}: ${country} is not an ISO 3166-1 alpha-2 country code`);
    byCountry[country] = parseMonths(name, value.trim());
  }
  return { defaults, byCountry: byCountry as RetentionPolicy['byCountry'] };
}

let cached: RetentionPolicy | undefined;

/** The running process's policy (read once; worker threads read the same environment). */
export function retentionPolicy(): RetentionPolicy {
  cached ??= retentionPolicyFrom(process.env);
  return cached;
}
