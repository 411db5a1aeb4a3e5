/**
 * Starts the app in the page: React and the shell. Its own chunk, loaded by
 * main.tsx once the host has been asked for what the first page shows.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bridge } from '../platform/bridge';
import { App } from './App';

export function mount(root: HTMLElement, bridge: Bridge): void {
  createRoot(root).render(
    <StrictMode>
      <App bridge={bridge} />
    </StrictMode>,
  );
}
