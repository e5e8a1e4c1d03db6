import { render } from 'preact';
import { App } from './app';
import './styles.css';
import './platforms.css';
import './print.css';
import './requests.css';

import { CALLBACK_PATH } from './auth/oidc';

// The IdP sends the browser back with ?code=…&state=…: take that address, then remove it from the
// address bar and this history entry at once, before anything renders, loads or can be bookmarked.
const callbackUrl = location.pathname === CALLBACK_PATH ? location.href : undefined;
if (callbackUrl) history.replaceState(null, '', CALLBACK_PATH);

const root = document.getElementById('app');
if (root) render(<App callbackUrl={callbackUrl} />, root);
