import type { CommandApi, Officer } from './command-api.client.js';
import { daysBefore, FACILITIES, HANDLERS, LEGAL_BASIS, OFFICERS, TEENS } from './seed-story.cast.js';

/** Ids the wave (the main case's content) creates, keyed by the cast's keys. */
export interface WaveIds {
  persons: Record<string, string>;
  detentions: Record<string, string>;
  handlers: Record<string, string>;
  wantedPersonId: string;
  thirdCountryExtraditionId: string;
  nordicWarrantId: string;
  /** When the Nordic warrant's person was arrested on it (starts the 30-day decision deadline). */
  nordicWarrantArrestedAt: string;
}

interface WaveContext {
  api: CommandApi;
  caseId: string;
  now: Date;
  id: (label: string) => string;
}

const SURE = { source: 'A', information: 1 } as const;
const PROBABLE = { source: 'B', information: 2 } as const;

/**
 * The main case's content: seventeen Swedish teenagers (some dual nationals) registered and detained
 * in Denmark, partly by the Swedish owner and partly by the Danish contributor; two released, one
 * custody extension; two handlers abroad linked to several of them; a third-country extradition
 * request and a Nordic arrest warrant.
 */
export async function recordWave({ api, caseId, now, id }: WaveContext): Promise<WaveIds> {
  const at = (days: number) => daysBefore(now, days);
  const path = (rest: string) => `/${caseId}${rest}`;
  const persons: Record<string, string> = {};
  const detentions: Record<string, string> = {};

  for (const [i, teen] of TEENS.entries()) {
    const officer: Officer = OFFICERS[teen.recordedBy];
    const personId = id(`person:${teen.key}`);
    const detentionId = id(`detention:${teen.key}`);
    persons[teen.key] = personId;
    detentions[teen.key] = detentionId;
    await api.post(officer, path('/persons'), {
      personId,
      category: 'suspect',
      pseudonym: teen.pseudonym,
      ...(teen.aliases ? { aliases: teen.aliases } : {}),
      birthYear: teen.birthYear,
      nationalities: teen.nationalities.map((country) => ({ country, evaluation: country === 'SE' ? SURE : PROBABLE })),
    }, `person:${teen.key}`);
    await api.post(officer, path('/detentions'), {
      detentionId,
      personId,
      holdingCountry: 'DK',
      facility: FACILITIES[i % FACILITIES.length],
      detainedAt: at(teen.detainedDaysAgo),
      legalBasis: LEGAL_BASIS,
      nextCustodyReviewAt: at(-teen.reviewInDays),
    }, `detention:${teen.key}`);
  }

  // A nationality the Danish side recorded in error and then corrected (it never counts).
  await api.post(OFFICERS.dk, path(`/persons/${persons.K}/nationalities`), { country: 'FI', evaluation: { source: 'X', information: 4 } }, 'nationality:K:FI');
  await api.post(OFFICERS.dk, path(`/persons/${persons.K}/nationalities/FI/retract`), { reason: 'Recorded in error: confused with another file (fictional).' }, 'retract:K:FI');

  for (const teen of TEENS) {
    const officer = OFFICERS[teen.recordedBy];
    if (teen.extendedToDays !== undefined) {
      await api.post(officer, path(`/detentions/${detentions[teen.key]}/extensions`), {
        nextCustodyReviewAt: at(-teen.extendedToDays),
        reason: 'Custody extended by the court (fictional).',
      }, `extend:${teen.key}`);
    }
  }

  const handlers: Record<string, string> = {};
  for (const handler of HANDLERS) {
    const officer = OFFICERS[handler.identifiedBy];
    const handlerId = id(`handler:${handler.key}`);
    handlers[handler.key] = handlerId;
    await api.post(officer, path('/handlers'), {
      handlerId,
      alias: handler.alias,
      believedCountry: handler.believedCountry,
      platforms: handler.platforms,
      evaluation: { source: 'C', information: 3 },
    }, `handler:${handler.key}`);
    for (const link of handler.links) {
      await api.post(officer, path(`/handlers/${handlerId}/links`), { personId: persons[link.teen], relation: link.relation },
        `link:${handler.key}:${link.teen}:${link.relation}`);
    }
    if (handler.movedTo !== undefined) {
      await api.post(OFFICERS.se, path(`/handlers/${handlerId}/location`), { believedCountry: handler.movedTo, evaluation: PROBABLE },
        `move:${handler.key}`);
    }
  }

  for (const teen of TEENS) {
    if (teen.releasedDaysAgo === undefined) continue;
    await api.post(OFFICERS[teen.recordedBy], path(`/detentions/${detentions[teen.key]}/end`), {
      outcome: 'released',
      endedAt: at(teen.releasedDaysAgo),
    }, `release:${teen.key}`);
  }

  // The handler behind the Telegram menus, wanted by Sweden and believed in a third country.
  const wantedPersonId = id('person:wanted');
  await api.post(OFFICERS.se, path('/persons'), {
    personId: wantedPersonId,
    category: 'suspect',
    pseudonym: 'Menu-Man (wanted)',
    nationalities: [{ country: 'SE', evaluation: PROBABLE }],
  }, 'person:wanted');
  const thirdCountryExtraditionId = id('extradition:third-country');
  const tc = (rest: string) => path(`/extraditions/${thirdCountryExtraditionId}${rest}`);
  await api.post(OFFICERS.se, path('/extraditions'), {
    extraditionId: thirdCountryExtraditionId,
    personId: wantedPersonId,
    requestingCountry: 'SE',
    requestedCountry: 'AE',
    route: 'third-country',
    sentAt: at(40),
  }, 'extradition:third-country');
  await api.post(OFFICERS.se, tc('/stages'), { stage: 'provisionally-arrested', reachedAt: at(30) }, 'stage:third-country:provisional');
  await api.post(OFFICERS.se, tc('/stages'), { stage: 'request-received', reachedAt: at(20) }, 'stage:third-country:received');

  // Sweden also wants Ungdom B for a Swedish case: a Nordic arrest warrant executed by Denmark.
  const nordicWarrantId = id('extradition:nordic-warrant');
  const nordicWarrantArrestedAt = at(10);
  await api.post(OFFICERS.se, path('/extraditions'), {
    extraditionId: nordicWarrantId,
    personId: persons.B,
    requestingCountry: 'SE',
    requestedCountry: 'DK',
    route: 'nordic-arrest-warrant',
    sentAt: at(12),
  }, 'extradition:nordic-warrant');
  await api.post(OFFICERS.dk, path(`/extraditions/${nordicWarrantId}/stages`), { stage: 'arrested', reachedAt: nordicWarrantArrestedAt },
    'stage:nordic-warrant:arrested');

  return { persons, detentions, handlers, wantedPersonId, thirdCountryExtraditionId, nordicWarrantId, nordicWarrantArrestedAt };
}
