import { useEffect, useId, useState, type FormEvent } from 'react';
import { creditWords, earlyAccessWords, serverUrlProblem } from './account-words';
import { signIn, signOut, useAccount } from './store';
import '../generations/generations.css';
import './account.css';

function SignInForm({ serverUrl, busy }: { serverUrl: string; busy: boolean }) {
  const [url, setUrl] = useState(serverUrl);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const urlId = useId();
  const tokenId = useId();
  const hintId = useId();
  useEffect(() => setUrl(serverUrl), [serverUrl]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const urlProblem = serverUrlProblem(url);
    if (urlProblem) return setProblem(urlProblem);
    if (token.trim() === '') return setProblem('Paste your API token.');
    setProblem(null);
    const changed = url.trim() !== serverUrl ? url.trim() : undefined;
    // The token leaves the page here and is not kept anywhere in the renderer.
    const handed = token.trim();
    setToken('');
    await signIn(handed, changed);
  };

  return (
    <form className="account-form" onSubmit={(e) => void submit(e)} aria-label="Sign in">
      <label htmlFor={urlId}>Server address</label>
      <input id={urlId} type="url" value={url} onChange={(e) => setUrl(e.target.value)} autoComplete="url" />
      <label htmlFor={tokenId}>API token</label>
      <input
        id={tokenId}
        type="password"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
      />
      <p id={hintId} className="muted">
        The token is stored in your system keychain, never in a file.
      </p>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** Sign-in with an API token, and the account's credits and early-access state. */
export function AccountScreen() {
  const { status, busy, error } = useAccount();
  return (
    <div className="account-screen">
      <h1>Account</h1>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {status?.keychainProblem && (
        <p role="alert" className="error-text">
          {status.keychainProblem}
        </p>
      )}
      {status === null && !error && <p className="muted">Reading the account…</p>}
      {status && !status.signedIn && <SignInForm serverUrl={status.serverUrl} busy={busy} />}
      {status?.signedIn && (
        <section className="account-details" aria-label="Your account">
          <dl>
            <dt>Signed in as</dt>
            <dd>{status.me?.name ?? 'Your account (details unavailable while offline)'}</dd>
            <dt>Server</dt>
            <dd>{status.serverUrl}</dd>
            <dt>Credits</dt>
            <dd data-testid="account-credits">{creditWords(status)}</dd>
            <dt>Early access</dt>
            <dd data-testid="account-early-access">{earlyAccessWords(status)}</dd>
          </dl>
          <button type="button" onClick={() => void signOut()} disabled={busy}>
            Sign out
          </button>
        </section>
      )}
    </div>
  );
}
