import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DraftSummary } from '../../../shared/studio/models';
import { noteDraftListShown } from '../../app/perf';
import { selectDraft, useDrafts } from './store';
import { scrollTopToReveal, visibleRange } from './virtual-window';
import { draftTitle } from '../../../shared/studio/draft-title';

export const ROW_HEIGHT = 72;
const OVERSCAN = 6;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function optionId(id: string): string {
  return `draft-option-${id}`;
}

/**
 * The drafts as a listbox that renders only the rows in view: 10,000 drafts cost as much to
 * show as a screenful. Arrow keys, Home and End move the selection.
 */
export function DraftList() {
  const items = useDrafts((s) => s.items);
  const selectedId = useDrafts((s) => s.selectedId);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => noteDraftListShown(items.length), [items.length]);

  const selectedIndex = items.findIndex((d) => d.id === selectedId);

  // Keep the selected draft in view (Alt+Up/Down, arrows), and keep keyboard focus on it.
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedIndex < 0) return;
    const top = scrollTopToReveal(selectedIndex, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (top !== null) {
      el.scrollTop = top;
      setScrollTop(top);
    }
    if (el.contains(document.activeElement)) {
      requestAnimationFrame(() => document.getElementById(optionId(items[selectedIndex]!.id))?.focus());
    }
  }, [selectedIndex, items]);

  const { start, end } = visibleRange({ scrollTop, viewportHeight: viewport, rowHeight: ROW_HEIGHT, count: items.length, overscan: OVERSCAN });
  const focusable = selectedIndex >= start && selectedIndex < end ? selectedIndex : start;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || items.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const from = selectedIndex < 0 ? -1 : selectedIndex;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: Math.max(0, from - 1),
      PageDown: from + page,
      PageUp: Math.max(0, from - page),
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = items[Math.min(items.length - 1, target)];
    if (next) void selectDraft(next.id);
  };

  return (
    <div className="draft-list" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul
        role="listbox"
        aria-label="Drafts"
        className="draft-list__rows"
        style={{ height: items.length * ROW_HEIGHT }}
        onKeyDown={onKeyDown}
      >
        {items.slice(start, end).map((draft, k) => {
          const index = start + k;
          return (
            <DraftRow
              key={draft.id}
              draft={draft}
              index={index}
              count={items.length}
              selected={draft.id === selectedId}
              focusable={index === focusable}
            />
          );
        })}
      </ul>
    </div>
  );
}

interface RowProps {
  draft: DraftSummary;
  index: number;
  count: number;
  selected: boolean;
  focusable: boolean;
}

function DraftRow({ draft, index, count, selected, focusable }: RowProps) {
  return (
    <li
      id={optionId(draft.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={count}
      tabIndex={focusable ? 0 : -1}
      className="draft-row"
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
      onClick={() => void selectDraft(draft.id)}
    >
      <span className="draft-row__top">
        <span className="draft-row__title">{draftTitle(draft.title)}</span>
        <time className="draft-row__date" dateTime={draft.updatedAt}>
          {dateFormat.format(new Date(draft.updatedAt))}
        </time>
      </span>
      <span className="draft-row__preview">{draft.promptPreview || 'Empty prompt'}</span>
      {draft.tags.length > 0 && (
        <span className="draft-row__tags">
          {draft.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}
