/**
 * What a printed page says about its handling, declared by the view on screen:
 * - `case`: one case, its handling code (and H3 text) and title;
 * - `list`: items of several cases (their codes): the strictest of them marks every page;
 * - `figures`: aggregates without personal data, marked H1 (law enforcement only), the dashboard's
 *   default for figures drawn from shared cases.
 * A view that declares nothing prints as `figures` under its document title.
 */
export type PrintMarking =
  | { kind: 'case'; caseId: string; title: string; code: string; text: string | null }
  | { kind: 'list'; codes: readonly string[]; subject: string; text?: string | null }
  | { kind: 'figures'; subject: string };

const ORDER = ['H0', 'H1', 'H2', 'H3'];
export const strictest = (codes: readonly string[]): string | undefined =>
  codes.reduce<string | undefined>((worst, c) => (worst === undefined || ORDER.indexOf(c) > ORDER.indexOf(worst) ? c : worst), undefined);

const MEANING: Record<string, string> = {
  H0: 'No restrictions',
  H1: 'Not to be passed on outside law enforcement',
  H2: 'Not to be passed on without permission of the originator',
  H3: 'Restricted: see handling instructions',
};

interface Marked { code: string; line: string; subject: string; caseId?: string }

export function describeMarking(given: PrintMarking | undefined, fallbackSubject: string, contributed: readonly string[] = []): Marked {
  // Case-level items shown beside figures (the overview's custody reviews) make the page a list.
  const m: PrintMarking | undefined = given?.kind === 'case' || contributed.length === 0 ? given
    : { kind: 'list', codes: [...(given?.kind === 'list' ? given.codes : []), ...contributed], subject: given?.subject ?? fallbackSubject };
  if (!m) return { code: 'H1', line: `Handling code H1: ${MEANING.H1}`, subject: fallbackSubject };
  switch (m.kind) {
    case 'case':
      return { code: m.code, line: m.code === 'H3' && m.text ? `Handling: ${m.text}` : `Handling code ${m.code}: ${MEANING[m.code] ?? ''}`,
        subject: m.title, caseId: m.caseId };
    case 'list': {
      const code = strictest(m.codes);
      if (!code) return { code: 'H1', line: `Handling code H1: ${MEANING.H1} (no case shown)`, subject: m.subject };
      return { code, line: code === 'H3' ? 'Holds H3 material: see each case\'s handling instructions'
        : `Strictest handling code of the cases shown: ${code} (${MEANING[code] ?? ''})`, subject: m.subject };
    }
    case 'figures':
      return { code: 'H1', line: `Handling code H1: ${MEANING.H1} · figures only, no personal data`, subject: m.subject };
  }
}
