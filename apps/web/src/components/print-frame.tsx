import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { roleOf } from '../auth/auth-provider';
import { countryName, formatInstant } from '../format';
import { useApp } from '../state';

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

export function describeMarking(m: PrintMarking | undefined, fallbackSubject: string): Marked {
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

interface MarkingSlot { set: (m: PrintMarking | undefined) => void }
export const PrintMarkingContext = createContext<MarkingSlot>({ set: () => undefined });

/** A view names its handling for print; cleared when the view goes. */
export function usePrintMarking(m: PrintMarking | undefined): void {
  const slot = useContext(PrintMarkingContext);
  const key = JSON.stringify(m ?? null);
  useEffect(() => {
    slot.set(m);
    return () => slot.set(undefined);
  }, [key]);
}

/**
 * Every printed view: a running header with the handling code and what is printed (the case, or the
 * view), and a footer with who printed it, when and for what stated purpose, on EVERY page. They
 * are a table's thead and tfoot, which Chromium (and Firefox) repeat on each printed page and, unlike
 * position: fixed, give their own space, so they never cover the text. On screen the frame is plain
 * blocks and the header/footer are hidden (case-print.css). The header links to the printed
 * address: a printed copy names its source, and the link (a PDF annotation per page) lets a spec see
 * it on every page.
 */
export function PrintFrame({ marking, subject, children }: { marking: PrintMarking | undefined; subject: string; children: ComponentChildren }) {
  const { session, purposes } = useApp();
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => setAt(new Date().toISOString());
    addEventListener('beforeprint', stamp);
    return () => removeEventListener('beforeprint', stamp);
  }, []);
  const m = describeMarking(marking, subject);
  const source = m.caseId ? `${location.origin}/cases/${m.caseId}` : location.href;
  const purpose = purposes.get(m.caseId);
  return (
    <table class="print-frame" role="presentation">
      <thead class="print-running">
        <tr><td>
          <div class="print-header" data-testid="print-header">
            <strong class="print-code">{m.code}</strong>
            <span>{m.line}</span>
            <a href={source}>{m.subject}</a>
          </div>
        </td></tr>
      </thead>
      <tbody><tr><td>{children}</td></tr></tbody>
      <tfoot class="print-running">
        <tr><td>
          <div class="print-footer" data-testid="print-footer">
            Printed by {session.subject} ({countryName(session.country)}, {roleOf(session)}) on {formatInstant(at)} · Purpose: {purpose ?? 'none stated'} · Handling code {m.code}
          </div>
        </td></tr>
      </tfoot>
    </table>
  );
}
