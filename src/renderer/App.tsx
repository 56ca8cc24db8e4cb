import { useState } from 'react';
import { SCREENS, type ScreenId } from './app/screens';
import { DraftsScreen } from './features/drafts/DraftsScreen';
import { ReviewsScreen } from './features/reviews/ReviewsScreen';
import { GenerationsScreen } from './features/generations/GenerationsScreen';
import { AccountScreen } from './features/account/AccountScreen';

const SCREEN_VIEWS: Record<ScreenId, () => React.JSX.Element> = {
  drafts: DraftsScreen,
  reviews: ReviewsScreen,
  generations: GenerationsScreen,
  account: AccountScreen,
};

export function App() {
  const [screen, setScreen] = useState<ScreenId>('drafts');
  const View = SCREEN_VIEWS[screen];
  return (
    <div className="app-shell">
      <nav className="app-nav" aria-label="Screens">
        {SCREENS.map((s) => (
          <button key={s.id} type="button" aria-current={s.id === screen ? 'page' : undefined} onClick={() => setScreen(s.id)}>
            {s.label}
          </button>
        ))}
      </nav>
      <main className="app-main">
        <View />
      </main>
    </div>
  );
}
