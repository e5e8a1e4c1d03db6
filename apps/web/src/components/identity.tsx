import { roleOf } from '../auth/auth-provider';
import type { Session } from '../auth/auth-provider';
import { browserZone, countryName } from '../format';
import type { AppState } from '../state';
import { ZonePicker } from './time';

/** The header's right side: live state, who is signed in, the time zone and sign-out. */
export function Identity({ session, liveState, position, zone, onZone, onSignOut }: {
  session: Session; liveState: AppState['liveState']; position: string; zone: string; onZone: (z: string) => void; onSignOut: () => void;
}) {
  return (
    <div class="identity">
      <span class={`live live-${liveState}`} role="status" aria-live="polite" title={`Read models at position ${position}`}>
        <span class="dot" aria-hidden="true" />{liveState === 'live' ? 'Live' : liveState === 'connecting' ? 'Connecting…' : 'Offline, retrying'}
      </span>
      <span class="who" data-testid="identity">
        <strong>{countryName(session.country)}</strong> {roleOf(session)}
        {session.dev ? <span class="badge dev">dev</span> : null}
      </span>
      <ZonePicker zone={zone} browser={browserZone()} onChange={onZone} />
      <button type="button" onClick={onSignOut}>Sign out</button>
    </div>
  );
}
