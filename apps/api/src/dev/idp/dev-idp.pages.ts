import type { DevAccount } from './dev-idp.accounts.js';

/**
 * The development IdP's pages: plain server-rendered HTML with no script, real buttons in real forms,
 * labelled landmarks and a visible focus ring, so they work with a keyboard and a screen reader.
 */
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
main{max-width:34rem;margin:3rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003}
h1{font-size:1.4rem;margin:0 0 .5rem}.note{background:#fff4d6;border-left:4px solid #b58100;padding:.5rem .75rem}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.6rem 1rem;border:1px solid #2a4d7a;border-radius:6px;background:#fff;color:#17365d;cursor:pointer;width:100%;text-align:left}
button.primary{background:#17365d;color:#fff}button:focus-visible{outline:3px solid #b58100;outline-offset:2px}.muted{color:#555;font-size:.9rem}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function loginPage(input: { idpName: string; action: string; abort: string; accounts: DevAccount[]; roleScopes: (a: DevAccount) => string }): string {
  const items = input.accounts.map((a) => `<li><button type="submit" name="account" value="${escapeHtml(a.accountId)}">${escapeHtml(a.label)}</button>
<span class="muted">${escapeHtml(a.accountId)} · ${escapeHtml(input.roleScopes(a) || 'no Liaison scopes')}</span></li>`).join('\n');
  return page(`Sign in · ${input.idpName}`, `<h1>${escapeHtml(input.idpName)}</h1>
<p class="note" role="note"><strong>Development identity provider.</strong> Self-signed, inside the Liaison service; never use it with real data.</p>
<form method="post" action="${escapeHtml(input.action)}"><fieldset><legend>Sign in to Liaison as</legend><ul>${items}</ul></fieldset></form>
<form method="post" action="${escapeHtml(input.abort)}"><button type="submit">Cancel and go back to Liaison</button></form>`);
}

export function logoutPage(idpName: string, form: string): string {
  return page(`Sign out · ${idpName}`, `<h1>Sign out of ${escapeHtml(idpName)}?</h1>
<p>This ends your session at this identity provider, so Liaison will ask you to sign in again.</p>
${form}
<p><button class="primary" type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button></p>
<p><button type="submit" form="op.logoutForm">Stay signed in</button></p>`);
}

export function signedOutPage(idpName: string): string {
  return page(`Signed out · ${idpName}`, `<h1>Signed out of ${escapeHtml(idpName)}</h1><p><a href="/">Back to Liaison</a></p>`);
}

export function errorPage(idpName: string, out: Record<string, unknown>): string {
  const rows = Object.entries(out).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd>`).join('');
  return page(`Sign-in error · ${idpName}`, `<h1>The sign-in could not go on</h1><dl>${rows}</dl><p><a href="/">Back to Liaison</a></p>`);
}
