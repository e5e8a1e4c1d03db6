import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@liaison/event-store';
import type { Projection, ReadModelDb } from '../../runner/projection.js';
import { INFORMATION_REQUEST_EVENTS } from '../shared/information-request-clock.js';
import { str, utc, type Data } from '../shared/read-model-helpers.js';

/**
 * The figures Directive (EU) 2023/977 Art. 18(2) asks each Member State to include in the statistics
 * it sends the Commission by 1 March for the previous calendar year (Art. 18(1)), kept as counters per
 * reporting country (no personal data: countries, years, urgency, grounds and counts only). A query
 * reads one country's year: a few dozen rows, whatever the size of the log (no GROUP BY at query time).
 *
 * Which year: the UTC calendar year of the request's receipt by the requested SPOC (receivedAt),
 * for every figure, on both sides. A request received on 1 January 00:30 in Stockholm (31 December
 * 23:30 UTC) counts in the earlier year; a request received in one year and answered in the next
 * counts as answered in the year it was received (the figure for a year can still grow after the
 * year ends, until its requests are all dealt with).
 *
 * Figures (xs_counts.figure), each also split by urgency and by the other country:
 * - submitted (Art. 18(2)(a)): counted for the requesting country, by requested country;
 * - received and answered (Art. 18(2)(b)): counted for the requested country, by requesting country.
 *   Answered = information was provided (InformationProvided, a partial answer included), once per request;
 * - refused (Art. 18(2)(c)): counted for the requested country, once per request refused in whole or in
 *   part (Art. 6(1) last subparagraph), by requesting country; refusal_ground counts each Art. 6(1)
 *   ground once per refused request, so the grounds of one request can add up to more than one refusal;
 * - deviation (Art. 18(2)(d)): requests answered after the Art. 5(1) time limit because a judicial
 *   authorisation had to be obtained (Art. 5(2)): a judicial authorisation was noted for the request
 *   and information was provided after the deadline as it would stand without that authorisation
 *   (the original deadline, moved only by Art. 6(3) clarification pauses, by the decider's rule
 *   shiftDeadline). Counted once per request, for the requested country, by requesting country.
 *
 * xs_requests keeps each request's facts (no personal data); every event moves the request's
 * contribution as a difference (subtract what it counted before, add what it counts after) and
 * counters that reach zero are deleted, so a rebuild and an incremental build are byte-equal.
 */
export const informationExchangeStatisticsProjection: Projection = {
  name: 'information-exchange-statistics',
  version: 1,
  canHandle: [...INFORMATION_REQUEST_EVENTS],
  setup(db: Database.Database): void {
    db.exec(`
      CREATE TABLE xs_requests(request_id TEXT PRIMARY KEY, requesting_country TEXT NOT NULL, requested_country TEXT NOT NULL,
        year INTEGER NOT NULL, urgent INTEGER NOT NULL, base_deadline_at TEXT NOT NULL, clarification_since TEXT,
        authorisation_noted INTEGER NOT NULL, answered INTEGER NOT NULL, refused INTEGER NOT NULL, grounds TEXT NOT NULL,
        deviation INTEGER NOT NULL, last_position INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE xs_counts(country TEXT NOT NULL, year INTEGER NOT NULL, figure TEXT NOT NULL, urgency TEXT NOT NULL,
        other_country TEXT NOT NULL, ground TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (country, year, figure, urgency, other_country, ground)) WITHOUT ROWID;`);
  },
  evolve(rm: ReadModelDb, event: RecordedEvent): void {
    const d = event.data as Data;
    const position = Number(event.position);
    const before = rm.stmt('SELECT * FROM xs_requests WHERE request_id = ?').get(d.requestId) as Facts | undefined;
    if (before && before.last_position >= position) return; // already applied (a re-read suffix of the log)
    let after: Facts;
    if (event.type === 'InformationRequested') {
      if (before) return; // filed once
      after = requestedFacts(d, position);
    } else {
      if (!before) return;
      after = { ...before, last_position: position };
      foldFacts(after, event.type, d);
    }
    rm.stmt(SAVE).run(after);
    if (before) move(rm, before, -1);
    move(rm, after, 1);
  },
};

/** One xs_requests row. */
interface Facts {
  request_id: string; requesting_country: string; requested_country: string; year: number; urgent: number;
  base_deadline_at: string; clarification_since: string | null; authorisation_noted: number; answered: number;
  refused: number; grounds: string; deviation: number; last_position: number;
}

const FACT_KEYS: (keyof Facts)[] = [
  'request_id', 'requesting_country', 'requested_country', 'year', 'urgent', 'base_deadline_at', 'clarification_since',
  'authorisation_noted', 'answered', 'refused', 'grounds', 'deviation', 'last_position',
];
const SAVE = `INSERT OR REPLACE INTO xs_requests(${FACT_KEYS.join(', ')}) VALUES (${FACT_KEYS.map((k) => `@${k}`).join(', ')})`;

function requestedFacts(d: Data, position: number): Facts {
  const receivedAt = utc(d.receivedAt) ?? '';
  return {
    request_id: String(d.requestId), requesting_country: String(d.requestingCountry), requested_country: String(d.requestedCountry),
    year: Number(receivedAt.slice(0, 4)) || 0, urgent: d.urgent === true ? 1 : 0, base_deadline_at: utc(d.deadlineAt) ?? '',
    clarification_since: null, authorisation_noted: 0, answered: 0, refused: 0, grounds: '', deviation: 0, last_position: position,
  };
}

/** shiftDeadline of the decider: a pause that starts before the deadline moves it by the time it lasted. */
function shifted(deadline: string, from: string, until: string): string {
  if (!(from < deadline)) return deadline;
  return new Date(Date.parse(deadline) + Math.max(0, Date.parse(until) - Date.parse(from))).toISOString();
}

function foldFacts(f: Facts, type: string, d: Data): void {
  switch (type) {
    case 'ClarificationRequested':
      f.clarification_since = utc(d.requestedAt);
      return;
    case 'ClarificationProvided': {
      const until = utc(d.providedAt);
      if (f.clarification_since !== null && until !== null) f.base_deadline_at = shifted(f.base_deadline_at, f.clarification_since, until);
      f.clarification_since = null;
      return;
    }
    case 'JudicialAuthorisationPending':
      f.authorisation_noted = 1;
      return;
    case 'InformationProvided': {
      f.answered = 1;
      const at = utc(d.providedAt);
      if (f.authorisation_noted === 1 && at !== null && at > f.base_deadline_at) f.deviation = 1;
      return;
    }
    case 'RequestRefused': {
      f.refused = 1;
      const grounds = new Set(f.grounds ? f.grounds.split(',') : []);
      for (const g of (d.grounds as { ground?: unknown }[] | undefined) ?? []) {
        const ground = str(g.ground);
        if (ground) grounds.add(ground);
      }
      f.grounds = [...grounds].sort().join(',');
      return;
    }
    default:
      return;
  }
}

type CounterKey = [country: string, year: number, figure: string, urgency: string, other: string, ground: string];

/** The counters one request adds to. */
function contribution(f: Facts): CounterKey[] {
  const urgency = f.urgent === 1 ? 'urgent' : 'not_urgent';
  const mine = (figure: string, ground = ''): CounterKey => [f.requested_country, f.year, figure, urgency, f.requesting_country, ground];
  const keys: CounterKey[] = [[f.requesting_country, f.year, 'submitted', urgency, f.requested_country, ''], mine('received')];
  if (f.answered) keys.push(mine('answered'));
  if (f.refused) {
    keys.push(mine('refused'));
    for (const g of f.grounds ? f.grounds.split(',') : []) keys.push(mine('refusal_ground', g));
  }
  if (f.deviation) keys.push(mine('deviation'));
  return keys;
}

function move(rm: ReadModelDb, f: Facts, sign: 1 | -1): void {
  for (const key of contribution(f)) {
    rm.stmt(`INSERT INTO xs_counts(country, year, figure, urgency, other_country, ground, n) VALUES (?,?,?,?,?,?,?)
      ON CONFLICT DO UPDATE SET n = n + excluded.n`).run(...key, sign);
    if (sign < 0) {
      rm.stmt(`DELETE FROM xs_counts WHERE country = ? AND year = ? AND figure = ? AND urgency = ? AND other_country = ?
        AND ground = ? AND n = 0`).run(...key);
    }
  }
}
