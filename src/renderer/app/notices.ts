/** Short messages for the person: what failed and what to do. Shown in the shell's alert area. */
import { create } from 'zustand';
import { messageOf } from './errors';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  text: string;
}

interface NoticesState {
  notices: Notice[];
}

export const useNotices = create<NoticesState>(() => ({ notices: [] }));
let nextId = 1;

export function notify(text: string, tone: Notice['tone'] = 'info'): void {
  const notice = { id: nextId++, tone, text };
  useNotices.setState((s) => ({ notices: [...s.notices.slice(-3), notice] }));
}

/** Reports a failed action as "<what> failed: <why>". */
export function reportFailure(what: string, error: unknown): void {
  notify(`${what} failed: ${messageOf(error)}`, 'error');
}

export function dismissNotice(id: number): void {
  useNotices.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
