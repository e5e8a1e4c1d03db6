/**
 * LED 2016/680 Art. 6: every person record carries its category. 'contact' covers the
 * directive's "other parties" (informants, contacts, associates) other than witnesses.
 */
export const DATA_SUBJECT_CATEGORIES = ['suspect', 'convicted', 'victim', 'witness', 'contact'] as const;
export type DataSubjectCategory = (typeof DATA_SUBJECT_CATEGORIES)[number];
