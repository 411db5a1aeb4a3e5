/**
 * Electron's side of the contract: one ipcMain.handle per method, each routed
 * through the shared handlers (src-main/ipc) after checking who is asking.
 * A call from any frame other than our own main frame (an iframe, a page that
 * somehow got navigated, another web contents) is answered with an error and
 * logged, never executed.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel } from '../shared/contract';
import { err, type Result } from '../shared/result';
import { dispatch, type Handlers } from '../ipc/handlers';
import { isTrustedFrame } from './security';

export function registerIpcHandlers(handlers: Handlers, origins: readonly string[], log: (m: string) => void = console.warn): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, arg: unknown): Promise<Result<unknown>> => {
      if (!isTrustedFrame(event.senderFrame, origins)) {
        log(`archive-reader: ${method} refused for frame ${event.senderFrame?.url ?? '(gone)'}`);
        return err('invalid-argument', 'This page may not use the archive.');
      }
      return dispatch(handlers, method, arg, log);
    });
  }
}

export function unregisterIpcHandlers(): void {
  for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
}
