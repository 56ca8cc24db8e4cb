import { dismissNotice, useNotices } from './notices';

/** Failures and confirmations, announced to screen readers and dismissable. */
export function NoticeArea() {
  const notices = useNotices((s) => s.notices);
  const errors = notices.filter((n) => n.tone === 'error');
  const infos = notices.filter((n) => n.tone === 'info');
  return (
    <div className="notice-area">
      <div role="alert" className="notice-stack">
        {errors.map((n) => (
          <NoticeItem key={n.id} id={n.id} text={n.text} tone="error" />
        ))}
      </div>
      <div role="status" className="notice-stack">
        {infos.map((n) => (
          <NoticeItem key={n.id} id={n.id} text={n.text} tone="info" />
        ))}
      </div>
    </div>
  );
}

function NoticeItem({ id, text, tone }: { id: number; text: string; tone: 'error' | 'info' }) {
  return (
    <p className={`notice notice--${tone}`}>
      <span>{text}</span>
      <button type="button" className="button-quiet" onClick={() => dismissNotice(id)} aria-label="Dismiss message">
        ✕
      </button>
    </p>
  );
}
