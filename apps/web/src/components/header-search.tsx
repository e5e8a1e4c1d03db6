import { useEffect, useState } from 'preact/hooks';
import { readParams, withParams } from '../nav/url-state';
import type { Navigate } from '../router';

/**
 * The header's search box: sends to the results view (`/search?q=`), where results follow what is
 * typed. On the results view it shows the text in force.
 */
export function HeaderSearch({ current, navigate }: { current: string; navigate: Navigate }) {
  const inForce = readParams(current, { q: '' }).q;
  const [text, setText] = useState(inForce);
  useEffect(() => setText(inForce), [inForce]);
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(withParams('/search', { q: text.trim() }, { q: '' }));
  };
  return (
    <form class="header-search" role="search" aria-label="Search cases, people and handlers" onSubmit={submit}>
      <label for="header-q" class="sr-only">Search cases, people and handlers</label>
      <input id="header-q" type="search" placeholder="Search people, handlers, cases…" maxLength={200} value={text} autoComplete="off"
        onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      <button type="submit">Search</button>
    </form>
  );
}
