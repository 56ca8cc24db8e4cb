/** The studio's top-level screens, in the order the navigation shows them. */
export const SCREENS = [
  { id: 'drafts', label: 'Drafts', shortcut: 'Ctrl+1' },
  { id: 'reviews', label: 'Reviews', shortcut: 'Ctrl+2' },
  { id: 'generations', label: 'Generations', shortcut: 'Ctrl+3' },
  { id: 'account', label: 'Account', shortcut: 'Ctrl+4' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];
