import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider as OidcProvider } from 'oidc-provider';
import type { DevAccount } from './dev-idp.accounts.js';
import { loginPage } from './dev-idp.pages.js';

const MAX_FORM_BYTES = 4096;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) reject(new Error('form too large'));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(html);
}

/**
 * The development IdP's own interaction routes: the identity picker (GET), the pick (POST …/login)
 * and cancel (POST …/abort). The interaction itself (its cookie, its expiry) is oidc-provider's.
 */
export async function handleInteraction(
  provider: OidcProvider,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { mount: string; idpName: string; accounts: DevAccount[]; roleScopes: (a: DevAccount) => string },
): Promise<void> {
  try {
    const path = (req.url ?? '').split('?')[0] as string;
    const [uid, action] = path.slice(`${ctx.mount}/interaction/`.length).split('/');
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET' && action === undefined) {
      if (details.prompt.name !== 'login') {
        // Consent is implied for the first-party dashboard (loadExistingGrant); nothing to ask.
        await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
        return;
      }
      const base = `${ctx.mount}/interaction/${uid}`;
      send(res, 200, loginPage({ idpName: ctx.idpName, action: `${base}/login`, abort: `${base}/abort`, accounts: ctx.accounts, roleScopes: ctx.roleScopes }));
      return;
    }
    if (req.method === 'POST' && action === 'login') {
      const accountId = (await readForm(req)).get('account');
      if (!ctx.accounts.some((a) => a.accountId === accountId)) {
        send(res, 400, 'Unknown development identity');
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    if (req.method === 'POST' && action === 'abort') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The sign-in was cancelled.' }, { mergeWithLastSubmission: false });
      return;
    }
    send(res, 404, 'Not found');
  } catch {
    // An expired or unknown interaction (e.g. Back after signing in): start again from Liaison.
    if (!res.headersSent) send(res, 400, `<!doctype html><title>Sign-in expired</title><p>This sign-in has expired. <a href="/">Back to Liaison</a></p>`);
  }
}
