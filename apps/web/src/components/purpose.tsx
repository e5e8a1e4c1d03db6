import { useState } from 'preact/hooks';
import type { PurposeState } from '../state';

const STORAGE_KEY = 'liaison.purposes';

interface Stored {
  session?: string;
  cases: Record<string, string>;
}

function load(): Stored {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : { cases: {} };
  } catch {
    return { cases: {} };
  }
}

/** Purposes are cached per browser session (default) or per case, in sessionStorage only. */
export function createPurposeState(onChange: () => void): PurposeState {
  let stored = load();
  const save = () => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    onChange();
  };
  return {
    get: (caseId) => (caseId ? stored.cases[caseId] : undefined) ?? stored.session,
    set: (purpose, caseId) => {
      stored = caseId ? { ...stored, cases: { ...stored.cases, [caseId]: purpose } } : { ...stored, session: purpose };
      save();
    },
    clear: (caseId) => {
      if (caseId) {
        const { [caseId]: _gone, ...rest } = stored.cases;
        stored = { ...stored, cases: rest };
      } else stored = { cases: {} };
      save();
    },
  };
}

export const SUGGESTED_PURPOSES = [
  'Investigation of an ongoing case',
  'Custody review preparation',
  'Extradition proceedings',
  'Identifying handlers abroad',
  'Supervisory audit',
];

/**
 * Asked before any personal-data read: the API requires a purpose for each one and logs it with the
 * access (LED Art. 25). The answer is cached for the session, or for one case only.
 */
export function PurposePrompt({ caseId, onSet, set, current, onCancel }: {
  caseId?: string;
  set: PurposeState['set'];
  current?: string;
  onSet?: () => void;
  onCancel?: () => void;
}) {
  const [choice, setChoice] = useState(current && SUGGESTED_PURPOSES.includes(current) ? current : current ? 'other' : '');
  const [other, setOther] = useState(current && !SUGGESTED_PURPOSES.includes(current) ? current : '');
  const [scope, setScope] = useState<'session' | 'case'>(caseId ? 'case' : 'session');
  const [error, setError] = useState('');
  const purpose = choice === 'other' ? other.trim() : choice;
  const idBase = `purpose-${caseId ?? 'session'}`;

  const submit = (e: Event) => {
    e.preventDefault();
    if (purpose.length < 3) {
      setError('Give the purpose of this access (at least 3 characters).');
      return;
    }
    // Sent as an HTTP header (X-Purpose), which carries Latin-1 only.
    if (/[^\u0020-\u00ff]/.test(purpose)) {
      setError('Use Latin letters only (å, ä, ö, æ, ø are fine).');
      return;
    }
    set(purpose, scope === 'case' ? caseId : undefined);
    onSet?.();
  };

  return (
    <form class="purpose-prompt" onSubmit={submit} aria-labelledby={`${idBase}-title`}>
      <h3 id={`${idBase}-title`}>Why are you accessing this?</h3>
      <p class="hint">Personal data may only be read for a stated purpose. It is recorded with every access and supervisors can see it.</p>
      <label for={`${idBase}-choice`}>Purpose</label>
      <select id={`${idBase}-choice`} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)} required>
        <option value="" disabled>Choose a purpose…</option>
        {SUGGESTED_PURPOSES.map((p) => <option key={p} value={p}>{p}</option>)}
        <option value="other">Other (describe)</option>
      </select>
      {choice === 'other' ? (
        <>
          <label for={`${idBase}-other`}>Describe the purpose</label>
          <input id={`${idBase}-other`} type="text" maxLength={200} value={other} onInput={(e) => setOther((e.target as HTMLInputElement).value)} />
        </>
      ) : null}
      {caseId ? (
        <fieldset class="inline-radios">
          <legend>Use it for</legend>
          <label><input type="radio" name={`${idBase}-scope`} checked={scope === 'case'} onChange={() => setScope('case')} /> this case only</label>
          <label><input type="radio" name={`${idBase}-scope`} checked={scope === 'session'} onChange={() => setScope('session')} /> everything this session</label>
        </fieldset>
      ) : null}
      {error ? <p class="field-error" role="alert">{error}</p> : null}
      <div class="actions">
        <button type="submit" class="primary">Continue</button>
        {onCancel ? <button type="button" onClick={onCancel}>Cancel</button> : null}
      </div>
    </form>
  );
}

/** The visible "purpose in force" indicator with a way to change it. */
export function PurposeIndicator({ purposes, caseId }: { purposes: PurposeState; caseId?: string }) {
  const [editing, setEditing] = useState(false);
  const current = purposes.get(caseId);
  if (!current) return null;
  return (
    <div class="purpose-indicator">
      <span><span class="muted">Purpose:</span> <strong data-testid="purpose">{current}</strong></span>
      {editing ? (
        <PurposePrompt caseId={caseId} set={purposes.set} current={current} onSet={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <button type="button" class="link-button" onClick={() => setEditing(true)}>Change purpose</button>
      )}
    </div>
  );
}
