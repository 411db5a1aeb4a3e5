/**
 * The host's end of the API socket (shared/api-socket-protocol.ts): the
 * calls made on every keystroke, as messages on one WebSocket per page.
 *
 * Who may open it is decided as for any request (request-guard.ts: this
 * server's Host, this server's Origin, not cross-site), at the upgrade, before
 * a socket exists. Each message is then read as a call and checked by the
 * same dispatch and schemas as a POST to /api/<method>; a message that names
 * no call closes the socket (the page falls back to HTTP).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as v from 'valibot';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { callIdOf, SOCKET_MAX_MESSAGE_BYTES, SOCKET_METHODS, SOCKET_PATH, socketCall, type SocketAnswer } from '../shared/api-socket-protocol';
import { err, type Result } from '../shared/result';
import { refuseReason } from './request-guard';

/** RFC 6455 close codes. */
const POLICY_VIOLATION = 1008;
const UNSUPPORTED_DATA = 1003;

export interface ApiSocket {
  /** For the HTTP server's 'upgrade' event: takes the socket, or answers 403/404 and closes it. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every open socket (an upgraded socket is no longer the HTTP server's to close). */
  close(): void;
}

export function createApiSocket(opts: { port: () => number; call: (method: string, arg: unknown) => Promise<Result<unknown>> }): ApiSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_MESSAGE_BYTES });

  const serve = (ws: WebSocket) => {
    // A reset from the page's side is a closed tab, not the host's trouble.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        ws.close(UNSUPPORTED_DATA, 'Calls are JSON text.');
        return;
      }
      let message: unknown;
      try {
        message = JSON.parse(rawText(data));
      } catch {
        ws.close(POLICY_VIOLATION, 'A call must be JSON.');
        return;
      }
      const id = callIdOf(message);
      if (id === null) {
        ws.close(POLICY_VIOLATION, 'A call must carry its id.');
        return;
      }
      const parsed = v.safeParse(socketCall, message);
      const started = performance.now();
      const answering = parsed.success
        ? opts.call(parsed.output.method, parsed.output.arg)
        : // The id was read above and the argument is checked by dispatch: what failed is the method.
          Promise.resolve(err('invalid-argument', `This socket carries only ${SOCKET_METHODS.join(', ')} calls, not ${JSON.stringify((message as { method?: unknown }).method ?? null)}.`));
      void answering.then((result) => {
        if (ws.readyState !== ws.OPEN) return;
        const answer: SocketAnswer = { id, result, ms: Math.round((performance.now() - started) * 10) / 10 };
        ws.send(JSON.stringify(answer));
      });
    });
  };

  return {
    upgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://host').pathname;
      const refused = path !== SOCKET_PATH ? `No socket at ${path}.` : refuseReason(req.headers, opts.port(), 'GET');
      if (refused) {
        const status = path !== SOCKET_PATH ? '404 Not Found' : '403 Forbidden';
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(refused)}\r\n\r\n${refused}`);
        return;
      }
      wss.handleUpgrade(req, socket, head, serve);
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
