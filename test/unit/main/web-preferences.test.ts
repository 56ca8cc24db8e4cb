import { describe, expect, it } from 'vitest';
import { studioWebPreferences } from '../../../src/main/window/web-preferences';

describe('the studio window web preferences', () => {
  it('isolate the page: context isolation, sandbox, no Node, web security on, no webviews', () => {
    expect(studioWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});
