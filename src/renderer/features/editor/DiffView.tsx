import type { DiffPart } from './word-diff';

/** A word diff inline: removed words struck through, added words underlined, each named for screen readers. */
export function DiffView({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <p className="diff" aria-label={label}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} className="diff__added">
            {p.text}
          </ins>
        ) : (
          <del key={i} className="diff__removed">
            {p.text}
          </del>
        ),
      )}
    </p>
  );
}
