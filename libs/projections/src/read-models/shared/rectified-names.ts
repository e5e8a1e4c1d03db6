// The copies of a person's name and pseudonym that some read models keep (case_id, person_id, name,
// pseudonym): kept in step with rectification and erasure.
import type { RecordedEvent } from '@liaison/event-store';
import type { ReadModelDb } from '../../runner/projection.js';
import { str, type Data } from './read-model-helpers.js';

/**
 * LED Art. 16(1) for read models that keep a copy of a person's name and pseudonym (in a table with
 * case_id, person_id, name, pseudonym): a PersonalDataRectified of either replaces the copy. Other
 * fields are not kept there. A keyed UPDATE with the event's value: idempotent by position.
 */
export function rectifyNames(rm: ReadModelDb, event: RecordedEvent, table: string): void {
  const d = event.data as Data;
  if (event.type !== 'PersonalDataRectified' || (d.field !== 'name' && d.field !== 'pseudonym')) return;
  rm.stmt(`UPDATE ${table} SET ${d.field} = ? WHERE case_id = ? AND person_id = ?`).run(str(d.value), d.caseId, d.personId);
}

/**
 * A person's names leave a read model's copy when their data is erased (ADR 19). The file runs
 * secure_delete, so the old values do not linger in free space. Rebuilt, the same rows get "[erased]"
 * text from the person's earlier events and are cleared here the same way.
 */
export function eraseNamesOf(rm: ReadModelDb, table: string, d: Data): void {
  rm.stmt(`UPDATE ${table} SET name = NULL, pseudonym = NULL WHERE case_id = ? AND person_id = ?`).run(d.caseId, d.personId);
}
