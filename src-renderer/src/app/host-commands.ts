/**
 * Menu commands from the Electron host (src-main/shared/commands.ts), mapped
 * onto the same actions as the keyboard shortcuts. Every command is also
 * re-broadcast as a DOM event (`archive-command`) so features this module
 * does not know (export, annotations) can listen without editing it.
 */
import { useEffect, useRef } from 'react';
import type { CommandMessage } from '../../../src-main/shared/commands';
import { LINK_PROTOCOL } from '../../../src-main/shared/origin';
import { openImport } from '../features/archives';
import { focusSearchBox } from '../features/search/search-box-registry';
import { DEFAULT_SETTINGS, FONT_SIZE_MAX, FONT_SIZE_MIN } from '../features/settings/settings';
import { useSettings } from '../features/settings/use-settings';
import { useBridge } from '../platform/api-context';
import { goBack, navigate } from '../platform/router';
import { parseRoute, type Route } from '../platform/routes';
import { runViewAction } from '../platform/shortcuts';

export const COMMAND_EVENT = 'archive-command';

/** archive-reader://article/<id>?annotation=<id> -> the route it names, or null. */
export function routeFromLink(url: string): Route | null {
  const prefix = `${LINK_PROTOCOL}://`;
  if (!url.startsWith(prefix)) return null;
  const route = parseRoute('#' + url.slice(prefix.length));
  return route.name === 'article' ? route : null;
}

export function useHostCommands(): void {
  const { onCommand } = useBridge();
  const { settings, update } = useSettings();
  const size = useRef(settings.fontSize);
  size.current = settings.fontSize;

  useEffect(() => {
    if (!onCommand) return;
    return onCommand((message: CommandMessage) => {
      switch (message.command) {
        case 'focus-search':
          focusSearchBox();
          break;
        case 'go-library':
          navigate({ name: 'library' });
          break;
        case 'go-back':
          if (!runViewAction('back')) goBack();
          break;
        case 'next-doc':
          runViewAction('next');
          break;
        case 'prev-doc':
          runViewAction('previous');
          break;
        case 'find-next':
          runViewAction('nextMatch');
          break;
        case 'find-prev':
          runViewAction('previousMatch');
          break;
        case 'theme-light':
          update({ theme: 'light' });
          break;
        case 'theme-dark':
          update({ theme: 'dark' });
          break;
        case 'theme-sepia':
          update({ theme: 'sepia' });
          break;
        case 'font-larger':
          update({ fontSize: Math.min(FONT_SIZE_MAX, size.current + 1) });
          break;
        case 'font-smaller':
          update({ fontSize: Math.max(FONT_SIZE_MIN, size.current - 1) });
          break;
        case 'font-reset':
          update({ fontSize: DEFAULT_SETTINGS.fontSize });
          break;
        case 'import':
          openImport();
          break;
        case 'import-started':
          if (message.arg) openImport({ follow: message.arg });
          break;
        case 'show-help':
          navigate({ name: 'search', q: '' });
          break;
        case 'open-link': {
          const route = message.arg ? routeFromLink(message.arg) : null;
          if (route) navigate(route);
          break;
        }
        case 'export':
          // Handled by the export feature through the event below.
          break;
      }
      window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: message }));
    });
  }, [onCommand, update]);
}
