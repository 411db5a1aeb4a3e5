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
 * Until it mounts, a start at the library shows the library screen as it was
 * last drawn, inert (platform/start-snapshot.ts: index.html's first script
 * put it in `#root`).
 */
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import './styles/index.css';
import { selectBridge } from './platform/bridge';
import { SOCKET_PATH } from '../../src-main/shared/api-socket-protocol';
import { appInfoArrived, readAppInfoAhead } from './platform/app-info-ahead';
import { dropStartSnapshot, startSnapshotArchive } from './platform/start-snapshot';
import { currentRoute } from './platform/router';
import { readFirstPageAhead } from './features/library/first-page';
import { applySettings, initialSettings } from './features/settings/use-settings';
import { preloadView } from './app/views';

/** How long the app, its code ready, waits for the two answers before it mounts anyway (and shows its loading state). */
const FIRST_RENDER_WAIT_MS = 400;
/**
 * The same with the picture of the last library screen on show: the picture is a better thing to look at than
 * the app's loading state, so the app waits longer before replacing it (a host that does not answer at all
 * fails its requests, which ends the wait too).
 */
const PICTURE_WAIT_MS = 3000;

const bridge = selectBridge(
  window as unknown as Record<string, unknown>,
  (url, init) => fetch(url, init),
  () => new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`),
);
const infoArrived = readAppInfoAhead(bridge.client);
const answers = Promise.all([infoArrived, readFirstPageAhead(bridge.client, currentRoute())]);
// After the requests: a window's first read of localStorage waits on the browser process (tens of ms on a
// cold start), and the answers can travel meanwhile. Still in this task, so before the first paint.
applySettings(initialSettings());
preloadView(currentRoute());

const root = document.getElementById('root')!;
const pictured = startSnapshotArchive(root);
// The picture is of the archive open last time: if the host has opened another since, it goes at once.
if (pictured !== null) {
  void infoArrived.then(() => {
    const info = appInfoArrived();
    if (!info?.ok || info.value.archiveId !== pictured) dropStartSnapshot(root);
  });
}
// The picture is painted before the app's modules run: their evaluation would otherwise take the frame it needs.
const pictureShown =
  pictured === null
    ? Promise.resolve()
    : new Promise<void>((painted) => {
        requestAnimationFrame(() => setTimeout(painted, 0));
        setTimeout(painted, 100); // a window in the background gets no frames
      });
pictureShown
  .then(() => import('./app/mount'))
  .then(async (app) => {
    const wait = startSnapshotArchive(root) !== null ? PICTURE_WAIT_MS : FIRST_RENDER_WAIT_MS;
    await Promise.race([answers, new Promise((r) => setTimeout(r, wait))]);
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
