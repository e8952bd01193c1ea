// Browser test of the transparency page: Debian's headless Chromium driven by playwright-core.
//
//   node --test web/test/page.test.mjs
//
// Against a running router (CI, `make test` after the devnet is seeded):
//   LT_WEB_BASE_URL=http://127.0.0.1:8080 [LT_KEEPER_URL=http://127.0.0.1:8081] node --test web/test/page.test.mjs
// Without LT_WEB_BASE_URL it builds and starts web/test/fixtureserver (web.Handler() plus the recorded JSON
// fixtures in web/test/fixtures/). Either way the expected figures are read from the same JSON endpoints
// the page reads, at test time, so the test checks what is shown against what is served.
//
// Environment: LT_CHROMIUM (default /usr/bin/chromium), LT_PLAYWRIGHT_CORE (a playwright-core directory,
// when it is not resolvable from the repository's node_modules), LT_WEB_SCREENSHOTS (default
// web/test/screenshots/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as lt from '../static/lt.mjs';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const CHROMIUM = process.env.LT_CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.LT_WEB_SCREENSHOTS || join(here, 'screenshots');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const SETUP_HINT = 'run `make setup-browser` (apt-get install -y chromium; npm install of the pinned playwright-core)';

async function loadPlaywright() {
  if (process.env.LT_PLAYWRIGHT_CORE) return createRequire(import.meta.url)(resolve(process.env.LT_PLAYWRIGHT_CORE));
  try {
    return await import('playwright-core');
  } catch {
    throw new Error(`playwright-core is not installed: ${SETUP_HINT}, or set LT_PLAYWRIGHT_CORE to its directory`);
  }
}

let browser, base, keeper, server, serverDir, fixtureMode;

async function startFixtureServer() {
  serverDir = mkdtempSync(join(tmpdir(), 'lt-web-'));
  const bin = join(serverDir, 'fixtureserver');
  execFileSync('go', ['build', '-o', bin, './web/test/fixtureserver'], { cwd: repo, stdio: 'inherit' });
  server = spawn(bin, ['-addr', '127.0.0.1:0', '-fixtures', join(here, 'fixtures')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error('fixtureserver did not start in 30 s')), 30000);
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(t); ok(m[1]); }
    });
    server.on('exit', (code) => { clearTimeout(t); fail(new Error(`fixtureserver exited with ${code}`)); });
  });
}

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: ${SETUP_HINT}`);
  const { chromium } = await loadPlaywright();
  fixtureMode = !process.env.LT_WEB_BASE_URL;
  base = (process.env.LT_WEB_BASE_URL || (await startFixtureServer())).replace(/\/+$/, '');
  const cfg = await (await fetch(`${base}/config.json`)).json();
  keeper = (process.env.LT_KEEPER_URL || cfg.keeperUrl || '').replace(/\/+$/, '');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (serverDir) rmSync(serverDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------
// Expected values, computed here independently of the page's code.
// ---------------------------------------------------------------------------------------------------------
async function json(path) {
  const r = await fetch(base + path);
  return r.ok ? r.json() : null;
}

/** MOR text for wei, by string manipulation (the page uses BigInt division): truncated, grouped. */
function mor(wei, maxFrac = 4) {
  const digits = String(wei).replace(/^0+(?=\d)/, '').padStart(19, '0');
  const intPart = digits.slice(0, -18).replace(/^0+(?=\d)/, '');
  let frac = digits.slice(-18);
  if (intPart !== '0') frac = frac.slice(0, maxFrac);
  else {
    const i = frac.search(/[1-9]/);
    frac = i < 0 ? '' : frac.slice(0, Math.max(maxFrac, i + 4));
  }
  frac = frac.replace(/0+$/, '');
  let grouped = '';
  for (let i = intPart.length; i > 0; i -= 3) grouped = intPart.slice(Math.max(0, i - 3), i) + (grouped ? ',' + grouped : '');
  return grouped + (frac ? '.' + frac : '');
}

/** PROTOCOL §3 daily emission, all buckets, straight from the table. */
function dailyEmission(k) {
  const rows = [[3456n, 592558728240000000n], [3456n, 592558728240000000n], [3456n, 592558728240000000n], [3456n, 592558728240000000n], [576n, 98759788040000000n]];
  return rows.reduce((s, [i, d]) => { const v = i * 10n ** 18n - BigInt(k) * d; return s + (v > 0n ? v : 0n); }, 0n);
}

const lower = (s) => String(s).toLowerCase();

async function openPage(viewport, { routes = [], query = '' } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  const errors = [], foreign = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  const allowed = [new URL(base).origin, keeper ? new URL(keeper).origin : null].filter(Boolean);
  page.on('request', (r) => { if (!r.url().startsWith('data:') && !allowed.includes(new URL(r.url()).origin)) foreign.push(r.url()); });
  for (const [pattern, handler] of routes) await page.route(pattern, handler);
  const q = query || (process.env.LT_KEEPER_URL ? `?keeper=${encodeURIComponent(keeper)}` : '');
  await page.goto(`${base}/${q}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, context, errors, foreign };
}

async function attrs(page, sel, name) {
  return page.$$eval(sel, (els, n) => els.map((e) => e.getAttribute(n)), name);
}

// ---------------------------------------------------------------------------------------------------------

test('desktop: every figure equals the JSON endpoints', async () => {
  const { page, context, errors, foreign } = await openPage(DESKTOP);
  const [budget, deposits, models, providers, popularity, anomalies, sessions, epochs] = await Promise.all(
    ['/v1/budget', '/v1/deposits', '/v1/models', '/v1/providers', '/v1/reports/popularity', '/v1/reports/anomalies', '/v1/reports/sessions?hours=24', '/v1/reports/epochs?limit=12'].map(json));

  // Budget.
  if (budget) {
    for (const [id, field] of [['budget-budget', 'budget'], ['budget-used', 'used'], ['budget-committed', 'committed'], ['budget-balance', 'computeBalance']]) {
      if (budget[field] === undefined) continue;
      assert.equal(await page.getAttribute(`#${id}`, 'data-wei'), budget[field], `${id} wei`);
      assert.equal(await page.textContent(`#${id}`), mor(budget[field]), `${id} text`);
    }
    assert.equal(await page.textContent('#budget-day'), String(budget.day));
    const pct = (BigInt(budget.used) * 10000n) / BigInt(budget.budget);
    assert.equal(await page.textContent('#budget-used-pct'), `${pct / 100n}.${String(pct % 100n).padStart(2, '0')} %`);
    // Emission figures for today, from the §3 table.
    assert.equal(await page.getAttribute('#emission-today', 'data-wei'), dailyEmission(Number(budget.day)).toString());
    assert.equal(await page.textContent('#emission-today'), mor(dailyEmission(Number(budget.day))));
  } else {
    assert.equal(await page.getAttribute('#budget', 'data-state'), 'unavailable');
  }

  // Deposits (paid usage): held, paid from deposits today and all time, pending withdrawals.
  if (deposits) {
    for (const [id, field] of [['deposits-held', 'held'], ['deposits-spent-today', 'spentToday'], ['deposits-pending-amount', 'pendingAmount'], ['deposits-spent', 'cumulativeSpent']]) {
      assert.equal(await page.getAttribute(`#${id}`, 'data-wei'), deposits[field], `${id} wei`);
      assert.equal(await page.textContent(`#${id}`), mor(deposits[field]), `${id} text`);
    }
    assert.equal(await page.textContent('#deposits-pending'), deposits.pendingWithdrawals);
    assert.equal(await page.textContent('#deposits-depositors'), deposits.depositors);
    assert.match(await page.textContent('#deposits-note'), new RegExp(`protocol day ${deposits.day}`));
  } else {
    assert.equal(await page.getAttribute('#deposits', 'data-state'), 'unavailable');
  }

  // Models leaderboard: sessions (popularity report summed per model, else the list's sessions7d), lowest
  // live price and provider count from /v1/models, ordered by sessions.
  if (models) {
    const sessionsOf = new Map();
    if (popularity) for (const d of popularity.days) sessionsOf.set(lower(d.modelId), (sessionsOf.get(lower(d.modelId)) ?? 0) + Number(d.sessions));
    const rows = await page.$$eval('#models-table tbody tr[data-model-id]', (trs) => trs.map((tr) => ({
      id: tr.dataset.modelId,
      sessions: tr.querySelector('[data-field="sessions"]').textContent,
      price: tr.querySelector('[data-field="price"] [data-wei]')?.dataset.wei ?? null,
      priceText: tr.querySelector('[data-field="price"]').textContent,
      providers: tr.querySelector('[data-field="providers"]').textContent,
      seeders: tr.querySelector('[data-field="seeders"]').textContent,
      fee: tr.querySelector('[data-field="fee"]').firstChild?.textContent ?? '',
      pendingFee: tr.querySelector('[data-field="pending-fee"]')?.textContent ?? null,
      kind: tr.querySelector('[data-field="kind"]')?.textContent ?? null,
      name: tr.querySelector('th').textContent,
    })));
    assert.equal(rows.length, models.models.length, 'one row per model');
    for (const m of models.models) {
      const row = rows.find((r) => r.id === lower(m.modelId));
      assert.ok(row, `row for ${m.name}`);
      assert.ok(row.name.startsWith(m.name), `name ${m.name}`);
      const want = popularity ? (sessionsOf.get(lower(m.modelId)) ?? 0) : m.sessions7d;
      assert.equal(row.sessions, String(want), `sessions of ${m.name}`);
      assert.equal(row.price, m.lowestPrice ?? null, `lowest price of ${m.name}`);
      if (m.lowestPrice) assert.equal(row.priceText, mor(m.lowestPrice));
      assert.equal(row.providers, String(m.providers), `providers of ${m.name}`);
      assert.equal(row.seeders, m.seeders === undefined ? '—' : String(m.seeders), `seeders of ${m.name}`);
      assert.equal(row.fee, `${lt.percent(m.builderFeeBps, 10000)} %`, `builder fee in force of ${m.name}`);
      assert.equal(row.pendingFee, m.pendingBuilderFeeFrom ? `${lt.percent(m.pendingBuilderFeeBps, 10000)} % from ${lt.formatTime(m.pendingBuilderFeeFrom)}` : null,
        `an announced fee increase is shown with its time, never as the fee in force: ${m.name}`);
      assert.equal(row.kind, m.kind === 'agent' ? 'agent' : null, `an agent is marked as one, a model is not: ${m.name}`);
    }
    const shown = rows.map((r) => Number(r.sessions));
    assert.deepEqual(shown, [...shown].sort((a, b) => b - a), 'leaderboard sorted by sessions');
  }

  // Providers: stake, quality and every bid.
  if (providers) {
    assert.equal((await attrs(page, '#providers-table tbody tr[data-provider]', 'data-provider')).length, providers.providers.length);
    for (const p of providers.providers) {
      const row = `#providers-table tr[data-provider="${lower(p.address)}"]`;
      assert.equal(await page.getAttribute(`${row} [data-field="stake"] [data-wei]`, 'data-wei'), p.stake);
      assert.equal(await page.textContent(`${row} [data-field="stake"]`), mor(p.stake));
      assert.equal(await page.textContent(`${row} [data-field="quality"]`), Number(p.quality).toFixed(2));
      const bids = await page.$$eval(`${row} [data-field="bids"] li`, (lis) => lis.map((li) => [li.dataset.modelId, li.querySelector('[data-wei]').dataset.wei]));
      assert.deepEqual(bids.sort(), p.bids.map((b) => [lower(b.modelId), b.pricePerSecond]).sort(), `bids of ${p.address}`);
    }
  }

  // Sessions per hour.
  if (sessions) {
    const bars = await page.$$eval('#sessions-chart rect.bar', (rs) => rs.map((r) => [r.dataset.start, r.dataset.sessions]));
    assert.deepEqual(bars, sessions.buckets.map((b) => [String(b.start), String(b.sessions)]));
    assert.equal(await page.textContent('#sessions-total'), String(sessions.buckets.reduce((s, b) => s + Number(b.sessions), 0)));
  } else assert.equal(await page.getAttribute('#sessions', 'data-state'), 'unavailable');

  // Anomalies: every held session, with its flags.
  if (anomalies) {
    const ids = await attrs(page, '#anomalies-table tbody tr[data-session-id]', 'data-session-id');
    assert.deepEqual(ids.sort(), anomalies.heldSessions.map((s) => lower(s.sessionId)).sort());
    for (const s of anomalies.heldSessions) {
      const flags = await page.textContent(`#anomalies-table tr[data-session-id="${lower(s.sessionId)}"] [data-field="flags"]`);
      for (const f of s.flags) assert.ok(flags.includes(f.replace(/_/g, ' ')), `flag ${f} of ${s.sessionId}`);
    }
    assert.equal(await page.locator('#outliers li').count(), anomalies.providerOutliers.length);
  }

  // Latest settled epochs, linked to their batch files.
  if (epochs) {
    const want = [...epochs.epochs].sort((a, b) => Number(b.epoch) - Number(a.epoch)).slice(0, 12);
    assert.deepEqual(await attrs(page, '#epochs-table tbody tr[data-epoch]', 'data-epoch'), want.map((e) => String(e.epoch)));
    for (const e of want) {
      const row = `#epochs-table tr[data-epoch="${e.epoch}"]`;
      assert.equal(await page.getAttribute(`${row} [data-field="delta"] [data-wei]`, 'data-wei'), e.delta);
      assert.equal(await page.getAttribute(`${row} [data-field="cumulative"] [data-wei]`, 'data-wei'), e.cumulativeTotal);
      if (keeper) {
        const href = await page.getAttribute(`${row} a[data-field="batch"]`, 'href');
        // The committed file's content-addressed path (wire.BatchPath), a vetoed root's too.
        const hash = (e.batchHash || '').toLowerCase();
        const committed = /^0x[0-9a-f]{64}$/.test(hash) && BigInt(hash) !== 0n;
        assert.equal(href, committed ? `${keeper}/v1/batches/${e.epoch}/${hash}` : `${keeper}/v1/batches/${e.epoch}`);
        if (fixtureMode) assert.equal((await fetch(href)).status, 200, `batch file ${href}`);
      }
    }
  }

  await page.screenshot({ path: join(SHOTS, 'desktop.png'), fullPage: true });
  // Desktop layout: two-column grid (emissions and balance side by side), nothing wider than the window.
  const [em, bal] = await Promise.all(['#emissions', '#balance'].map((s) => page.locator(s).boundingBox()));
  assert.ok(Math.abs(em.y - bal.y) < 2 && bal.x > em.x + em.width - 1, 'emissions and balance side by side');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  assert.deepEqual(errors, [], 'no script errors');
  assert.deepEqual(foreign, [], 'nothing loaded from another origin');
  await context.close();
});

test('phone: single column, readable, no horizontal scrolling', async () => {
  const { page, context, errors } = await openPage(PHONE);
  await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
  await page.screenshot({ path: join(SHOTS, 'phone-top.png') });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  const boxes = await page.$$eval('main > section', (ss) => ss.map((s) => { const r = s.getBoundingClientRect(); return [r.x, r.width]; }));
  for (const [x, w] of boxes) {
    assert.ok(Math.abs(x - boxes[0][0]) < 1 && Math.abs(w - boxes[0][1]) < 1, 'sections stacked in one column');
    assert.ok(x >= 0 && x + w <= PHONE.width, 'section inside the viewport');
  }
  // Tables turn into labelled cards, fully visible.
  const overflow = await page.$$eval('table.stack', (ts) => ts.filter((t) => t.scrollWidth > t.parentElement.clientWidth + 1).map((t) => t.id));
  assert.deepEqual(overflow, [], 'tables fit the phone');
  const label = await page.$eval('#models-table tbody tr td[data-field="sessions"]', (td) => getComputedStyle(td, '::before').content);
  assert.match(label, /SESSIONS|Sessions/i, 'cells labelled with their column');
  const minFont = await page.$$eval('main p, main td, main th, main dd, main dt, .chart text', (es) => Math.min(...es.filter((e) => e.getClientRects().length).map((e) => parseFloat(getComputedStyle(e).fontSize))));
  assert.ok(minFont >= 11, `smallest text ${minFont}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('accessibility: landmarks, headers, labels, keyboard focus, contrast', async () => {
  const { page, context } = await openPage(DESKTOP);
  for (const sel of ['header[role="banner"]', 'main#main', 'footer[role="contentinfo"]', 'nav[aria-label]', '[aria-live="polite"]']) {
    assert.equal(await page.locator(sel).count(), 1, sel);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // Every section is named by its heading; every table has column headers; every chart has a name.
  const unnamed = await page.$$eval('main section', (ss) => ss.filter((s) => !document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.trim()).map((s) => s.id));
  assert.deepEqual(unnamed, []);
  const bad = await page.$$eval('table', (ts) => ts.filter((t) => !t.querySelector('thead th[scope="col"]')).map((t) => t.id));
  assert.deepEqual(bad, []);
  const charts = await page.$$eval('.chart svg', (ss) => ss.map((s) => [s.getAttribute('role'), s.querySelector('title')?.textContent]));
  for (const [role, title] of charts) assert.ok(role === 'img' && title, 'chart with role img and a title');
  // Keyboard: the first Tab lands on the skip link, visibly focused; the pause button works from the keyboard.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; });
  assert.ok(ring[0] !== 'none' && ring[1] >= 2, `focus ring ${ring}`);
  await page.focus('#pause');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#pause', 'aria-pressed'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#pause', 'aria-pressed'), 'false');
  // Contrast of text on its card (WCAG AA: 4.5:1).
  const ratios = await page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const bg = (e) => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (!/rgba\(.*, 0\)|transparent/.test(c)) return c; } return 'rgb(255,255,255)'; };
    const out = {};
    for (const sel of ['body', '.note', 'caption', 'thead th', '.figures dt', 'a', '.tag.ok', '.tag.warn', '.updated', 'figcaption']) {
      const e = document.querySelector(sel);
      if (!e) continue;
      const [a, b] = [lum(getComputedStyle(e).color), lum(bg(e))];
      out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
    return out;
  });
  for (const [sel, r] of Object.entries(ratios)) assert.ok(r >= 4.5, `contrast of ${sel}: ${r.toFixed(2)}`);
  await context.close();
});

test('live: a change on the server shows up without reloading, and is announced', async () => {
  let bump = 0;
  const routes = [['**/v1/reports/sessions*', async (route) => {
    const r = await route.fetch();
    if (r.status() !== 200) return route.fulfill({ response: r });
    const body = await r.json();
    if (body.buckets?.length) body.buckets[body.buckets.length - 1].sessions = String(Number(body.buckets[body.buckets.length - 1].sessions) + bump);
    return route.fulfill({ response: r, json: body });
  }]];
  const { page, context } = await openPage(DESKTOP, { routes, query: '?poll=1' + (process.env.LT_KEEPER_URL ? `&keeper=${encodeURIComponent(keeper)}` : '') });
  if (await page.getAttribute('#sessions', 'data-state') !== 'ok') return context.close(); // not served here
  const before = Number(await page.textContent('#sessions-total'));
  const polls = Number(await page.getAttribute('body', 'data-polls'));
  bump = 7;
  await page.waitForFunction((n) => Number(document.getElementById('sessions-total').textContent) === n, before + 7, { timeout: 10000 });
  assert.ok(Number(await page.getAttribute('body', 'data-polls')) > polls);
  assert.match(await page.textContent('#announce'), /sessions per hour/);
  await context.close();
});

test('missing and failing endpoints degrade section by section', async () => {
  let fail = false;
  const routes = [
    ['**/v1/budget*', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"not_found","message":"no"}}' })],
    ['**/v1/reports/sessions*', (route) => route.fulfill({ status: 404, body: '404 page not found' })],
    ['**/v1/providers', async (route) => (fail ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"indexer behind"}}' }) : route.continue())],
  ];
  const { page, context, errors } = await openPage(PHONE, { routes, query: '?poll=1' });
  for (const s of ['budget', 'sessions']) {
    assert.equal(await page.getAttribute(`#${s}`, 'data-state'), 'unavailable', s);
    assert.match(await page.textContent(`#${s} .state`), /Not available/);
  }
  // The emission curve is pure PROTOCOL §3 and still draws; the balance falls back to the formula.
  assert.equal(await page.getAttribute('#emissions', 'data-state'), 'ok');
  assert.equal(await page.locator('#emissions-chart path.line-total').count(), 1);
  assert.equal(await page.getAttribute('#balance', 'data-state'), 'ok');
  assert.match(await page.textContent('#balance-caption'), /not available/);
  assert.equal(await page.getAttribute('#models', 'data-state'), 'ok');
  await page.locator('#budget').screenshot({ path: join(SHOTS, 'unavailable-budget.png') });
  // A failing endpoint after good data: the data stays, marked stale.
  fail = true;
  await page.waitForFunction(() => document.getElementById('providers').dataset.state === 'stale', null, { timeout: 10000 });
  assert.match(await page.textContent('#providers .state'), /indexer behind/);
  assert.ok(await page.locator('#providers-table tbody tr').count() > 0);
  await page.locator('#providers').screenshot({ path: join(SHOTS, 'stale-providers.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
