import { useEffect, useMemo } from 'react';
import { NoticeArea } from './app/NoticeArea';
import { SCREENS, type ScreenId } from './app/screens';
import { ShortcutsDialog } from './app/ShortcutsDialog';
import { titleWithShortcut, type ShortcutAction } from './app/shortcuts';
import { loadSettings, setScreen, setShortcutsOpen, useApp, watchSystemTheme } from './app/store';
import { ThemeSelect } from './app/ThemeSelect';
import { useGlobalShortcuts, type ShortcutHandlers } from './app/useGlobalShortcuts';
import { AccountScreen } from './features/account/AccountScreen';
import { loadCampaigns } from './features/campaigns/store';
import { DraftMenu } from './features/drafts/DraftMenu';
import { DraftsScreen } from './features/drafts/DraftsScreen';
import { newDraftAndFocus } from './features/drafts/actions';
import { refreshDrafts, selectNeighbour, setSort, useDrafts } from './features/drafts/store';
import { focusSearch } from './features/drafts/focus';
import { redoEdit, saveNow, undoEdit } from './features/editor/store';
import { GateBanner } from './features/generations/GateBanner';
import { GenerationsScreen } from './features/generations/GenerationsScreen';
import { ReviewsScreen } from './features/reviews/ReviewsScreen';

const SCREEN_VIEWS: Record<ScreenId, () => React.JSX.Element> = {
  drafts: DraftsScreen,
  reviews: ReviewsScreen,
  generations: GenerationsScreen,
  account: AccountScreen,
};

const SCREEN_ACTIONS: ShortcutAction[] = ['screen1', 'screen2', 'screen3', 'screen4'];

/** Everything loads at once; the list is fetched again only if the saved sort is not the default. */
async function startUp(): Promise<void> {
  const listed = refreshDrafts();
  const [settings] = await Promise.all([loadSettings(), loadCampaigns(), listed]);
  if (settings && settings.draftSort !== useDrafts.getState().sort) setSort(settings.draftSort);
}

export function App() {
  const screen = useApp((s) => s.screen);
  const isMac = useApp((s) => s.isMac);
  const View = SCREEN_VIEWS[screen];

  useEffect(() => {
    void startUp();
    const stopTheme = watchSystemTheme();
    // Leaving the window saves what is pending.
    const onBlur = () => void saveNow();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saveNow();
    };
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      stopTheme();
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);

  const handlers = useMemo<ShortcutHandlers>(
    () => ({
      newDraft: () => void newDraftAndFocus(),
      focusSearch: () => {
        setScreen('drafts');
        focusSearch();
      },
      save: () => void saveNow(),
      undo: undoEdit,
      redo: redoEdit,
      screen1: () => setScreen('drafts'),
      screen2: () => setScreen('reviews'),
      screen3: () => setScreen('generations'),
      screen4: () => setScreen('account'),
      previousDraft: () => selectNeighbour(-1),
      nextDraft: () => selectNeighbour(1),
      showShortcuts: () => setShortcutsOpen(true),
    }),
    [],
  );
  useGlobalShortcuts(handlers);

  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="app-header__row">
          <span className="app-brand">Shotlist</span>
          <nav className="app-nav" aria-label="Screens">
            {SCREENS.map((s, i) => (
              <button
                key={s.id}
                type="button"
                aria-current={s.id === screen ? 'page' : undefined}
                title={titleWithShortcut(`Go to ${s.label}`, SCREEN_ACTIONS[i]!, isMac)}
                onClick={() => setScreen(s.id)}
              >
                {s.label}
              </button>
            ))}
          </nav>
          <div className="app-header__tools">
            {screen === 'drafts' && <DraftMenu />}
            <ThemeSelect />
            <button type="button" title={titleWithShortcut('Keyboard shortcuts', 'showShortcuts', isMac)} onClick={() => setShortcutsOpen(true)}>
              Shortcuts
            </button>
          </div>
        </div>
        <GateBanner />
      </header>
      <NoticeArea />
      <main className="app-main" id="main">
        <View />
      </main>
      <ShortcutsDialog />
    </div>
  );
}
