import { useTitle } from '../nav/page-focus';
import { linkHandler } from '../router';
import { useApp } from '../state';

export function NotFound() {
  const { navigate } = useApp();
  useTitle('Page not found');
  return <section class="panel"><h1>Page not found</h1><p><a href="/" onClick={linkHandler(navigate)}>Back to the overview</a></p></section>;
}

export function Forbidden() {
  useTitle('Not available');
  return <section class="panel"><h1>Not available</h1><p class="state state-empty">Your identity does not have access to this page.</p></section>;
}
