import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { roleOf } from '../auth/auth-provider';
import { countryName, formatInstant } from '../format';
import { useApp } from '../state';

/**
 * The printed case: a running header with the handling code and a footer saying who printed it,
 * when and for what stated purpose, on EVERY page. The header and footer are a table's thead and
 * tfoot, which Chromium (and Firefox) repeat on each printed page and, unlike position: fixed,
 * give their own space, so they never cover the text. On screen the frame is plain blocks and the
 * header/footer are hidden (case-print.css). The header links back to the case: a printed copy
 * names its source, and the link (a PDF annotation per page) lets a spec see it on every page.
 *
 * Views other than a case (the request register, a request, the deadlines board, the statistics)
 * pass `href`, their own address, and the handling code that governs the printout: the strictest of
 * the cases it shows (`handlingNote` says so), or null when it shows no case.
 */
export function PrintFrame({ caseId, href, title, handlingCode, handlingText, handlingNote, children }: {
  caseId?: string; href?: string; title: string; handlingCode: string | null; handlingText: string | null;
  handlingNote?: string; children: ComponentChildren;
}) {
  const { session, purposes } = useApp();
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => setAt(new Date().toISOString());
    addEventListener('beforeprint', stamp);
    return () => removeEventListener('beforeprint', stamp);
  }, []);
  const source = `${location.origin}${href ?? `/cases/${caseId}`}`;
  const handling = handlingCode === null ? handlingNote ?? 'No handling code'
    : handlingText && handlingCode === 'H3' ? `Handling: ${handlingText}` : `Handling code ${handlingCode}${handlingNote ? ` (${handlingNote})` : ''}`;
  return (
    <table class="print-frame" role="presentation">
      <thead class="print-running">
        <tr><td>
          <div class="print-header" data-testid="print-header">
            {handlingCode === null ? null : <strong class="print-code">{handlingCode}</strong>}
            <span>{handling}</span>
            <a href={source}>{title}</a>
          </div>
        </td></tr>
      </thead>
      <tbody><tr><td>{children}</td></tr></tbody>
      <tfoot class="print-running">
        <tr><td>
          <div class="print-footer" data-testid="print-footer">
            Printed by {session.subject} ({countryName(session.country)}, {roleOf(session)}) on {formatInstant(at)} · Purpose: {purposes.get(caseId) ?? 'none stated'} · {handlingCode === null ? 'No handling code' : `Handling code ${handlingCode}`}
          </div>
        </td></tr>
      </tfoot>
    </table>
  );
}
