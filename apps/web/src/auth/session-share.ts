import type { Session } from './auth-provider';

/**
 * Shares the signed-in session between tabs of this browser while it is valid, without putting the
 * token in localStorage (which would outlive the browser): a new tab asks over a same-origin
 * BroadcastChannel and any signed-in tab answers with its session; signing in or out in one tab
 * signs the others in or out too; a tab that renews its token offers the fresh session, and tabs of
 * the same person adopt it (only the tab that signed in holds the refresh token). Each tab still
 * keeps its copy in sessionStorage only.
 */
type Message = { type: 'ask' } | { type: 'offer'; session: Session } | { type: 'signed-out' };

export interface SessionShare {
  /** Ask the other tabs for their session (answered through onOffer). */
  ask(): void;
  /** Tell the other tabs about a new session. */
  offer(session: Session): void;
  signedOut(): void;
  close(): void;
}

export function shareSession(handlers: {
  current: () => Session | undefined;
  onOffer: (s: Session) => void;
  onSignedOut: () => void;
}): SessionShare {
  if (typeof BroadcastChannel === 'undefined') return { ask() {}, offer() {}, signedOut() {}, close() {} };
  const channel = new BroadcastChannel('liaison.session');
  const valid = (s: Session | undefined): s is Session => !!s && typeof s.token === 'string' && s.expiresAt > Date.now();
  channel.onmessage = (e: MessageEvent<Message>) => {
    const m = e.data;
    if (m.type === 'ask') {
      const s = handlers.current();
      if (valid(s)) channel.postMessage({ type: 'offer', session: s } satisfies Message);
    } else if (m.type === 'offer') {
      const mine = handlers.current();
      const fresher = mine !== undefined && m.session.subject === mine.subject && m.session.issuer === mine.issuer && m.session.expiresAt > mine.expiresAt;
      if (valid(m.session) && (!mine || fresher)) handlers.onOffer(m.session);
    } else if (m.type === 'signed-out') {
      handlers.onSignedOut();
    }
  };
  const post = (m: Message) => channel.postMessage(m);
  return {
    ask: () => post({ type: 'ask' }),
    offer: (session) => post({ type: 'offer', session }),
    signedOut: () => post({ type: 'signed-out' }),
    close: () => channel.close(),
  };
}
