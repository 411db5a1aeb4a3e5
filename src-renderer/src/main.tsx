/**
 * Renderer entry, kept small so it runs as soon as it arrives: apply the saved
 * theme before the first paint (no flash of the wrong theme), pick the bridge
 * (preload or HTTP), ask the host for `appInfo` and the library's first rows,
 * start loading the chunk of the view the address names, then load and start
 * the app (app/mount.tsx, React and the shell). The two answers travel while
 * the app's chunk is compiled, and the app is mounted once they are in (at
 * most FIRST_RENDER_WAIT_MS after its code is ready): mounted before them, it
 * drew "Opening the archive…", then the library without rows, then the rows,
 * three renders of ~50 ms each on a slow laptop before the first rows.
 */
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import './styles/index.css';
import { selectBridge } from './platform/bridge';
import { readAppInfoAhead } from './platform/app-info-ahead';
import { currentRoute } from './platform/router';
import { readFirstPageAhead } from './features/library/first-page';
import { applySettings, initialSettings } from './features/settings/use-settings';
import { preloadView } from './app/views';

/** How long the app, its code ready, waits for the two answers before it mounts anyway (and shows its loading state). */
const FIRST_RENDER_WAIT_MS = 400;

const bridge = selectBridge(window as unknown as Record<string, unknown>, (url, init) => fetch(url, init));
const answers = Promise.all([readAppInfoAhead(bridge.client), readFirstPageAhead(bridge.client, currentRoute())]);
// After the requests: a window's first read of localStorage waits on the browser process (tens of ms on a
// cold start), and the answers can travel meanwhile. Still in this task, so before the first paint.
applySettings(initialSettings());
preloadView(currentRoute());

const root = document.getElementById('root')!;
import('./app/mount')
  .then(async (app) => {
    await Promise.race([answers, new Promise((r) => setTimeout(r, FIRST_RENDER_WAIT_MS))]);
    return app;
  })
  .then(
    ({ mount }) => mount(root, bridge),
    (e: unknown) => {
      // A chunk that cannot be loaded (a damaged install, a stale page after an update) says so instead of a blank window.
      const p = document.createElement('p');
      p.className = 'boot-error';
      p.setAttribute('role', 'alert');
      p.textContent = `Archive Reader could not start: ${e instanceof Error ? e.message : String(e)}. Reload the page (Ctrl+R) to try again.`;
      root.replaceChildren(p);
    },
  );
