import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_DAY_EVENT_TYPES } from './action-day/action-day.events.js';
import { ACTION_DAY_REVIEWED_PLAIN } from './action-day/action-day.personal-data.js';
import { CASE_EVENT_TYPES } from './case/case.events.js';
import { CASE_REVIEWED_PLAIN } from './case/case.personal-data.js';
import { INFORMATION_REQUEST_EVENT_TYPES } from './information-request/information-request.events.js';
import { INFORMATION_REQUEST_REVIEWED_PLAIN } from './information-request/information-request.personal-data.js';
import {
  ACTION_DAY_PERSONAL_DATA, CASE_PERSONAL_DATA, INFORMATION_REQUEST_PERSONAL_DATA, REFERRAL_PERSONAL_DATA,
  type PersonalField, type ReviewedPlain,
} from './personal-data.js';
import { REFERRAL_EVENT_TYPES } from './referral/referral.events.js';
import { REFERRAL_REVIEWED_PLAIN } from './referral/referral.personal-data.js';

// The policy is only as good as its coverage: a new event or field that carries a name and is not in
// the policy would be stored in clear and survive every erasure. This spec reads the event
// declarations themselves and fails on any personal-looking field that nobody classified.

const here = dirname(fileURLToPath(import.meta.url));

/** Field names that may hold personal data or free text naming someone. Broad on purpose. */
const PERSONAL_LOOKING = /name|pseudonym|alias|birth|title|text|reason|ground|basis|facility|locator|summary|question|answer|sought|purpose|note|comment|description|authority|channel|unit|reference|address|phone|mail/i;

/** Event type → every field name in its declaration (nested ones too), from `Event<'Type', { … }>`. */
function declaredFields(file: string): Map<string, Set<string>> {
  const source = readFileSync(join(here, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const out = new Map<string, Set<string>>();
  for (const match of source.matchAll(/Event<'(\w+)',\s*\{/g)) {
    let depth = 0;
    let end = match.index + match[0].length - 1;
    do {
      if (source[end] === '{') depth++;
      if (source[end] === '}') depth--;
      end++;
    } while (depth > 0);
    const body = source.slice(match.index + match[0].length, end - 1);
    out.set(match[1], new Set([...body.matchAll(/(\w+)\??\s*:/g)].map((m) => m[1])));
  }
  return out;
}

type Policy = Readonly<Record<string, readonly PersonalField<never>[]>>;
const AGGREGATES: [string, string, readonly string[], Policy, ReviewedPlain][] = [
  ['case', 'case/case.events.ts', CASE_EVENT_TYPES, CASE_PERSONAL_DATA, CASE_REVIEWED_PLAIN],
  ['referral', 'referral/referral.events.ts', REFERRAL_EVENT_TYPES, REFERRAL_PERSONAL_DATA, REFERRAL_REVIEWED_PLAIN],
  ['information request', 'information-request/information-request.events.ts', INFORMATION_REQUEST_EVENT_TYPES, INFORMATION_REQUEST_PERSONAL_DATA, INFORMATION_REQUEST_REVIEWED_PLAIN],
  ['action day', 'action-day/action-day.events.ts', ACTION_DAY_EVENT_TYPES, ACTION_DAY_PERSONAL_DATA, ACTION_DAY_REVIEWED_PLAIN],
];

describe.each(AGGREGATES)('the %s personal-data policy', (_, file, types, policy, plain) => {
  const declared = declaredFields(file);

  it('has an entry for every event type the domain lists and declares, and for no other', () => {
    expect([...declared.keys()].sort()).toEqual([...types].sort());
    expect(Object.keys(policy).sort()).toEqual([...types].sort());
  });

  it('names only fields the events have', () => {
    const unknown = Object.entries(policy).flatMap(([type, fields]) => fields
      .filter((f) => f.path.split('.').some((segment) => segment !== '*' && !declared.get(type)?.has(segment)))
      .map((f) => `${type}.${f.path}`));
    expect(unknown).toEqual([]);
    const stale = Object.keys(plain).filter((key) => {
      const [type, field] = key.split('.');
      return !declared.get(type)?.has(field);
    });
    expect(stale).toEqual([]);
  });

  it('classifies every personal-looking field: encrypted under a subject, or reviewed plain with a reason', () => {
    const unclassified = [...declared].flatMap(([type, fields]) => [...fields]
      .filter((field) => PERSONAL_LOOKING.test(field))
      .filter((field) => !(policy[type] ?? []).some((f) => f.path.split('.').includes(field)) && !plain[`${type}.${field}`])
      .map((field) => `${type}.${field}`));
    expect(unclassified).toEqual([]);
  });
});

describe('subjects', () => {
  it('derives each subject id from the event\'s own ids', () => {
    const name = CASE_PERSONAL_DATA.PersonRegistered.find((f) => f.path === 'name')!;
    expect(name.subject({ caseId: 'c-1', personId: 'p-1', category: 'suspect', nationalities: [] })).toBe('person:p-1');
    expect(CASE_PERSONAL_DATA.HandlerAbroadIdentified[0].subject({
      caseId: 'c-1', handlerId: 'h-1', alias: 'Kungen', believedCountry: 'TR', platforms: [], evaluation: { source: 'B', information: 3 },
    })).toBe('handler:h-1');
    expect(CASE_PERSONAL_DATA.CaseOpened[0].subject({ caseId: 'c-1' } as never)).toBe('case:c-1');
    expect(REFERRAL_PERSONAL_DATA.ContentReferred[0].subject({ referralId: 'r-1' } as never)).toBe('referral:r-1');
    expect(INFORMATION_REQUEST_PERSONAL_DATA.RequestRefused[0]).toMatchObject({ path: 'grounds.*.reason' });
  });
});
