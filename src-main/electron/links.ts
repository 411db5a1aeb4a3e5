/**
 * archive-reader:// passage links (archive-reader://article/<id>?annotation=<id>).
 * The app registers itself as the handler; a link arrives as a command-line
 * argument (Windows, Linux: first launch or second instance) or through the
 * 'open-url' event (macOS). Main only checks the shape and hands the URL to
 * the renderer as the `open-link` command; the renderer decides what it opens.
 */
import { app } from 'electron';
import { LINK_PROTOCOL } from '../shared/origin';
import { passageLink } from '../shared/notes/citation';
import { isArchiveId } from '../shared/notes/schema';

const MAX_LINK_CHARS = 2_048;
const MAX_ID_CHARS = 200;

/**
 * The link if `value` is a passage link, archive-reader://article/<id> with at
 * most an `annotation=<id>` and an `archive=<archive-id>` query, normalized to
 * that form; else null. Anything
 * else (another host, more path, credentials, other parameters, control
 * characters) is refused here, so the renderer only ever gets article links.
 */
export function parseArchiveLink(value: string): string | null {
  if (typeof value !== 'string' || value.length > MAX_LINK_CHARS || !value.toLowerCase().startsWith(`${LINK_PROTOCOL}:`)) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== `${LINK_PROTOCOL}:` || url.host.toLowerCase() !== 'article' || url.username || url.password || url.port) return null;
    const segments = url.pathname.split('/');
    if (segments.length !== 2 || segments[0] !== '') return null;
    const id = decodeURIComponent(segments[1]);
    const ok = (s: string) => s.length > 0 && s.length <= MAX_ID_CHARS && !/[\u0000-\u001f\u007f]/.test(s);
    if (!ok(id)) return null;
    const keys = [...url.searchParams.keys()];
    if (keys.some((k) => k !== 'annotation' && k !== 'archive') || new Set(keys).size !== keys.length) return null;
    const annotation = url.searchParams.get('annotation');
    if (annotation !== null && !ok(annotation)) return null;
    const archive = url.searchParams.get('archive');
    if (archive !== null && !isArchiveId(archive)) return null;
    return passageLink(`${LINK_PROTOCOL}://`, id, annotation ?? undefined, archive ?? undefined);
  } catch {
    return null;
  }
}

/** The first archive-reader:// argument on a command line. */
export function linkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const link = parseArchiveLink(arg);
    if (link) return link;
  }
  return null;
}

/**
 * Ask the OS to send archive-reader:// links to this app, only when it is the
 * installed (packaged) app: an unpackaged `npm run dev` or `electron .` must
 * not take the links away from the installed app. Answers whether it asked.
 * Electronegativity asks to review custom protocol handlers: an incoming link
 * is only parsed (parseArchiveLink) and handed to the renderer as data, which
 * looks up an article id in the archive; nothing in it is executed, fetched or opened.
 */
export function registerLinkProtocol(): boolean {
  if (!app.isPackaged) return false;
  return app.setAsDefaultProtocolClient(LINK_PROTOCOL); // eng-disable PROTOCOL_HANDLER_JS_CHECK
}
