/**
 * Renderer entry: apply the saved theme before the first paint (no flash of
 * the wrong theme), pick the bridge (preload or HTTP), ask for the library's
 * first rows, render the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import './styles/index.css';
import { App } from './app/App';
import { selectBridge } from './platform/bridge';
import { currentRoute } from './platform/router';
import { readFirstPageAhead } from './features/library/first-page';
import { applySettings, initialSettings } from './features/settings/use-settings';

applySettings(initialSettings());

const bridge = selectBridge(window as unknown as Record<string, unknown>, (url, init) => fetch(url, init));
// The library's first rows are asked for now, alongside appInfo, not after it.
readFirstPageAhead(bridge.client, currentRoute());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
