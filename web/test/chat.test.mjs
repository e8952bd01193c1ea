// Browser test of the chat page (the router's /chat) in Debian's headless Chromium driven by playwright-core,
// against a real market: e2e's TestChatPageInBrowser starts anvil, the router, a provider in front of the
// stand-in upstream and the keeper, runs this file, then checks that the sessions it reports settled and
// that the provider can claim.
//
// The wallet is a stand-in injected as window.ethereum (EIP-1193 request/on): it answers from Node through
// a binding, signs eth_signTypedData_v4 with ethers (an implementation independent of the page's) and
// records every method it is asked, so the test can count the wallet signatures a session costs.
//
// Environment (all set by the Go test): LT_CHAT_BASE_URL (router), LT_CHAT_RPC (the chain, for the wallet's
// eth_call), LT_CHAT_USER_KEY (a user with MOR votes), LT_CHAT_NOVOTES_KEY (a user without, who deposited
// MOR in the ComputePool for paid usage), LT_CHAT_ANSWER (the stand-in upstream's answer),
// LT_CHAT_NOPROVIDER_MODEL (a registered model nobody bids on), LT_CHAT_RESULT (file receiving the session
// ids), LT_WEB_SCREENSHOTS (screenshot folder), LT_CHROMIUM, LT_PLAYWRIGHT_CORE.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Wallet } from 'ethers';

const here = dirname(fileURLToPath(import.meta.url));
const env = (k) => {
  if (!process.env[k]) throw new Error(`${k} is not set: this test runs from e2e's TestChatPageInBrowser (go test ./e2e -run TestChatPageInBrowser)`);
  return process.env[k];
};
const CHROMIUM = process.env.LT_CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.LT_WEB_SCREENSHOTS || join(here, 'screenshots', 'chat');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const MESSAGES = 10;

let browser, base, cfg;
const sessions = []; // {id, via}: what the Go test checks on the router and chain

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`make setup-browser\``);
  const pw = process.env.LT_PLAYWRIGHT_CORE ? createRequire(import.meta.url)(resolve(process.env.LT_PLAYWRIGHT_CORE)) : await import('playwright-core');
  base = env('LT_CHAT_BASE_URL').replace(/\/+$/, '');
  cfg = await (await fetch(`${base}/chat/config.json`)).json();
  browser = await pw.chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  writeFileSync(env('LT_CHAT_RESULT'), JSON.stringify({ sessions }, null, 2));
});

/** The stand-in wallet: one account, a chain id it can be asked to switch, a log of every method asked. */
class TestWallet {
  constructor(key, chainId) { this.w = new Wallet(key); this.chainId = chainId; this.calls = []; }
  count(method) { return this.calls.filter((m) => m === method).length; }
  async handle(method, params) {
    this.calls.push(method);
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return { result: [this.w.address.toLowerCase()] };
      case 'eth_chainId':
        return { result: '0x' + this.chainId.toString(16) };
      case 'wallet_switchEthereumChain':
        this.chainId = parseInt(params[0].chainId, 16);
        return { result: null, event: ['chainChanged', '0x' + this.chainId.toString(16)] };
      case 'eth_call': { // a wallet passes reads to its node
        const r = await (await fetch(env('LT_CHAT_RPC'), { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })).json();
        return r.error ? { error: r.error } : { result: r.result };
      }
      case 'eth_signTypedData_v4': {
        const [addr, doc] = params;
        if (addr.toLowerCase() !== this.w.address.toLowerCase()) return { error: { code: 4100, message: `not this wallet's account: ${addr}` } };
        const td = JSON.parse(doc);
        if (td.domain.chainId !== this.chainId) return { error: { code: 4901, message: 'typed data for another chain' } };
        const types = { ...td.types };
        delete types.EIP712Domain;
        return { result: await this.w.signTypedData(td.domain, types, td.message) };
      }
      default:
        return { error: { code: 4200, message: `the test wallet does not support ${method}` } };
    }
  }
}

async function openChat(viewport, wallet) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  await context.exposeBinding('__ltWallet', (_src, method, params) => wallet.handle(method, JSON.parse(params)));
  await context.addInitScript(() => {
    const listeners = {};
    window.ethereum = {
      request: async ({ method, params }) => {
        const r = await window.__ltWallet(method, JSON.stringify(params ?? []));
        if (r.error) throw Object.assign(new Error(r.error.message), { code: r.error.code });
        if (r.event) setTimeout(() => (listeners[r.event[0]] ?? []).forEach((f) => f(r.event[1])), 0);
        return r.result;
      },
      on: (ev, f) => { (listeners[ev] ??= []).push(f); },
      removeListener: (ev, f) => { listeners[ev] = (listeners[ev] ?? []).filter((g) => g !== f); },
    };
  });
  const page = await context.newPage();
  const errors = [], foreign = [], routerPaths = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource|net::ERR_/.test(m.text())) errors.push(m.text()); });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(base).origin) { if (u.pathname.startsWith('/v1/')) routerPaths.push(`${r.method()} ${u.pathname}`); } else foreign.push(r.url());
  });
  await page.goto(`${base}/chat`);
  await page.waitForFunction(() => ['disconnected', 'no-wallet', 'broken'].includes(document.body.dataset.state), null, { timeout: 15000 });
  return { page, context, errors, foreign, routerPaths };
}

const state = (page) => page.getAttribute('body', 'data-state');
async function waitState(page, ...states) {
  await page.waitForFunction((s) => s.includes(document.body.dataset.state) || !document.getElementById('alert').hidden, states, { timeout: 60000 });
  const st = await state(page);
  if (!states.includes(st)) throw new Error(`page state ${st}, alert: ${await page.textContent('#alert')}`);
}
async function waitAlert(page, code) {
  await page.waitForFunction((c) => document.getElementById('alert').dataset.code === c, code, { timeout: 60000 }).catch(async () => {
    throw new Error(`no alert ${code}; state ${await state(page)}, alert ${await page.getAttribute('#alert', 'data-code')}: ${await page.textContent('#alert')}`);
  });
}
async function connect(page) {
  await page.click('#connect');
  await waitState(page, 'ready', 'wrong-chain');
  await page.waitForSelector('#allowance:not([hidden])', { timeout: 15000 });
}
async function send(page, text, n, keyboard = false) {
  await page.fill('#prompt', text);
  if (keyboard) await page.press('#prompt', 'Enter');
  else await page.click('#send');
  await page.waitForFunction((k) => document.querySelectorAll('#messages li[data-role="assistant"][data-done="true"]').length >= k, n, { timeout: 60000 }).catch(async () => {
    throw new Error(`answer ${n} not done; state ${await state(page)}, alert: ${await page.textContent('#alert')}`);
  });
}
/** Starts a session from the keyboard (Enter in the form), as a phone user with a keyboard would. */
async function submitStart(page) {
  await page.focus('#max-seconds');
  await page.keyboard.press('Enter');
}
const routerJSON = async (path) => (await fetch(base + path)).json();

test('one wallet signature per session: connect, switch network, sign one RFC, 10 streamed answers, close', async () => {
  const wallet = new TestWallet(env('LT_CHAT_USER_KEY'), 1); // starts on the wrong chain
  const { page, context, errors, foreign, routerPaths } = await openChat(DESKTOP, wallet);
  assert.equal(await state(page), 'disconnected');

  await page.click('#connect');
  await waitAlert(page, 'wrong_chain');
  assert.equal(await state(page), 'wrong-chain');
  assert.equal(await page.isVisible('#switch'), true);
  assert.equal(await page.isDisabled('#start'), true, 'no session on the wrong chain');
  await page.screenshot({ path: join(SHOTS, 'wrong-network.png'), fullPage: true });
  await page.click('#switch');
  await waitState(page, 'ready');
  assert.equal(wallet.chainId, cfg.chainId);
  assert.equal(await page.isHidden('#alert'), true);

  // Allowance today and the cheapest price per model, as the router serves them.
  const user = wallet.w.address;
  await page.waitForSelector('#allowance:not([hidden])');
  const allowance = await routerJSON(`/v1/allowance/${user}`);
  for (const k of ['allowance', 'remaining']) assert.equal(await page.getAttribute(`#allowance-${k === 'allowance' ? 'total' : 'left'}`, 'data-wei'), allowance[k], k);
  assert.ok(BigInt(allowance.allowance) > 0n, 'the user has MOR votes');
  assert.equal(await page.getAttribute('#deposit', 'data-wei'), '0', 'no deposit (depositOf through the wallet)');
  assert.equal(await page.isDisabled('#use-deposit'), true, 'nothing to pay from');
  const models = (await routerJSON('/v1/models')).models;
  const options = await page.$$eval('#model-select option', (os) => os.map((o) => [o.value, o.dataset.price]));
  assert.deepEqual(options.sort(), models.map((m) => [m.name, m.lowestPrice ?? '']).sort());
  const live = models.find((m) => m.lowestPrice);
  await page.selectOption('#model-select', live.name);
  assert.equal(await page.inputValue('#max-price'), (BigInt(live.lowestPrice) * 2n).toString());

  await page.click('#start');
  await waitState(page, 'chatting');
  assert.equal(wallet.count('eth_signTypedData_v4'), 1);
  const id = await page.getAttribute('#session-id', 'data-session-id');
  assert.match(id, /^0x[0-9a-f]{64}$/);
  const price = BigInt(await page.getAttribute('#session-price', 'data-wei'));
  assert.equal(price.toString(), live.lowestPrice, 'the cheapest provider serves');

  const answer = env('LT_CHAT_ANSWER');
  for (let i = 1; i <= MESSAGES; i++) {
    await send(page, `Question ${i}: what is Lake Travis?`, i);
    const texts = await page.$$eval('#messages li[data-role="assistant"] .text', (ls) => ls.map((l) => l.textContent));
    assert.equal(texts[i - 1], answer, `answer ${i} streamed in full`);
    const seconds = BigInt(await page.textContent('#session-seconds'));
    assert.equal(await page.getAttribute('#cost', 'data-wei'), (seconds * price).toString(), 'the running cost is seconds × price');
    if (i === 1) await page.screenshot({ path: join(SHOTS, 'chat-desktop.png'), fullPage: true });
  }
  assert.ok(BigInt(await page.getAttribute('#cost', 'data-wei')) > 0n, 'the session costs something');
  assert.equal(await page.locator('#messages li[data-role="user"]').count(), MESSAGES);

  await page.click('#close');
  await waitState(page, 'closed');
  assert.equal(await page.getAttribute('#closed-note', 'data-via'), 'provider', 'the provider countersigned the receipt');
  assert.equal(await page.getAttribute('#closed-note', 'data-session-id'), id);
  await page.screenshot({ path: join(SHOTS, 'closed-desktop.png'), fullPage: true });
  sessions.push({ id, via: 'provider', name: 'ten messages' });

  // The wallet: asked to connect, for the chain, to switch it, and for exactly ONE signature; never
  // personal_sign or eth_sign.
  assert.equal(wallet.count('eth_signTypedData_v4'), 1, `one wallet signature per session: ${wallet.calls.join(', ')}`);
  for (const m of ['personal_sign', 'eth_sign', 'eth_signTypedData', 'eth_signTypedData_v3', 'eth_sendTransaction']) assert.equal(wallet.count(m), 0, m);
  assert.deepEqual([...new Set(wallet.calls)].sort(), ['eth_call', 'eth_chainId', 'eth_requestAccounts', 'eth_signTypedData_v4', 'wallet_switchEthereumChain']);
  // The router saw the RFC and public reads (the session's record: the page confirms the provider
  // reported its close), never a conversation: prompts go to the provider only.
  assert.deepEqual([...new Set(routerPaths.map((p) => p.replace(/0x[0-9a-fA-F]+/, '{x}')))].sort(),
    ['GET /v1/allowance/{x}', 'GET /v1/models', 'GET /v1/sessions/{x}', 'POST /v1/rfc']);
  assert.ok(foreign.some((u) => u.includes('/v1/chat/completions')), 'chat went to the provider directly');
  assert.ok(foreign.every((u) => /\/v1\/(chat\/completions|sessions\/0x[0-9a-f]+\/close)$/.test(u)), `only the provider's chat and close: ${foreign.join(' ')}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});

test('refusals are shown to the user: no votes (then paying from the deposit), no provider, allowance used up (phone)', async () => {
  // No MOR votes: refused before any signature is asked for, unless the user pays from a deposit.
  const nobody = new TestWallet(env('LT_CHAT_NOVOTES_KEY'), cfg.chainId);
  let { page, context, errors } = await openChat(PHONE, nobody);
  await connect(page);
  assert.equal(await page.getAttribute('#allowance-total', 'data-wei'), '0');
  await page.waitForFunction(() => document.getElementById('deposit').dataset.wei !== undefined);
  assert.ok(BigInt(await page.getAttribute('#deposit', 'data-wei')) > 0n, 'the deposit, read through the wallet');
  await submitStart(page);
  await waitAlert(page, 'no_votes');
  assert.match(await page.textContent('#alert'), /delegate/);
  assert.match(await page.textContent('#alert'), /You have a deposit/);
  assert.equal(nobody.count('eth_signTypedData_v4'), 0, 'no signature asked for a session that cannot be paid');
  await page.screenshot({ path: join(SHOTS, 'refused-no-votes-phone.png'), fullPage: true });

  await page.check('#use-deposit');
  await submitStart(page);
  await waitState(page, 'chatting');
  assert.equal(nobody.count('eth_signTypedData_v4'), 1);
  assert.equal(await page.getAttribute('#session-payment', 'data-allowance'), '0');
  assert.ok(BigInt(await page.getAttribute('#session-payment', 'data-deposit')) > 0n, 'reserved from the deposit');
  await send(page, 'paid from my deposit', 1, true);
  await page.focus('#close');
  await page.keyboard.press('Enter');
  await waitState(page, 'closed');
  sessions.push({ id: await page.getAttribute('#closed-note', 'data-session-id'), via: await page.getAttribute('#closed-note', 'data-via'), name: 'paid from the deposit', deposit: true });
  await page.screenshot({ path: join(SHOTS, 'deposit-phone.png'), fullPage: true });
  // deposit_exhausted for a daily spend cap below a second's price (the router's answer, stood in for): no
  // deposit lifts it, and the alert says what does.
  await page.route('**/v1/rfc', (route) => route.fulfill({ status: 402, contentType: 'application/json',
    body: JSON.stringify({ error: { code: 'deposit_exhausted', message: 'the daily spend cap 500000000 wei does not cover one second at 1000000000 wei/s' } }) }));
  await submitStart(page);
  await waitAlert(page, 'deposit_exhausted');
  const capped = await page.textContent('#alert');
  for (const want of [/daily spend cap/, /cheaper model/, /untick "Pay … from my deposit"/]) assert.match(capped, want);
  for (const never of [/deposit more/i, /shorter session/i]) assert.doesNotMatch(capped, never);
  await page.unroute('**/v1/rfc');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'phone: no horizontal scroll');
  const boxes = await page.$$eval('main > section', (ss) => ss.map((s) => s.getBoundingClientRect().x));
  assert.ok(boxes.every((x) => Math.abs(x - boxes[0]) < 1), 'phone: one column');
  assert.deepEqual(errors, []);
  await context.close();

  const wallet = new TestWallet(env('LT_CHAT_USER_KEY'), cfg.chainId);
  ({ page, context, errors } = await openChat(PHONE, wallet));
  await connect(page);
  // A registered model nobody bids on.
  const none = env('LT_CHAT_NOPROVIDER_MODEL');
  await page.selectOption('#model-select', none);
  assert.match(await page.textContent(`#model-select option[value="${none}"]`), /no live provider/);
  await page.fill('#max-price', '1000000000000000');
  await submitStart(page);
  await waitAlert(page, 'no_provider');
  assert.match(await page.textContent('#alert'), new RegExp(`No provider can serve ${none}`));
  await page.screenshot({ path: join(SHOTS, 'refused-no-provider-phone.png'), fullPage: true });

  // Allowance used up: a session longer than what is left today can reserve.
  const models = (await routerJSON('/v1/models')).models;
  const live = models.find((m) => m.lowestPrice);
  const left = BigInt((await routerJSON(`/v1/allowance/${wallet.w.address}`)).remaining);
  const seconds = left / BigInt(live.lowestPrice) + 1n;
  assert.ok(seconds <= 86400n, `the allowance left (${left}) must be under a day at the cheapest price for this check`);
  await page.selectOption('#model-select', live.name);
  await page.fill('#max-seconds', seconds.toString());
  await submitStart(page);
  await waitAlert(page, 'allowance_exhausted');
  assert.match(await page.textContent('#alert'), /Not enough allowance left today/);
  await page.screenshot({ path: join(SHOTS, 'refused-allowance-phone.png'), fullPage: true });
  assert.equal(await state(page), 'ready', 'no session was opened');
  for (const m of ['personal_sign', 'eth_sign']) assert.equal(wallet.count(m), 0, m);
  assert.deepEqual(errors, []);
  await context.close();
});

test('provider gone: the page fails over to a new session after one more wallet signature', async () => {
  const wallet = new TestWallet(env('LT_CHAT_USER_KEY'), cfg.chainId);
  const { page, context, errors } = await openChat(DESKTOP, wallet);
  await connect(page);
  await page.selectOption('#model-select', (await routerJSON('/v1/models')).models.find((m) => m.lowestPrice).name);
  await page.click('#start');
  await waitState(page, 'chatting');
  const first = await page.getAttribute('#session-id', 'data-session-id');
  await send(page, 'before the provider goes', 1);

  // The provider becomes unreachable for the next request (connection refused).
  let refused = 0;
  await page.route('**/v1/chat/completions', (route) => (refused++ === 0 ? route.abort('connectionrefused') : route.continue()));
  await send(page, 'after the provider went', 2);
  const second = await page.getAttribute('#session-id', 'data-session-id');
  assert.notEqual(second, first, 'a new session');
  assert.equal(wallet.count('eth_signTypedData_v4'), 2, 'exactly one more wallet signature');
  const notices = await page.$$eval('#messages li[data-role="notice"]', (ls) => ls.map((l) => l.textContent));
  assert.ok(notices.some((n) => /stopped answering/.test(n)), notices.join(' | '));
  assert.ok(notices.some((n) => /Previous session closed at the router/.test(n)), notices.join(' | '));
  assert.equal(await page.locator('#messages li[data-role="assistant"][data-done="true"]').count(), 2);
  await page.screenshot({ path: join(SHOTS, 'failover-desktop.png'), fullPage: true });

  await page.click('#close');
  await waitState(page, 'closed');
  assert.equal(await page.getAttribute('#closed-note', 'data-via'), 'provider');
  sessions.push({ id: first, via: 'router', name: 'before failover' }, { id: second, via: 'provider', name: 'after failover' });
  for (const m of ['personal_sign', 'eth_sign']) assert.equal(wallet.count(m), 0, m);
  assert.deepEqual(errors, []);
  await context.close();
});
