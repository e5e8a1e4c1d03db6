import fs from 'node:fs';
import path from 'node:path';
import { caseStreamId, informationRequestStreamId, referralStreamId } from '@liaison/domain';
import { StreamNotFound, chainOf, readAllAfter, type EventStore, type RecordedEvent } from '@liaison/event-store';
import { CASE_DATA_ACCESSED, type CaseDataAccessedData } from '@liaison/projections';
import { csvDocument, jsonLines } from './csv.js';

/** What the export is about: a case, a platform referral, or an information request (Directive 2023/977). */
export type ExportSubject = { kind: 'case' | 'referral' | 'request'; id: string };

export interface ExportRequest {
  subject: ExportSubject;
  /** Inclusive, ISO-8601. */
  from: string;
  /** Exclusive, ISO-8601. */
  to: string;
  outDir: string;
}

export interface ExportResult {
  files: string[];
  accesses: number;
  events: number;
}

const ACCESS_COLUMNS = ['entryId', 'accessedAt', 'officerSubject', 'officerCountry', 'officerIssuer', 'purpose', 'fieldsClass',
  'route', 'readModel', 'query', 'params', 'viewerCountry', 'readAt', 'caseIds', 'referralIds', 'requestIds', 'resultCount', 'answerSha256', 'position', 'hash'] as const;
const TIMELINE_COLUMNS = ['position', 'revision', 'type', 'occurredAt', 'recordedAt', 'actor', 'country', 'issuer', 'data', 'hash'] as const;

/**
 * For the data protection authority: every consultation or disclosure of one case, referral or information
 * request (access records that returned it) and its own events, both recorded within [from, to), as JSON Lines and
 * CSV. Read from the log itself, not a read model, so the export does not depend on the service.
 */
export async function exportSubject(store: EventStore, req: ExportRequest): Promise<ExportResult> {
  const from = Date.parse(req.from);
  const to = Date.parse(req.to);
  if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw new RangeError('--from and --to must be ISO-8601 instants with from < to');
  const within = (iso: string): boolean => {
    const t = Date.parse(iso);
    return t >= from && t < to;
  };
  const accesses = (await scanAccesses(store, req.subject)).filter(({ data }) => within(data.accessedAt));
  const events = (await subjectEvents(store, req.subject)).filter((e) => within(e.recordedAt));

  const accessRows = accesses.map(({ data: d, event }) => ({
    entryId: d.entryId, accessedAt: d.accessedAt, officerSubject: d.officer.subject, officerCountry: d.officer.country,
    officerIssuer: d.officer.issuer, purpose: d.purpose, fieldsClass: d.fieldsClass, route: d.route, readModel: d.readModel,
    query: d.query, params: d.params, viewerCountry: d.viewerCountry, readAt: d.readAt, caseIds: d.caseIds.join(' '), referralIds: (d.referralIds ?? []).join(' '),
    requestIds: (d.requestIds ?? []).join(' '),
    resultCount: d.resultCount, answerSha256: d.answerSha256, position: event.position.toString(), hash: chainOf(event.metadata)?.hash ?? null,
  }));
  const timelineRows = events.map((e) => ({
    position: e.position.toString(), revision: Number(e.revision), type: e.type, occurredAt: e.metadata.occurredAt ?? null,
    recordedAt: e.recordedAt, actor: e.metadata.actor ?? null, country: e.metadata.country ?? null, issuer: e.metadata.issuer ?? null,
    data: e.data, hash: chainOf(e.metadata)?.hash ?? null,
  }));

  fs.mkdirSync(req.outDir, { recursive: true });
  const write = (name: string, content: string): string => {
    const file = path.join(req.outDir, name);
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
  };
  const files = [
    write('access-log.jsonl', jsonLines(accessRows)),
    write('access-log.csv', csvDocument(ACCESS_COLUMNS, accessRows.map((r) => ACCESS_COLUMNS.map((c) => r[c])))),
    write('timeline.jsonl', jsonLines(timelineRows)),
    write('timeline.csv', csvDocument(TIMELINE_COLUMNS, timelineRows.map((r) => TIMELINE_COLUMNS.map((c) => r[c])))),
  ];
  return { files, accesses: accessRows.length, events: timelineRows.length };
}

/** Access records that disclosed the subject: its id among the answer's case, referral or request ids. */
function disclosed(d: CaseDataAccessedData, subject: ExportSubject): boolean {
  const ids = subject.kind === 'case' ? d.caseIds : subject.kind === 'referral' ? d.referralIds : d.requestIds;
  return Array.isArray(ids) && ids.includes(subject.id);
}

async function scanAccesses(store: EventStore, subject: ExportSubject): Promise<{ data: CaseDataAccessedData; event: RecordedEvent }[]> {
  const out: { data: CaseDataAccessedData; event: RecordedEvent }[] = [];
  for (let after: bigint | undefined; ;) {
    const page = await readAllAfter(store, after, 4096);
    for (const e of page) {
      if (e.type !== CASE_DATA_ACCESSED) continue;
      const d = e.data as CaseDataAccessedData;
      if (disclosed(d, subject)) out.push({ data: d, event: e });
    }
    if (page.length < 4096) return out;
    after = page[page.length - 1].position;
  }
}

const STREAM_OF: Record<ExportSubject['kind'], (id: string) => string> = {
  case: caseStreamId, referral: referralStreamId, request: informationRequestStreamId,
};

async function subjectEvents(store: EventStore, subject: ExportSubject): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(STREAM_OF[subject.kind](subject.id));
  } catch (e) {
    if (e instanceof StreamNotFound) return [];
    throw e;
  }
}
