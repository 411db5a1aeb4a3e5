/**
 * Renderer entry: apply the saved theme before the first paint (no flash of
 * the wrong theme), pick the bridge (preload or HTTP), render the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import './styles/index.css';
import { App } from './app/App';
import { selectBridge } from './platform/bridge';
import { applySettings, initialSettings } from './features/settings/use-settings';

applySettings(initialSettings());

const bridge = selectBridge(window as unknown as Record<string, unknown>, (url, init) => fetch(url, init));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
