/**
 * The page side of the browser benchmark: a script injected before the app's
 * own code (playwright's addInitScript, which the page's CSP does not apply
 * to), so it sees every keystroke, every route change and every API call from
 * the first one. The app itself is not changed or imported: the figures are
 * those of the built renderer as a person gets it.
 *
 * It keeps, on `window.__bench`:
 *  - `keys`: time of every keydown (capture phase, before the app sees it);
 *  - `navs`: every history.pushState/replaceState (a typed query's address is
 *    written once the typing pauses, so a keystroke's route change is mostly
 *    taken as its request's start, browser-bench.ts);
 *  - `fetches`: every API call with its body, start and answer time;
 *  - `watches`: the first time a condition held (library rows shown, N
 *    highlights painted), and the end of the frame that painted it;
 *  - `resourceFor(url, start)`: that call's times as the network stack took
 *    them (Resource Timing) and the host's Server-Timing figures;
 *  - `afterPaint()`: resolves after the next frame is presented
 *    (requestAnimationFrame, then a task: the standard "next paint" probe);
 *  - `frames`: requestAnimationFrame timestamps while recording (scrolling);
 *  - `waitFor(name, args, ms)`: resolves when a figure being timed is in (a
 *    key's results painted, watches painted), told by the page itself.
 * All times are performance.now() of the page (0 = navigation start).
 *
 * Written as plain JavaScript in a string: it runs in the page, and the bench's
 * TypeScript has no DOM library.
 */

export interface ProbeOptions {
  /** Distinct highlight ids painted (each paragraph's `data-highlights`, anchoring/highlighter.ts) that count as "all highlights painted". */
  markTarget: number;
}

export function probeScript(opts: ProbeOptions): string {
  return `(() => {
  if (window.__bench) return;
  const B = (window.__bench = { keys: [], navs: [], fetches: [], watches: {}, frames: null });
  const now = () => performance.now();
  const MARK_TARGET = ${JSON.stringify(opts.markTarget)};

  window.addEventListener('keydown', (e) => B.keys.push({ t: now(), key: e.key }), true);

  for (const m of ['pushState', 'replaceState']) {
    const orig = history[m];
    history[m] = function (...args) {
      B.navs.push({ t: now(), kind: m, url: String(args[2]) });
      return orig.apply(this, args);
    };
  }

  const origFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : String((input && input.url) || input);
    const rec = { url, body: init && typeof init.body === 'string' ? init.body : null, start: now(), end: null };
    B.fetches.push(rec);
    // The answer counts as arrived when its body has been read (the app reads it with text()).
    return origFetch.apply(this, arguments).then((r) => {
      rec.headers = now();
      const text = r.text.bind(r);
      r.text = () =>
        text().then((v) => {
          rec.end = now();
          if (B.wantFrames) B.wantFrames();
          return v;
        });
      return r;
    });
  };

  // The web host's API socket (src-renderer/src/platform/api-socket.ts) carries the searches typed: each call
  // sent on it is kept as a fetch of /api/<method>, answered when its message arrives (before the app's own
  // listener, added after this one). Its host time comes with the answer ("ms"), as Server-Timing does over HTTP.
  const OrigSocket = window.WebSocket;
  if (OrigSocket) {
    const Probed = function (url, protocols) {
      const ws = protocols === undefined ? new OrigSocket(url) : new OrigSocket(url, protocols);
      const open = new Map();
      ws.addEventListener('message', (e) => {
        let m = null;
        try {
          m = JSON.parse(e.data);
        } catch (err) {
          return;
        }
        const rec = m && open.get(m.id);
        if (!rec) return;
        open.delete(m.id);
        rec.headers = rec.end = now();
        rec.socketServerMs = typeof m.ms === 'number' ? m.ms : null;
        if (B.wantFrames) B.wantFrames();
      });
      const send = ws.send.bind(ws);
      ws.send = (data) => {
        try {
          const m = JSON.parse(data);
          const rec = { url: location.origin + '/api/' + m.method, body: JSON.stringify(m.arg), start: now(), end: null, socket: true };
          B.fetches.push(rec);
          open.set(m.id, rec);
        } catch (err) {
          // Not a call: not recorded.
        }
        return send(data);
      };
      return ws;
    };
    Probed.prototype = OrigSocket.prototype;
    for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Probed[k] = OrigSocket[k];
    window.WebSocket = Probed;
  }

  // Resource Timing is taken by the network stack, not the page's main thread: it tells when the answer's last
  // byte arrived, apart from when the app got to read it. The default buffer (250 entries) would fill up.
  try {
    performance.setResourceTimingBufferSize(1000000);
  } catch (e) {
    // No Resource Timing: the splits stay null.
  }
  B.resourceFor = (url, start) => {
    let best = null;
    for (const e of performance.getEntriesByName(new URL(url, location.href).href)) {
      if (e.startTime >= start - 1 && (!best || e.startTime < best.startTime)) best = e;
    }
    if (!best) return null;
    const server = {};
    for (const t of best.serverTiming || []) server[t.name] = t.duration;
    return { start: best.startTime, requestStart: best.requestStart, responseStart: best.responseStart, responseEnd: best.responseEnd, server };
  };

  // The bench waits for a figure it is timing here, in the page, not by asking from outside again and again: each
  // question is a DevTools call through the browser into the page, and one landing mid-measure took the page's
  // thread and the two cores from what was being timed. A waiter is looked at when a figure is set (notify) and,
  // for a condition that comes true by time alone, every 250 ms.
  const waiters = new Set();
  const waits = {
    // The key armed by armKey: its results painted, or no search after it for 3 s (a key that changed nothing).
    key: () => !!B.key && (B.key.painted !== null || (B.key.keydown !== null && B.key.fetch === null && now() - B.key.keydown > 3000)),
    // Every watch named painted.
    watches: (...names) => names.every((n) => !!B.watches[n] && B.watches[n].painted !== null),
  };
  B.notify = () => {
    for (const w of waiters) if (w.test()) w.done(true);
  };
  B.waitFor = (name, args, ms) =>
    new Promise((resolve) => {
      const test = () => waits[name](...args);
      if (test()) return resolve(true);
      const w = { test, done: null };
      const poll = setInterval(() => w.test() && w.done(true), 250);
      const timer = setTimeout(() => w.done(false), ms);
      w.done = (ok) => {
        waiters.delete(w);
        clearInterval(poll);
        clearTimeout(timer);
        resolve(ok);
      };
      waiters.add(w);
    });

  B.afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(now());
        ch.port2.postMessage(0);
      }),
    );

  B.distinctMarks = () => {
    const ids = new Set();
    // Each paragraph lists its painted slices as "from-to:id" (the ranges themselves carry no id).
    for (const p of document.querySelectorAll('[data-paragraph][data-highlights]'))
      for (const entry of p.getAttribute('data-highlights').split(' ')) ids.add(entry.slice(entry.indexOf(':') + 1));
    return ids.size;
  };

  const tests = {
    rows: () => !!document.querySelector('.list-inner .row-link'),
    // The app's own rows: the picture of the last screen a later start shows first (start-snapshot.ts) is gone.
    appRows: () => !!document.querySelector('.list-inner .row-link') && !document.querySelector('[data-start-snapshot]'),
    marks: () => B.distinctMarks() >= MARK_TARGET,
    paras: () => !!document.querySelector('p[data-paragraph]'),
    firstMark: () => !!document.querySelector('[data-paragraph][data-highlights]'),
  };
  // A watch holds the first time its test passed after it was armed, and the paint after it.
  // While "marks" is watched: each change in the number of painted highlights, with its time.
  B.markLog = [];
  B.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push([Math.round(e.startTime * 10) / 10, Math.round(e.duration * 10) / 10]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    // No Long Tasks API: the list stays empty.
  }
  const check = () => {
    const mw = B.watches.marks;
    if (mw && mw.at === null) {
      const n = B.distinctMarks();
      const last = B.markLog[B.markLog.length - 1];
      if (!last || last[1] !== n) B.markLog.push([Math.round(now() * 10) / 10, n]);
    }
    for (const name of Object.keys(B.watches)) {
      const w = B.watches[name];
      if (w.at !== null || !tests[name]()) continue;
      w.at = now();
      B.afterPaint().then((t) => {
        w.painted = t;
        B.notify();
      });
    }
  };
  B.arm = (name) => {
    B.watches[name] = { armed: now(), at: null, painted: null };
    // A condition that already holds (rows still on screen) needs no DOM change to count.
    if (document.documentElement) check();
  };
  // Only what a fresh page load measures is armed from the start; a watch costs a DOM query per change.
  B.disarm = (name) => {
    delete B.watches[name];
  };
  B.arm('rows');
  B.arm('appRows');
  B.arm('marks');
  const observe = () => new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  observe();

  // Search results for the keystroke armed by armKey(): the first search call
  // after the keydown, its answer read by the app, then the app's first DOM
  // change after the answer (React's commit of the results), then the paint.
  // An answer that changes nothing on screen (the same results again) makes no
  // DOM change: it counts as shown at the second frame after it arrived.
  B.armKey = () => {
    B.key = { since: now(), keydown: null, nav: null, fetch: null, dom: null, painted: null, done: false, framesAfter: 0, unchanged: false };
  };
  // The key's keydown, route change and search call, as far as they have happened.
  const keyParts = (k) => {
    if (k.keydown === null) {
      const kd = B.keys.find((x) => x.t >= k.since);
      if (!kd) return;
      k.keydown = kd.t;
    }
    if (k.nav === null) {
      const n = B.navs.find((x) => x.t >= k.keydown && x.url.includes('search'));
      if (n) k.nav = n.t;
    }
    if (k.fetch === null) {
      const f = B.fetches.find((x) => x.start >= k.keydown && x.url.endsWith('/api/search'));
      if (f) k.fetch = f;
    }
  };
  const keyCheck = (fromFrame) => {
    const k = B.key;
    if (!k || k.done) return;
    keyParts(k);
    if (!k.fetch || k.fetch.end === null) return;
    if (fromFrame === true) {
      if (++k.framesAfter < 2) return;
      k.unchanged = true;
    }
    k.done = true;
    k.dom = now();
    B.afterPaint().then((t) => {
      k.painted = t;
      B.notify();
    });
  };
  new MutationObserver(() => keyCheck(false)).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // A frame after the answer also counts: an answer that changes nothing on screen makes no DOM change.
  // Frames are asked for only while something reads them (a key's answer waiting for its frames, the frame
  // recorder): a page that always asks for the next frame renders one every 16.7 ms, work a person's page
  // does not do, which took the two cores from the host while it answered.
  let ticking = false;
  const waitsForFrames = () => {
    if (B.frames !== null) return true;
    const k = B.key;
    if (!k || k.done) return false;
    keyParts(k);
    return !!k.fetch && k.fetch.end !== null;
  };
  const tick = () => {
    keyCheck(true);
    if (B.frames) B.frames.push([now(), document.querySelectorAll('.list-inner .row-placeholder').length]);
    if (waitsForFrames()) requestAnimationFrame(tick);
    else ticking = false;
  };
  B.wantFrames = () => {
    if (ticking || !waitsForFrames()) return;
    ticking = true;
    requestAnimationFrame(tick);
  };
  B.startFrames = () => {
    B.frames = [];
    B.wantFrames();
  };
  B.scrollState = () => {
    const el = document.querySelector('.list-scroll');
    return el ? { top: el.scrollTop, height: el.scrollHeight, client: el.clientHeight } : null;
  };
  // Raw IndexedDB: the app's own database (created by the app, with its schema), rows written as the app writes them.
  B.dbNames = async () => (await indexedDB.databases()).map((d) => ({ name: d.name, version: d.version }));
  B.putRows = (name, store, rows) =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(store)) {
          db.close();
          reject(new Error('database ' + name + ' has no store ' + store));
          return;
        }
        const tx = db.transaction(store, 'readwrite');
        const st = tx.objectStore(store);
        for (const row of rows) st.put(row);
        let count = null;
        const c = st.count();
        c.onsuccess = () => (count = c.result);
        tx.oncomplete = () => {
          db.close();
          resolve(count);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error);
        };
      };
    });
  B.stopFrames = () => {
    const f = B.frames || [];
    B.frames = null;
    return f;
  };
})();`;
}
