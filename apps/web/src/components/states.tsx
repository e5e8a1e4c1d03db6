import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : 0;
  const hint =
    status === 403 ? 'Your identity does not have access to this.' :
    status === 404 ? 'It does not exist, or it is not shared with your country.' :
    status === 503 ? 'The read models are catching up. Try again in a moment.' : '';
  return (
    <div class="state state-error" role="alert">
      <strong>Could not load this.</strong> {error.message} {hint}
      {onRetry ? <button type="button" class="link-button" onClick={onRetry}>Retry</button> : null}
    </div>
  );
}

/**
 * Why one record could not be shown. A 404 reads "not found" with the same words whether the record
 * does not exist or is another country's (the API answers both alike, so existence does not leak
 * across borders); any other failure is an ErrorState.
 */
export function NotVisible({ error, title, testId, children }: { error?: Error; title: string; testId: string; children: ComponentChildren }) {
  if (!error) return null;
  if (!(error instanceof ApiError && error.status === 404)) return <ErrorState error={error} />;
  return (
    <section class="panel" aria-labelledby="nf-title">
      <h1 id="nf-title">{title}</h1>
      <p class="state state-empty" data-testid={testId}>{children}</p>
    </section>
  );
}

export function Panel({ title, children, actions, id }: { title: string; children: ComponentChildren; actions?: ComponentChildren; id?: string }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-heading`;
  return (
    <section class="panel" aria-labelledby={headingId} id={id}>
      <header class="panel-header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function HandlingBadge({ code, text, large }: { code: string; text?: string | null; large?: boolean }) {
  const meaning: Record<string, string> = {
    H0: 'No restrictions',
    H1: 'Not to be passed on outside law enforcement',
    H2: 'Not to be passed on without permission of the originator',
    H3: 'Restricted: see handling instructions',
  };
  return (
    <span class={`badge handling handling-${code.toLowerCase()}${large ? ' badge-large' : ''}`} title={meaning[code] ?? code}>
      <span class="badge-code">{code}</span>
      {large ? <span class="badge-meaning">{meaning[code] ?? ''}</span> : null}
      {code === 'H3' && text ? <span class="badge-text">{text}</span> : null}
    </span>
  );
}
