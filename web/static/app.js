// app.js — the Lake Travis transparency page. Vanilla JS, no build step, no third-party code.
// It polls the router's public JSON endpoints (and the keeper's, when configured), renders tables and inline
// SVG charts, and degrades section by section: an endpoint that is missing shows "not available", one that
// fails keeps the last good data marked as stale. Money is BigInt all the way (see lt.mjs); data values are
// only ever inserted as text (never as HTML), and links from data are restricted to http(s).
import * as lt from './lt.mjs';

const SVGNS = 'http://www.w3.org/2000/svg';
const $ = (sel, root = document) => root.querySelector(sel);

// ---------------------------------------------------------------------------------------------------------
// Configuration: config.json (served next to the page by the router) overridden by query parameters
//   ?api=<router base URL>  ?keeper=<keeper base URL>  ?poll=<seconds>
// ---------------------------------------------------------------------------------------------------------
const config = { api: '', keeper: '', pollSeconds: 5 };

function httpURL(s) {
  if (typeof s !== 'string' || s === '') return '';
  try {
    const u = new URL(s, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href.replace(/\/+$/, '') : '';
  } catch {
    return '';
  }
}

async function loadConfig() {
  try {
    const r = await fetch('config.json', { cache: 'no-store' });
    if (r.ok) {
      const c = await r.json();
      if (typeof c.apiBase === 'string') config.api = httpURL(c.apiBase) || '';
      if (typeof c.keeperUrl === 'string') config.keeper = httpURL(c.keeperUrl);
      if (Number.isFinite(c.pollSeconds) && c.pollSeconds > 0) config.pollSeconds = c.pollSeconds;
    }
  } catch { /* no config endpoint: defaults */ }
  const q = new URLSearchParams(location.search);
  if (q.has('api')) config.api = httpURL(q.get('api'));
  if (q.has('keeper')) config.keeper = httpURL(q.get('keeper'));
  const poll = Number(q.get('poll'));
  if (q.has('poll') && Number.isFinite(poll) && poll >= 1) config.pollSeconds = poll;
}

// ---------------------------------------------------------------------------------------------------------
// Fetching. Each result is {ok, data} | {missing, status} | {error}. "missing" (404/405/501) means this
// router does not serve the endpoint: the section says "not available" rather than "error".
// ---------------------------------------------------------------------------------------------------------
async function getJSON(url) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 8000);
  try {
    const r = await fetch(url, { cache: 'no-store', signal: ctl.signal, headers: { Accept: 'application/json' } });
    if (r.status === 404 || r.status === 405 || r.status === 501) return { missing: true, status: r.status, url };
    if (!r.ok) {
      let msg = `HTTP ${r.status}`;
      try { const e = await r.json(); if (e?.error?.message) msg += `: ${e.error.message}`; } catch { /* not JSON */ }
      return { error: msg, url };
    }
    return { ok: true, data: await r.json(), url };
  } catch (e) {
    return { error: e.name === 'AbortError' ? 'timed out' : String(e.message || e), url };
  } finally {
    clearTimeout(timer);
  }
}

const api = (path) => config.api + path;

// ---------------------------------------------------------------------------------------------------------
// Normalisation: the router's JSON → the page's model. Lists may come bare or wrapped ({"models": [...]});
// integers may be numbers or decimal strings; amounts are decimal strings (wei).
// ---------------------------------------------------------------------------------------------------------
function list(json, ...keys) {
  if (Array.isArray(json)) return json;
  for (const k of keys) if (json && Array.isArray(json[k])) return json[k];
  return null;
}
function pick(o, ...names) {
  for (const n of names) if (o && o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
}
const lower = (s) => (typeof s === 'string' ? s.toLowerCase() : s);

function normModels(json) {
  const items = list(json, 'models');
  if (!items) return null;
  return items.map((m) => {
    const provs = pick(m, 'providers', 'providerCount');
    return {
      id: lower(pick(m, 'modelId', 'id')),
      name: pick(m, 'name') ?? '',
      builder: pick(m, 'builder') ?? '',
      feeBps: lt.toInt(pick(m, 'builderFeeBps', 'feeBps')),
      // An announced fee increase (in force from pendingFeeFrom, unix seconds; the registry's notice).
      pendingFeeBps: lt.toInt(pick(m, 'pendingBuilderFeeBps')),
      pendingFeeFrom: lt.toInt(pick(m, 'pendingBuilderFeeFrom')),
      providers: Array.isArray(provs) ? provs.length : lt.toInt(provs),
      lowestPrice: lt.toWei(pick(m, 'lowestPrice', 'lowestPricePerSecond', 'minPrice')),
      // The router's own figures are authoritative even when null ("no live offer"); derived only if absent.
      routerPrice: ['lowestPrice', 'lowestPricePerSecond', 'minPrice'].some((k) => k in m),
      sessions7d: lt.toInt(pick(m, 'sessions7d', 'sessions')),
      // Providers whose last liveness answer reported the weights verified and seeded on IPFS (PROTOCOL §5).
      seeders: lt.toInt(pick(m, 'seeders')),
      // The registry's kind (PROTOCOL §5): a model or an agent, registered alike.
      kind: pick(m, 'kind') === 'agent' ? 'agent' : 'model',
    };
  });
}

function normBids(b) {
  if (Array.isArray(b)) {
    return b.map((x) => ({ modelId: lower(pick(x, 'modelId', 'model')), name: pick(x, 'name', 'modelName'), price: lt.toWei(pick(x, 'pricePerSecond', 'price')) }));
  }
  if (b && typeof b === 'object') return Object.entries(b).map(([k, v]) => ({ modelId: lower(k), price: lt.toWei(v) }));
  return [];
}

function normProviders(json) {
  const items = list(json, 'providers');
  if (!items) return null;
  return items.map((p) => {
    const q = pick(p, 'quality', 'qualityScore');
    const live = pick(p, 'live', 'matchable', 'active');
    return {
      address: lower(pick(p, 'address', 'provider')),
      endpoint: pick(p, 'endpoint') ?? '',
      stake: lt.toWei(pick(p, 'stake')),
      pendingUnstake: lt.toWei(pick(p, 'pendingUnstake')),
      quality: typeof q === 'number' ? q : (typeof q === 'string' && q !== '' && Number.isFinite(Number(q)) ? Number(q) : null),
      live: typeof live === 'boolean' ? live : null,
      registered: pick(p, 'registered') !== false,
      backedOff: pick(p, 'backedOff') === true,
      endpointRefused: pick(p, 'endpointRefused') || '',
      bids: normBids(pick(p, 'bids')),
    };
  });
}

// Popularity may come per model or per (model, day) — the router's analytics.DayStats rows
// {"modelId", "day", "sessions", "totalSeconds", …}: rows of one model are summed.
function normPopularity(json) {
  const items = list(json, 'models', 'popularity', 'days', 'stats', 'items');
  if (!items) return null;
  const byId = new Map();
  let minDay = null, maxDay = null;
  for (const m of items) {
    const id = lower(pick(m, 'modelId', 'id'));
    const cur = byId.get(id) || { name: undefined, sessions: 0, seconds: 0 };
    cur.name = cur.name ?? pick(m, 'name');
    cur.sessions += lt.toInt(pick(m, 'sessions', 'sessionCount', 'count')) ?? 0;
    cur.seconds += lt.toInt(pick(m, 'totalSeconds', 'billedSeconds', 'seconds')) ?? 0;
    byId.set(id, cur);
    const d = lt.toInt(pick(m, 'day'));
    if (d !== null) { minDay = minDay === null ? d : Math.min(minDay, d); maxDay = maxDay === null ? d : Math.max(maxDay, d); }
  }
  return { byId, since: lt.toInt(pick(json, 'since', 'from')), minDay, maxDay };
}

function normAnomalies(json) {
  const items = list(json, 'heldSessions', 'anomalies', 'sessions');
  if (!items) return null;
  // Provider-level outliers (analytics.ProviderOutlier), when the report carries them.
  const outliers = (list(json, 'providerOutliers', 'outliers') || []).map((o) => ({
    provider: lower(pick(o, 'provider')) ?? '', modelId: lower(pick(o, 'modelId')) ?? '',
    tps: pick(o, 'medianTps'), modelTps: pick(o, 'modelMedianTps'), z: pick(o, 'robustZ'), sessions: lt.toInt(pick(o, 'sessions')),
  }));
  const sessions = items.map((a) => {
    const f = pick(a, 'flags', 'reasons', 'flag');
    return {
      sessionId: lower(pick(a, 'sessionId', 'id')) ?? '',
      modelId: lower(pick(a, 'modelId', 'model') ?? pick(a.ticket, 'modelId')) ?? '',
      provider: lower(pick(a, 'provider') ?? pick(a.ticket, 'provider')) ?? '',
      flags: Array.isArray(f) ? f.map(String) : typeof f === 'string' && f ? f.split(',') : [],
      closedAt: lt.toInt(pick(a, 'closedAt', 'flaggedAt', 'createdAt')),
      held: pick(a, 'held'),
    };
  });
  return { sessions, outliers };
}

function normSessions(json) {
  const items = list(json, 'buckets', 'hours');
  if (!items) return null;
  return items
    .map((b) => ({ start: lt.toInt(pick(b, 'start', 'hour', 'time')), sessions: lt.toInt(pick(b, 'sessions', 'count')) ?? 0 }))
    .filter((b) => b.start !== null)
    .sort((a, b) => a.start - b.start);
}

function normBudget(json) {
  if (!json || typeof json !== 'object') return null;
  const history = (list(json, 'history') || [])
    .map((h) => ({ day: lt.toInt(pick(h, 'day')), balance: lt.toWei(pick(h, 'computeBalance', 'balance')), budget: lt.toWei(pick(h, 'budget')), committed: lt.toWei(pick(h, 'committed')), used: lt.toWei(pick(h, 'used')) }))
    .filter((h) => h.day !== null && h.balance !== null)
    .sort((a, b) => a.day - b.day);
  return {
    day: lt.toInt(pick(json, 'day')),
    now: lt.toInt(pick(json, 'now', 'timestamp')),
    payoutStart: lt.toInt(pick(json, 'payoutStart')),
    interval: lt.toInt(pick(json, 'interval')),
    budgetBps: lt.toInt(pick(json, 'budgetBps')),
    balance: lt.toWei(pick(json, 'computeBalance', 'balance')),
    budget: lt.toWei(pick(json, 'budget')),
    used: lt.toWei(pick(json, 'used')),
    committed: lt.toWei(pick(json, 'committed', 'committedToday')),
    history,
  };
}

function normEpochs(json) {
  const items = list(json, 'epochs', 'roots');
  if (!items) return null;
  return items
    .map((e) => ({
      epoch: lt.toInt(pick(e, 'epoch')),
      root: pick(e, 'root') ?? '',
      delta: lt.toWei(pick(e, 'delta', 'credited')),
      cumulativeTotal: lt.toWei(pick(e, 'cumulativeTotal')),
      claimableAt: lt.toInt(pick(e, 'claimableAt')),
      batchHash: pick(e, 'batchHash') ?? '',
      uri: pick(e, 'uri') ?? '',
      vetoed: pick(e, 'vetoed') === true,
    }))
    .filter((e) => e.epoch !== null)
    .sort((a, b) => b.epoch - a.epoch);
}

// ---------------------------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** A MOR amount: formatted text, exact wei in data-wei and the tooltip. */
function morSpan(wei, cls = 'mor', maxFrac = 4) {
  if (wei === null || wei === undefined) return el('span', { class: 'empty', text: '—' });
  return el('span', { class: cls, 'data-wei': wei.toString(), title: `${wei.toString()} wei` , text: lt.formatMOR(wei, maxFrac) });
}
function setMor(id, wei) {
  const e = document.getElementById(id);
  if (wei === null || wei === undefined) {
    e.textContent = 'not available';
    e.removeAttribute('data-wei');
    e.removeAttribute('title');
    return;
  }
  e.textContent = lt.formatMOR(wei);
  e.dataset.wei = wei.toString();
  e.title = `${wei.toString()} wei`;
}
function addrCell(a, kind = 'address') {
  return el('span', { class: 'mono', title: a, 'aria-label': `${kind} ${a}`, text: lt.shortHex(a) });
}

/**
 * Labels every body cell with its column header (data-label: narrow screens show each row as a card) and
 * gives the table explicit ARIA roles, which a CSS display change would otherwise drop in some browsers.
 */
function labelTable(table) {
  const heads = [...table.tHead.rows[0].cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
  table.setAttribute('role', 'table');
  for (const g of [table.tHead, ...table.tBodies]) g.setAttribute('role', 'rowgroup');
  for (const c of table.tHead.rows[0].cells) c.setAttribute('role', 'columnheader');
  for (const row of table.tBodies[0].rows) {
    row.setAttribute('role', 'row');
    [...row.cells].forEach((c, i) => {
      c.setAttribute('role', c.tagName === 'TH' ? 'rowheader' : 'cell');
      if (!c.hasAttribute('colspan')) c.dataset.label = heads[i] ?? '';
    });
  }
  table.tHead.rows[0].setAttribute('role', 'row');
}

/** Section state: ok | partial (shown, some input missing) | stale (shown, last refresh failed) | loading | unavailable | error. */
function setState(section, state, message = '') {
  const s = document.getElementById(section);
  const p = $('.state', s);
  const body = $('.body', s);
  s.dataset.state = state;
  p.dataset.state = state;
  p.replaceChildren(...(Array.isArray(message) ? message : [message]));
  p.hidden = state === 'ok';
  body.hidden = !(state === 'ok' || state === 'stale' || state === 'partial');
}
function unavailable(section, ...urls) {
  const parts = ['Not available: this server does not publish '];
  urls.forEach((u, i) => {
    if (i) parts.push(i === urls.length - 1 ? ' or ' : ', ');
    parts.push(el('code', { text: u }));
  });
  parts.push(' yet.');
  setState(section, 'unavailable', parts);
}

// ---------------------------------------------------------------------------------------------------------
// Charts (inline SVG sized to the container, so text stays legible on a phone)
// ---------------------------------------------------------------------------------------------------------
function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}
const tickFmt = (v) => v.toLocaleString('en-US', { maximumFractionDigits: v >= 100 ? 0 : v >= 1 ? 2 : 6 });
const compact = (v) => (v >= 1e6 ? `${tickFmt(v / 1e6)}M` : v >= 1e4 ? `${tickFmt(v / 1e3)}k` : tickFmt(v));

function chartFrame(container, { title, desc, yMax, xMin, xMax, xTicks, xFmt }) {
  const w = Math.max(280, Math.round(container.clientWidth || 600));
  const h = Math.round(Math.min(300, Math.max(190, w * 0.42)));
  const m = { l: 52, r: 12, t: 10, b: 30 };
  const iw = w - m.l - m.r, ih = h - m.t - m.b;
  const ticks = niceTicks(yMax);
  const yTop = ticks[ticks.length - 1] || 1;
  const X = (x) => m.l + ((x - xMin) / Math.max(1e-9, xMax - xMin)) * iw;
  const Y = (y) => m.t + ih - (y / yTop) * ih;
  const id = container.id;
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-labelledby': `${id}-t ${id}-d` },
    svg('title', { id: `${id}-t` }, title), svg('desc', { id: `${id}-d` }, desc));
  for (const t of ticks) {
    root.append(svg('line', { class: 'grid', x1: m.l, x2: w - m.r, y1: Y(t), y2: Y(t) }));
    root.append(svg('text', { x: m.l - 6, y: Y(t) + 4, 'text-anchor': 'end' }, compact(t)));
  }
  root.append(svg('line', { class: 'axis', x1: m.l, x2: w - m.r, y1: m.t + ih, y2: m.t + ih }));
  const minGap = 60;
  let lastX = -Infinity;
  for (const t of xTicks) {
    const x = X(t);
    if (x - lastX < minGap) continue;
    lastX = x;
    root.append(svg('line', { class: 'axis', x1: x, x2: x, y1: m.t + ih, y2: m.t + ih + 4 }));
    root.append(svg('text', { x, y: h - 8, 'text-anchor': 'middle' }, xFmt(t)));
  }
  return { root, X, Y, m, w, h, iw, ih };
}
const path = (pts, X, Y) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)},${Y(y).toFixed(1)}`).join('');

function legend(items) {
  return el('ul', { class: 'legend' }, items.map(([label, dash]) => el('li', {}, el('span', { class: dash ? 'sw dash' : 'sw', 'aria-hidden': 'true' }), label)));
}

// ---------------------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------------------
const state = { budget: null, deposits: null, models: null, providers: null, popularity: null, anomalies: null, sessions: null, epochs: null };

function today() {
  const b = state.budget;
  if (!b) return null;
  if (b.day !== null) return b.day;
  if (b.payoutStart !== null && b.interval) return lt.dayOf(b.now ?? Math.floor(Date.now() / 1000), b.payoutStart, b.interval);
  return null;
}

function renderBudget(res) {
  if (res.missing) return unavailable('budget', '/v1/budget');
  const b = state.budget;
  $('#budget-day').textContent = b.day ?? '—';
  setMor('budget-budget', b.budget);
  setMor('budget-used', b.used);
  setMor('budget-committed', b.committed);
  setMor('budget-balance', b.balance);
  $('#budget-bps').textContent = b.budgetBps === null ? '—' : `${lt.percent(b.budgetBps, 10000)} %`;
  const meter = $('#budget-meter');
  const usedPct = b.used !== null && b.budget ? lt.percent(b.used, b.budget) : '';
  $('#budget-used-pct').textContent = usedPct ? `${usedPct} %` : 'not available';
  const width = usedPct ? Math.min(100, Number(usedPct)) : 0;
  meter.setAttribute('aria-valuenow', String(width));
  meter.setAttribute('aria-valuetext', usedPct ? `${usedPct} percent of today's budget used` : 'not available');
  $('.meter-fill', meter).style.width = `${width}%`;
  const remaining = b.budget !== null && b.used !== null ? (b.budget > b.used ? b.budget - b.used : 0n) : null;
  $('#budget-note').textContent =
    (remaining !== null ? `${lt.formatMOR(remaining)} MOR left today. ` : '') +
    '"Used" counts allowance reserved by open sessions and billed by closed ones; "settled" is what keepers committed on-chain. The budget never runs out: it is a fixed share of a balance that keeps accruing.';
  setState('budget', 'ok');
}

function normDeposits(json) {
  if (!json || typeof json !== 'object') return null;
  const held = lt.toWei(pick(json, 'held'));
  if (held === null) return null;
  return {
    held,
    spentToday: lt.toWei(pick(json, 'spentToday')),
    spent: lt.toWei(pick(json, 'cumulativeSpent')),
    pending: lt.toInt(pick(json, 'pendingWithdrawals')),
    pendingAmount: lt.toWei(pick(json, 'pendingAmount')),
    depositors: lt.toInt(pick(json, 'depositors')),
    day: lt.toInt(pick(json, 'day')),
  };
}

function renderDeposits(res) {
  if (res.missing) return unavailable('deposits', '/v1/deposits');
  const d = state.deposits;
  setMor('deposits-held', d.held);
  setMor('deposits-spent-today', d.spentToday);
  setMor('deposits-pending-amount', d.pendingAmount);
  setMor('deposits-spent', d.spent);
  $('#deposits-pending').textContent = d.pending ?? '—';
  $('#deposits-depositors').textContent = d.depositors ?? '—';
  $('#deposits-note').textContent =
    'Users may deposit MOR in the ComputePool and pay from it what their free daily allowance does not cover, still with no transaction per session. ' +
    `"Paid from deposits today" is what keepers settled from deposits in the epochs committed on protocol day ${d.day ?? '—'}; ` +
    'a pending withdrawal pays at most the unspent part once its delay has passed, and its user gets no deposit-paid session meanwhile.';
  setState('deposits', 'ok');
}

function renderModels() {
  const models = state.models, pop = state.popularity, provs = state.providers;
  const rows = new Map();
  // Sessions: the popularity report summed per model when served, else the model list's own count.
  for (const m of models || []) rows.set(m.id, { ...m, sessions: pop ? 0 : m.sessions7d });
  if (pop) {
    for (const [id, p] of pop.byId) {
      const r = rows.get(id) || { id, name: p.name ?? '', builder: '', feeBps: null, providers: null, seeders: null, lowestPrice: null, routerPrice: false };
      r.sessions = p.sessions;
      if (!r.name && p.name) r.name = p.name;
      rows.set(id, r);
    }
  }
  // Lowest live price and provider count: the router's own figures when it sends them, else derived from
  // the live bids in /v1/providers.
  if (provs) {
    for (const r of rows.values()) {
      const bids = provs.filter((p) => p.live !== false && p.registered && !p.backedOff && !p.endpointRefused).flatMap((p) => p.bids.filter((b) => b.modelId === r.id && b.price !== null));
      if (!r.routerPrice && bids.length) r.lowestPrice = bids.reduce((a, b) => (b.price < a ? b.price : a), bids[0].price);
      if (r.providers === null) r.providers = provs.filter((p) => p.live !== false && p.registered && !p.backedOff && !p.endpointRefused && p.bids.some((b) => b.modelId === r.id && b.price !== null)).length;
    }
  }
  const total = [...rows.values()].reduce((s, r) => s + BigInt(r.sessions || 0), 0n);
  const sorted = [...rows.values()].sort((a, b) => (b.sessions || 0) - (a.sessions || 0) || String(a.name).localeCompare(String(b.name)));
  const tbody = $('#models-table tbody');
  tbody.replaceChildren(...sorted.map((r, i) =>
    el('tr', { 'data-model-id': r.id },
      el('td', { class: 'num', text: String(i + 1) }),
      el('th', { scope: 'row', class: 'title' }, el('span', { class: 'model-name', text: r.name || lt.shortHex(r.id) }), r.kind === 'agent' ? el('span', { class: 'tag', 'data-field': 'kind', title: 'an agent (registered like a model)', text: 'agent' }) : null, el('span', { class: 'sub-line mono', title: r.id, text: lt.shortHex(r.id, 6) })),
      el('td', { class: 'num', 'data-field': 'sessions', text: r.sessions === null ? '—' : String(r.sessions) }),
      el('td', { class: 'num', 'data-field': 'share', text: r.sessions !== null && total > 0n ? `${lt.percent(r.sessions, total, 1)} %` : '—' }),
      el('td', { class: 'num', 'data-field': 'price' }, r.lowestPrice === null ? el('span', { class: 'empty', text: 'no live bid' }) : morSpan(r.lowestPrice)),
      el('td', { class: 'num', 'data-field': 'providers', text: r.providers === null ? '—' : String(r.providers) }),
      el('td', { class: 'num', 'data-field': 'seeders', text: r.seeders == null ? '—' : String(r.seeders) }),
      el('td', { class: 'num', 'data-field': 'fee' }, r.feeBps === null ? '—' : `${lt.percent(r.feeBps, 10000)} %`,
        r.pendingFeeFrom ? el('span', { class: 'sub-line', 'data-field': 'pending-fee', title: 'announced increase: in force only from this time', text: `${lt.percent(r.pendingFeeBps, 10000)} % from ${lt.formatTime(r.pendingFeeFrom)}` }) : null),
    )));
  if (!sorted.length) tbody.replaceChildren(el('tr', {}, el('td', { colspan: 8, class: 'empty', text: 'No models registered yet.' })));
  const win = !pop ? '' : pop.minDay !== null ? (pop.minDay === pop.maxDay ? `on day ${pop.minDay}` : `over days ${pop.minDay}–${pop.maxDay}`) : pop.since !== null ? `since ${lt.formatTime(pop.since)}` : '';
  $('#models-window').textContent = win;
  labelTable($('#models-table'));
  if (!pop && !(models || []).some((m) => m.sessions7d !== null)) {
    setState('models', 'partial', ['Session counts not available: ', el('code', { text: '/v1/reports/popularity' }), ' is not served.']);
  } else {
    setState('models', 'ok');
  }
}

function renderProviders() {
  const names = new Map((state.models || []).map((m) => [m.id, m.name]));
  const tbody = $('#providers-table tbody');
  const provs = [...state.providers].sort((a, b) => (a.stake === null || b.stake === null ? 0 : b.stake > a.stake ? 1 : b.stake < a.stake ? -1 : 0));
  tbody.replaceChildren(...provs.map((p) => {
    const bids = [...p.bids].sort((a, b) => (a.price === null || b.price === null ? 0 : a.price < b.price ? -1 : a.price > b.price ? 1 : 0));
    let status;
    if (!p.registered) status = el('span', { class: 'tag bad', text: 'unregistered' });
    else if (p.endpointRefused) status = el('span', { class: 'tag bad', text: 'endpoint refused', title: p.endpointRefused, 'data-field': 'endpoint-refused' });
    else if (p.backedOff) status = el('span', { class: 'tag warn', text: 'backed off' });
    else if (p.live === false) status = el('span', { class: 'tag warn', text: 'not matchable' });
    else status = el('span', { class: 'tag ok', text: p.live === true ? 'live' : 'registered' });
    return el('tr', { 'data-provider': p.address },
      el('th', { scope: 'row', class: 'title' }, addrCell(p.address, 'provider'), p.endpoint ? el('span', { class: 'sub-line', text: p.endpoint }) : null),
      el('td', { class: 'num', 'data-field': 'stake' }, morSpan(p.stake)),
      el('td', { class: 'num', 'data-field': 'quality', text: p.quality === null ? '—' : p.quality.toFixed(2) }),
      el('td', { 'data-field': 'bids' }, bids.length
        ? el('ul', { class: 'bids' }, bids.map((b) => el('li', { 'data-model-id': b.modelId }, el('span', { text: `${names.get(b.modelId) || b.name || lt.shortHex(b.modelId)}: ` }), morSpan(b.price), ' MOR/s')))
        : el('span', { class: 'empty', text: 'no bids' })),
      el('td', { 'data-field': 'status' }, status),
    );
  }));
  if (!provs.length) tbody.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: 'No providers registered yet.' })));
  labelTable($('#providers-table'));
  setState('providers', 'ok');
}

function renderEmissions() {
  const c = $('#emissions-chart');
  const last = lt.lastEmissionDay();
  const d = today();
  const MAX = lt.morForPlot(lt.dailyEmission(0));
  const totalPts = [[0, MAX], [last, lt.morForPlot(lt.dailyEmission(last))], [last + 1, 0]];
  const cb = lt.BUCKETS[lt.COMPUTE];
  const computePts = [[0, lt.morForPlot(lt.bucketDaily(cb, 0))], [last, lt.morForPlot(lt.bucketDaily(cb, last))], [last + 1, 0]];
  const years = [];
  for (let y = 0; y * 365 <= last + 1; y += 2) years.push(y * 365);
  const f = chartFrame(c, {
    title: 'Daily MOR emission over the schedule',
    desc: `Falls linearly from ${lt.formatMOR(lt.dailyEmission(0))} MOR on day 0 to zero after day ${last}; the compute bucket from ${lt.formatMOR(lt.bucketDaily(cb, 0))} MOR.` + (d !== null ? ` Today is day ${d}.` : ''),
    yMax: MAX, xMin: 0, xMax: last + 1, xTicks: years, xFmt: (x) => `yr ${Math.round(x / 365)}`,
  });
  f.root.append(svg('path', { class: 'line-total', d: path(totalPts, f.X, f.Y) }));
  f.root.append(svg('path', { class: 'line-compute', d: path(computePts, f.X, f.Y) }));
  if (d !== null && d <= last + 1) {
    const x = f.X(d);
    f.root.append(svg('line', { class: 'today', x1: x, x2: x, y1: f.m.t, y2: f.m.t + f.ih }));
    f.root.append(svg('text', { class: 'today-label', x: x + 4, y: f.m.t + 12 }, `today (day ${d})`));
  }
  c.replaceChildren(legend([['all buckets', false], ['compute bucket', true]]), f.root);
  if (d !== null) {
    setMor('emission-today', lt.dailyEmission(d));
    setMor('emission-compute-today', lt.bucketDaily(cb, d));
  } else {
    setMor('emission-today', null);
    setMor('emission-compute-today', null);
  }
  updateEmittedSoFar();
  setState('emissions', 'ok');
}

/** Emitted so far moves every second; it is refreshed on every poll, silently. */
function updateEmittedSoFar() {
  const b = state.budget;
  if (b && b.payoutStart !== null && b.interval) {
    setMor('emission-total', lt.emittedUntil(b.now ?? Math.floor(Date.now() / 1000), b.payoutStart, b.interval));
  } else setMor('emission-total', null);
}

function renderBalance() {
  const c = $('#balance-chart');
  const b = state.budget;
  const d = today();
  const hist = b ? b.history : [];
  let from, to;
  if (hist.length) { from = hist[0].day; to = Math.max(hist[hist.length - 1].day, d ?? 0); }
  else if (d !== null) { from = Math.max(0, d - 30); to = d; }
  else { from = 0; to = lt.lastEmissionDay() + 1; }
  if (to <= from) { from = Math.max(0, to - 1); to = from + 1; }
  const step = Math.max(1, Math.ceil((to - from) / 200));
  const accrued = [];
  for (let k = from; k <= to; k += step) accrued.push([k, lt.morForPlot(lt.computeAccruedAtDay(k))]);
  if (accrued[accrued.length - 1][0] !== to) accrued.push([to, lt.morForPlot(lt.computeAccruedAtDay(to))]);
  const bal = hist.map((h) => [h.day, lt.morForPlot(h.balance)]);
  if (b && b.balance !== null && d !== null && !hist.some((h) => h.day === d)) bal.push([d, lt.morForPlot(b.balance)]);
  const yMax = Math.max(...accrued.map((p) => p[1]), ...bal.map((p) => p[1]), 1);
  const span = to - from;
  const stepX = span <= 10 ? 1 : span <= 60 ? 7 : span <= 400 ? 30 : 365;
  const xTicks = [];
  for (let k = Math.ceil(from / stepX) * stepX; k <= to; k += stepX) xTicks.push(k);
  const f = chartFrame(c, {
    title: 'Compute balance over time',
    desc: bal.length
      ? `Compute balance from day ${bal[0][0]} (${lt.formatMOR(hist.length ? hist[0].balance : b.balance)} MOR) to day ${bal[bal.length - 1][0]}; the dashed line is the compute bucket's accrued emission.`
      : `Accrued compute emission from day ${from} to day ${to}; the balance itself is not available.`,
    yMax, xMin: from, xMax: to, xTicks, xFmt: (x) => `day ${x}`,
  });
  f.root.append(svg('path', { class: 'line-accrued', d: path(accrued, f.X, f.Y) }));
  if (bal.length > 1) f.root.append(svg('path', { class: 'line-balance', d: path(bal, f.X, f.Y) }));
  for (const [x, y] of bal) f.root.append(svg('circle', { class: 'dot-balance', cx: f.X(x), cy: f.Y(y), r: 3 }));
  c.replaceChildren(legend([['compute balance (router)', false], ['compute emission accrued (formula)', true]]), f.root);
  const cap = $('#balance-caption');
  if (!b) {
    cap.replaceChildren('The balance needs ', el('code', { text: '/v1/budget' }), ', not available here; the dashed line is the compute bucket\'s accrued emission (PROTOCOL §4), an upper bound of the balance.');
  } else {
    cap.textContent = 'computeBalance(d) = compute emission accrued by the start of day d − credits committed before day d (PROTOCOL §4). Dashed: the accrued emission alone.';
  }
  setState('balance', 'ok');
}

function renderSessions(res) {
  if (res.missing) return unavailable('sessions', '/v1/reports/sessions');
  const buckets = state.sessions;
  const c = $('#sessions-chart');
  const total = buckets.reduce((s, b) => s + b.sessions, 0);
  const peak = buckets.reduce((m, b) => Math.max(m, b.sessions), 0);
  $('#sessions-total').textContent = String(total);
  $('#sessions-peak').textContent = String(peak);
  const n = Math.max(1, buckets.length);
  const from = buckets.length ? buckets[0].start : 0;
  const bw = buckets.length > 1 ? buckets[1].start - buckets[0].start : 3600;
  const xTicks = buckets.map((b) => b.start).filter((_, i) => i % Math.max(1, Math.ceil(n / 6)) === 0);
  const f = chartFrame(c, {
    title: 'Sessions per hour',
    desc: `${total} sessions in ${buckets.length} hours, at most ${peak} in one hour.`,
    yMax: Math.max(peak, 1), xMin: from, xMax: from + n * bw, xTicks: xTicks.map((t) => t + bw / 2),
    xFmt: (t) => lt.formatTime(t - bw / 2).slice(11, 16),
  });
  const g = svg('g', {});
  for (const b of buckets) {
    const x0 = f.X(b.start), x1 = f.X(b.start + bw);
    const gap = Math.min(2, (x1 - x0) * 0.15);
    g.append(svg('rect', { class: 'bar', x: x0 + gap, y: f.Y(b.sessions), width: Math.max(1, x1 - x0 - 2 * gap), height: Math.max(0, f.Y(0) - f.Y(b.sessions)), 'data-start': b.start, 'data-sessions': b.sessions },
      svg('title', {}, `${lt.formatTime(b.start)}: ${b.sessions} sessions`)));
  }
  f.root.append(g);
  c.replaceChildren(f.root);
  $('#sessions-table tbody').replaceChildren(...buckets.map((b) => el('tr', {}, el('th', { scope: 'row', text: lt.formatTime(b.start) }), el('td', { class: 'num', text: String(b.sessions) }))));
  setState('sessions', 'ok');
}

function renderAnomalies(res) {
  if (res.missing) return unavailable('anomalies', '/v1/reports/anomalies');
  const names = new Map((state.models || []).map((m) => [m.id, m.name]));
  const tbody = $('#anomalies-table tbody');
  const items = [...state.anomalies.sessions].sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  tbody.replaceChildren(...items.map((a) => el('tr', { 'data-session-id': a.sessionId },
    el('th', { scope: 'row' }, el('a', { href: `${api('/v1/sessions/')}${encodeURIComponent(a.sessionId)}`, class: 'mono', title: a.sessionId, 'aria-label': `session ${a.sessionId}`, text: lt.shortHex(a.sessionId) })),
    el('td', { text: names.get(a.modelId) || lt.shortHex(a.modelId) }),
    el('td', {}, a.provider ? addrCell(a.provider, 'provider') : '—'),
    el('td', { 'data-field': 'flags' }, el('span', {}, a.flags.map((fl) => el('span', { class: 'tag warn', text: fl.replace(/_/g, ' ') })))),
    el('td', { text: a.closedAt ? lt.formatTime(a.closedAt) : '—' }),
  )));
  if (!items.length) tbody.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: 'No anomalies flagged.' })));
  const num = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '—');
  const outs = state.anomalies.outliers;
  $('#outliers').replaceChildren(...outs.map((o) => el('li', { 'data-provider': o.provider },
    addrCell(o.provider, 'provider'), ` on ${names.get(o.modelId) || lt.shortHex(o.modelId)}: median ${num(o.tps)} tokens/s against the model's ${num(o.modelTps)} (robust z ${num(o.z)}, ${o.sessions ?? '—'} sessions)`)));
  $('#outliers-block').hidden = outs.length === 0;
  labelTable($('#anomalies-table'));
  setState('anomalies', 'ok');
}

// batchPath is the keeper's path of an epoch's batch file (wire.BatchPath, wire.EpochBatchPath): with the
// file's keccak256 (0x-hex) the committed file, whose bytes never change, the uri a keeper commits; without
// it the epoch's latest file.
function batchPath(epoch, batchHash) {
  return /^0x[0-9a-f]{64}$/i.test(batchHash || '') && !/^0x0+$/.test(batchHash) ? `/v1/batches/${epoch}/${batchHash.toLowerCase()}` : `/v1/batches/${epoch}`;
}

function batchLink(e) {
  const links = [];
  // A vetoed root's row too links its own file (the keeper serves every file it committed): what the guardian vetoed.
  if (config.keeper) links.push(el('a', { href: `${config.keeper}${batchPath(e.epoch, e.batchHash)}`, 'data-field': 'batch', text: `batch ${e.epoch}`, 'aria-label': `batch file of epoch ${e.epoch}` }));
  const u = /^https?:\/\//i.test(e.uri) ? httpURL(e.uri) : '';
  if (u && (!links.length || u !== links[0].href)) {
    if (links.length) links.push(' · ');
    links.push(el('a', { href: u, 'data-field': links.length ? 'uri' : 'batch', text: links.length ? 'published copy' : `batch ${e.epoch}`, 'aria-label': `published batch file of epoch ${e.epoch}` }));
  }
  if (!links.length) links.push(e.uri ? el('span', { class: 'mono', text: e.uri }) : el('span', { class: 'empty', text: 'keeper URL not configured' }));
  return links;
}

function renderEpochs(res) {
  if (res.missing) return unavailable('epochs', '/v1/reports/epochs', config.keeper ? `${config.keeper}/v1/epochs` : 'the keeper\'s /v1/epochs (set ?keeper=)');
  const now = state.budget?.now ?? Math.floor(Date.now() / 1000);
  const items = state.epochs.slice(0, 12);
  $('#epochs-table tbody').replaceChildren(...items.map((e) => {
    const status = e.vetoed ? el('span', { class: 'tag bad', text: 'vetoed' })
      : e.claimableAt === null ? '—'
      : e.claimableAt <= now ? el('span', { class: 'tag ok', text: 'claimable' })
      : el('span', { class: 'tag warn', text: `from ${lt.formatTime(e.claimableAt)}` });
    return el('tr', { 'data-epoch': e.epoch },
      el('th', { scope: 'row', class: 'num', text: String(e.epoch) }),
      el('td', { class: 'num', 'data-field': 'delta' }, morSpan(e.delta)),
      el('td', { class: 'num', 'data-field': 'cumulative' }, morSpan(e.cumulativeTotal)),
      el('td', {}, el('span', { class: 'mono', title: e.root, text: lt.shortHex(e.root, 6) })),
      el('td', {}, status),
      el('td', {}, el('span', {}, batchLink(e))),
    );
  }));
  if (!items.length) $('#epochs-table tbody').replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'empty', text: 'No epoch settled yet.' })));
  labelTable($('#epochs-table'));
  setState('epochs', 'ok');
}

// ---------------------------------------------------------------------------------------------------------
// Refresh loop
// ---------------------------------------------------------------------------------------------------------
const SECTION_NAMES = { budget: 'budget', deposits: 'deposits', models: 'models', providers: 'providers', emissions: 'emissions', balance: 'balance', sessions: 'sessions per hour', anomalies: 'anomalies', epochs: 'epochs' };
const lastKey = {};
let paused = false, timer = null, polls = 0, lastOk = null;

async function fetchEpochs() {
  const r = await getJSON(api('/v1/reports/epochs?limit=12'));
  if (r.missing && config.keeper) return getJSON(`${config.keeper}/v1/epochs?limit=12`);
  return r;
}

const goodAt = {}; // per section: when its data last loaded

function errorState(section, res, hasOld) {
  const msg = `Could not load ${res.url}: ${res.error}.`;
  const at = goodAt[section];
  setState(section, hasOld ? 'stale' : 'error', hasOld ? `${msg} Showing the data from ${at ? at.toISOString().slice(11, 19) + ' UTC' : 'before'}.` : msg);
}

async function refresh() {
  const [budget, deposits, models, providers, popularity, anomalies, sessions, epochs] = await Promise.all([
    getJSON(api('/v1/budget')), getJSON(api('/v1/deposits')), getJSON(api('/v1/models')), getJSON(api('/v1/providers')),
    getJSON(api('/v1/reports/popularity')), getJSON(api('/v1/reports/anomalies')),
    getJSON(api('/v1/reports/sessions?hours=24')), fetchEpochs(),
  ]);
  const res = { budget, deposits, models, providers, popularity, anomalies, sessions, epochs };
  const norm = { budget: normBudget, deposits: normDeposits, models: normModels, providers: normProviders, popularity: normPopularity, anomalies: normAnomalies, sessions: normSessions, epochs: normEpochs };
  for (const [k, r] of Object.entries(res)) {
    if (r.ok) {
      const v = norm[k](r.data);
      if (v === null) { r.ok = false; r.error = 'unexpected JSON shape'; } else state[k] = v;
    } else if (r.missing) state[k] = null;
  }
  // Which inputs each section depends on; a section re-renders only when they changed (no flicker, and
  // screen readers are not told about identical content every few seconds).
  const deps = {
    budget: ['budget'], deposits: ['deposits'], models: ['models', 'popularity', 'providers'], providers: ['providers', 'models'],
    emissions: ['budget'], balance: ['budget'], sessions: ['sessions'], anomalies: ['anomalies', 'models'], epochs: ['epochs', 'budget'],
  };
  const render = {
    budget: () => renderBudget(budget),
    deposits: () => renderDeposits(deposits),
    models: () => (models.missing && !popularity.ok ? unavailable('models', '/v1/models', '/v1/reports/popularity') : renderModels()),
    providers: () => (providers.missing ? unavailable('providers', '/v1/providers') : renderProviders()),
    emissions: renderEmissions, balance: renderBalance,
    sessions: () => renderSessions(sessions), anomalies: () => renderAnomalies(anomalies), epochs: () => renderEpochs(epochs),
  };
  const primary = { budget, deposits, models, providers, sessions, anomalies, epochs };
  const changed = [], failed = [];
  for (const [sec, ds] of Object.entries(deps)) {
    const p = primary[sec];
    if (p && p.error) {
      const hasOld = state[sec] !== null && lastKey[sec] !== undefined;
      if (document.getElementById(sec).dataset.state !== (hasOld ? 'stale' : 'error')) failed.push(SECTION_NAMES[sec]);
      errorState(sec, p, hasOld);
      continue;
    }
    goodAt[sec] = new Date();
    // "now" (the server clock) changes on every poll: it is not a change worth re-rendering or announcing.
    const key = JSON.stringify(ds.map((d) => [res[d].ok ? res[d].data : res[d].missing ? 'missing' : 'error']), (k, v) => (k === 'now' ? undefined : v));
    if (key === lastKey[sec]) continue;
    const first = lastKey[sec] === undefined;
    lastKey[sec] = key;
    try {
      render[sec]();
      if (!first) changed.push(SECTION_NAMES[sec]);
    } catch (e) {
      console.error(sec, e);
      setState(sec, 'error', `Could not show this section: ${e.message}`);
    }
  }
  updateEmittedSoFar();
  polls++;
  const allFailed = Object.values(res).every((r) => r.error);
  if (!allFailed) lastOk = new Date();
  const up = $('#updated');
  up.classList.toggle('error', allFailed);
  up.textContent = allFailed
    ? `Cannot reach the router (${res.models.error}); retrying every ${config.pollSeconds} s.`
    : `Updated ${lastOk.toISOString().slice(11, 19)} UTC${paused ? ' · paused' : ` · refreshes every ${config.pollSeconds} s`}`;
  document.body.dataset.polls = String(polls);
  document.body.dataset.ready = 'true';
  const msgs = [];
  if (changed.length) msgs.push(`Updated: ${changed.join(', ')}.`);
  if (failed.length) msgs.push(`Could not refresh: ${failed.join(', ')}.`);
  if (msgs.length) $('#announce').textContent = msgs.join(' ');
}

function schedule() {
  clearTimeout(timer);
  if (paused) return;
  timer = setTimeout(async () => {
    if (document.visibilityState !== 'hidden') await refresh();
    schedule();
  }, config.pollSeconds * 1000);
}

function renderSources() {
  const eps = ['/v1/budget', '/v1/deposits', '/v1/models', '/v1/providers', '/v1/reports/popularity', '/v1/reports/sessions', '/v1/reports/anomalies', '/v1/reports/epochs'];
  const s = $('#sources');
  s.replaceChildren(...eps.flatMap((p, i) => [i ? ', ' : '', el('a', { href: api(p), text: p })]));
  $('#config-line').textContent = `Router: ${config.api || location.origin}. Keeper: ${config.keeper || 'not configured (add ?keeper=<URL> to link batch files)'}.`;
}

let resizeTimer = null;
function onResize() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (lastKey.emissions !== undefined) renderEmissions();
    if (lastKey.balance !== undefined) renderBalance();
    if (lastKey.sessions !== undefined && state.sessions) renderSessions({ ok: true });
  }, 150);
}

async function main() {
  await loadConfig();
  renderSources();
  $('#pause').addEventListener('click', (ev) => {
    paused = !paused;
    ev.currentTarget.setAttribute('aria-pressed', String(paused));
    ev.currentTarget.textContent = paused ? 'Resume live updates' : 'Pause live updates';
    $('#announce').textContent = paused ? 'Live updates paused.' : 'Live updates resumed.';
    if (!paused) refresh();
    schedule();
  });
  window.addEventListener('resize', onResize);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible' && !paused) refresh(); });
  await refresh();
  schedule();
}

main();
