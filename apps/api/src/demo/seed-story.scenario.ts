import { createHash } from 'node:crypto';
import { CommandApi, type SeedStoryClient } from './command-api.client.js';
import { ALL_PSEUDONYMS, CASE_TITLES, daysBefore, fictionalId, H3_TEXT, LEGAL_BASIS, OFFICERS, TEENS } from './seed-story.cast.js';
import { recordInformationRequests, type InformationRequestStory } from './seed-story.information-requests.js';
import { recordReferrals, type ReferralStoryResult } from './seed-story.referrals.js';
import { recordWave, type WaveIds } from './seed-story.wave.js';

export type { SeedStoryClient } from './command-api.client.js';
export { SeedStoryCommandError } from './command-api.client.js';

export interface SeedStoryOptions {
  /** The instant the story is told at; every recorded fact lies before it. Default: the current time. */
  now?: Date;
  /** Seed for the deterministic ids; the same seed names the same cases, so a re-run cannot duplicate. */
  idSeed?: string;
  /** false: only the case half (specs of another store that cover referrals apart, where the 2,145-item day is slow). */
  platforms?: boolean;
}

export const DEFAULT_ID_SEED = 'nordlys-demo';

export interface SeedStoryResult {
  /** The `now` the story was told at (ISO). */
  now: string;
  /** Global position of the last event written: pass as `?minPosition=` to read everything. */
  position: string;
  /** Commands sent (each recorded at least one event). */
  commands: number;
  cases: {
    /** SE-owned, H2, shared with DK at `contribute`: the wave of detentions. */
    main: string;
    /** SE-owned, H1, shared with NO at `read`: the only case Norway sees. */
    noShared: string;
    /** DK-owned, H0, shared with nobody. */
    dkOnly: string;
    /** SE-owned, H3 with handling text, shared with DK at `read`. */
    h3: string;
  };
  wave: WaveIds;
  /** SE↔DK information requests about the wave case (Directive 2023/977), by role in the story. */
  informationRequests: InformationRequestStory;
  /** The platform half: the TikTok action day and the referrals made one by one (absent with platforms: false). */
  referrals?: ReferralStoryResult;
  /** Teens (cast keys) whose detention was ended with outcome `released`. */
  released: string[];
  /** What the read side should answer once it has reached `position`. */
  expected: {
    /** Swedish citizens registered as suspects in the main case. */
    swedesRegistered: number;
    /** Open detentions of SE nationals held in DK: "how many Swedes are detained in Denmark". */
    swedesDetainedInDenmark: number;
    /** Open detentions in the main case whose next custody review is within 7 days of `now`. */
    custodyReviewsDueWithin7Days: number;
    /** Persons held in DK per nationality in the main case (dual nationals count under each). */
    detainedInDenmarkByNationality: Record<string, number>;
  };
  /** Every pseudonym or alias written (so tests can check none reaches a log). */
  pseudonyms: readonly string[];
}

/**
 * Builds the fictional seed story through the real HTTP command API only (fetch), as the Swedish
 * liaison officer in Copenhagen and the Danish officer at Noa: a Swedish-owned wave case shared with
 * Denmark, a Swedish case shared read-only with Norway, a Danish case shared with nobody and an H3
 * case; then what was referred to the platforms and how they answered. See seed-story.cast.ts for
 * the cast, seed-story.wave.ts for the wave itself, seed-story.information-requests.ts for the SPOCs'
 * requests and seed-story.referrals.ts for the referrals.
 */
export async function runSeedStory(client: SeedStoryClient, options: SeedStoryOptions = {}): Promise<SeedStoryResult> {
  const now = options.now ?? new Date();
  const seed = options.idSeed ?? DEFAULT_ID_SEED;
  const id = (label: string) => fictionalId(seed, label);
  const keyPrefix = `seed-${createHash('sha256').update(seed).digest('hex').slice(0, 12)}`;
  const api = new CommandApi(client, keyPrefix);
  const cases = { main: id('case:main'), noShared: id('case:no-shared'), dkOnly: id('case:dk-only'), h3: id('case:h3') };

  // The wave case: Swedish-owned, not to be passed on without permission (H2), Denmark contributes.
  await api.post(OFFICERS.se, '', {
    caseId: cases.main, title: CASE_TITLES.main, offenceCategory: 'aggravated violence for payment', handlingCode: 'H2',
  }, 'open:main');
  await api.post(OFFICERS.se, `/${cases.main}/sharing`, { partnerCountry: 'DK', level: 'contribute' }, 'share:main:DK');
  const wave = await recordWave({ api, caseId: cases.main, now, id });

  // A Swedish case Norway may read (and nothing else): no detentions, no handlers.
  await api.post(OFFICERS.se, '', {
    caseId: cases.noShared, title: CASE_TITLES.noShared, offenceCategory: 'weapons offence', handlingCode: 'H1',
  }, 'open:no-shared');
  await api.post(OFFICERS.se, `/${cases.noShared}/sharing`, { partnerCountry: 'NO', level: 'read' }, 'share:no-shared:NO');
  await api.post(OFFICERS.se, `/${cases.noShared}/persons`, {
    personId: id('person:contact'), category: 'contact', pseudonym: 'Kontakt Fjällräv',
  }, 'person:contact');

  // A Danish case shared with nobody: Danish accomplices, one detained in Denmark.
  await api.post(OFFICERS.dk, '', {
    caseId: cases.dkOnly, title: CASE_TITLES.dkOnly, offenceCategory: 'aiding aggravated violence', handlingCode: 'H0',
  }, 'open:dk-only');
  const dkPerson = id('person:dk-local');
  await api.post(OFFICERS.dk, `/${cases.dkOnly}/persons`, {
    personId: dkPerson, category: 'suspect', pseudonym: 'Havnefront-ung 1', birthYear: 2005,
    nationalities: [{ country: 'DK', evaluation: { source: 'A', information: 1 } }],
  }, 'person:dk-local');
  await api.post(OFFICERS.dk, `/${cases.dkOnly}/detentions`, {
    detentionId: id('detention:dk-local'), personId: dkPerson, holdingCountry: 'DK', facility: 'Vestre Fængsel (fictional entry)',
    detainedAt: daysBefore(now, 30), legalBasis: LEGAL_BASIS, nextCustodyReviewAt: daysBefore(now, -20),
  }, 'detention:dk-local');

  // H3: other restrictions, in words.
  await api.post(OFFICERS.se, '', {
    caseId: cases.h3, title: CASE_TITLES.h3, offenceCategory: 'incitement to violence', handlingCode: 'H3', handlingText: H3_TEXT,
  }, 'open:h3');
  await api.post(OFFICERS.se, `/${cases.h3}/sharing`, { partnerCountry: 'DK', level: 'read' }, 'share:h3:DK');

  // The SPOCs asking each other about the wave (after the sharing: the requests link to the case).
  const informationRequests = await recordInformationRequests(api, now, cases.main);

  // The platform half, last: its referrals link to the wave's handlers.
  const referrals = options.platforms === false ? undefined : await recordReferrals({ api, now, seed, id, caseId: cases.main, handlers: wave.handlers });

  const position = api.position;
  if (position === undefined) throw new Error('seed story: the service returned no global position');
  return { now: now.toISOString(), position, commands: api.commands, cases, wave, informationRequests, referrals, ...expectations(now), pseudonyms: ALL_PSEUDONYMS };
}

function expectations(now: Date): Pick<SeedStoryResult, 'released' | 'expected'> {
  const open = TEENS.filter((t) => t.releasedDaysAgo === undefined);
  const byNationality: Record<string, number> = {};
  for (const teen of open) for (const n of teen.nationalities) byNationality[n] = (byNationality[n] ?? 0) + 1;
  const horizon = now.getTime() + 7 * 86_400_000;
  const due = open.filter((t) => Date.parse(daysBefore(now, -(t.extendedToDays ?? t.reviewInDays))) < horizon);
  return {
    released: TEENS.filter((t) => t.releasedDaysAgo !== undefined).map((t) => t.key),
    expected: {
      swedesRegistered: TEENS.filter((t) => t.nationalities.includes('SE')).length,
      swedesDetainedInDenmark: open.filter((t) => t.nationalities.includes('SE')).length,
      custodyReviewsDueWithin7Days: due.length,
      detainedInDenmarkByNationality: byNationality,
    },
  };
}
