import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { roleOf } from '../auth/auth-provider';
import { countryName, formatInstant } from '../format';
import { useApp } from '../state';
import { describeMarking, type PrintMarking } from '../print/marking';

export type { PrintMarking };

interface MarkingSlot {
  set: (m: PrintMarking | undefined) => void;
  /** A part of a view showing case-level items (with their codes) adds them; `codes: undefined` withdraws. */
  contribute: (id: object, codes: readonly string[] | undefined) => void;
}
export const PrintMarkingContext = createContext<MarkingSlot>({ set: () => undefined, contribute: () => undefined });

/** A view names its handling for print; cleared when the view goes. */
export function usePrintMarking(m: PrintMarking | undefined): void {
  const slot = useContext(PrintMarkingContext);
  const key = JSON.stringify(m ?? null);
  useEffect(() => {
    slot.set(m);
    return () => slot.set(undefined);
  }, [key]);
}

/** A part of a view (a list among figures) adds the handling codes of the cases it shows. */
export function usePrintCodes(codes: readonly string[]): void {
  const slot = useContext(PrintMarkingContext);
  const [id] = useState(() => ({}));
  const key = codes.join(',');
  useEffect(() => {
    slot.contribute(id, codes);
  }, [key]);
  useEffect(() => () => slot.contribute(id, undefined), []);
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
export function PrintFrame({ marking, contributed, subject, children }: {
  marking: PrintMarking | undefined; contributed: readonly string[]; subject: string; children: ComponentChildren;
}) {
  const { session, purposes } = useApp();
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => setAt(new Date().toISOString());
    addEventListener('beforeprint', stamp);
    return () => removeEventListener('beforeprint', stamp);
  }, []);
  const m = describeMarking(marking, subject, contributed);
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
