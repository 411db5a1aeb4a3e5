/**
 * Which app this process is: production or development, its name (which
 * decides the user-data folder, hence where IndexedDB notes live) and where
 * its bundles are. Development (electron-vite dev sets ELECTRON_RENDERER_URL)
 * runs under DEV_APP_NAME with its own user-data folder, so a developer's
 * experiments can never open or migrate a real notes database.
 */
import { app } from 'electron';
import { join } from 'node:path';
import { APP_NAME, DEV_APP_NAME } from '../shared/origin';
import { APP_ENTRY_URL } from './app-protocol';

export interface Identity {
  dev: boolean;
  name: string;
  /** What the main window loads: app://archive/index.html, or the dev server. */
  entryUrl: string;
  devServerUrl?: string;
  preload: string;
  rendererDir: string;
  icon: string;
}

/** Decide and apply the identity; must run before 'ready' (the user-data path is fixed then). */
export function establishIdentity(mainDir: string, env: NodeJS.ProcessEnv = process.env): Identity {
  const devServerUrl = !app.isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : undefined;
  const dev = devServerUrl !== undefined;
  const name = dev ? DEV_APP_NAME : APP_NAME;
  app.setName(name);
  // The archive core finds resources/corpus and resources/archive through this when packaged.
  // Always the app's own resources: an environment variable must not redirect an installed
  // app to another archive (set here, before anything reads it, whatever it held).
  if (app.isPackaged) env.ARCHIVE_RESOURCES_DIR = process.resourcesPath;
  app.setPath('userData', join(app.getPath('appData'), name));
  return {
    dev,
    name,
    entryUrl: devServerUrl ?? APP_ENTRY_URL,
    ...(devServerUrl ? { devServerUrl } : {}),
    // out/main/index.js -> out/preload/index.cjs and out/renderer/
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
    icon: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(mainDir, '..', '..', 'build', 'icon.png'),
  };
}
