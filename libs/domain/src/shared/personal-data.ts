// Which values of each event are personal data, and which data subject they belong to (ADR 19; LED
// 2016/680 Art. 5 and 16). The store encrypts each such value under its subject's key and erasure
// destroys the key, so this table decides what an erasure erases. Pure data, read by the privacy
// module of libs/event-store (its `PersonalField` is a structural twin of this one).

/**
 * `path`: field names separated by dots, `*` for every element of an array (`grounds.*.reason`).
 * `subject`: the data subject's id, from the event's own data only (no lookup, the same in every
 * process). A method, so a field typed for one event's data fits the store's generic policy.
 */
export interface PersonalField<Data> {
  path: string;
  subject(data: Data): string;
}

/** One entry per event type of an aggregate (an empty list: reviewed, nothing personal). */
export type PersonalDataPolicyOf<E extends { type: string; data: object }> = {
  readonly [T in E['type']]: readonly PersonalField<Extract<E, { type: T }>['data']>[];
};

/**
 * Fields whose names look personal but are deliberately stored in clear, `'<EventType>.<field>'` →
 * why. The policy spec fails on a personal-looking field that is in neither list.
 */
export type ReviewedPlain = Readonly<Record<string, string>>;

// Subject ids are `<kind>:<id>`, built from ids the events already carry (ADR 19, "Subject ids").
export const personSubject = (d: { personId: string }): string => `person:${d.personId}`;
export const handlerSubject = (d: { handlerId: string }): string => `handler:${d.handlerId}`;
/** The case's own free text (title, reasons): erased with the case as a whole. */
export const caseTextSubject = (d: { caseId: string }): string => `case:${d.caseId}`;
/** The holder of the referred content (an account behind a URL). */
export const referralSubject = (d: { referralId: string }): string => `referral:${d.referralId}`;
/** Whoever an information request is about. */
export const requestSubject = (d: { requestId: string }): string => `request:${d.requestId}`;
