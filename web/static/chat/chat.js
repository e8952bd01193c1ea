// chat.js — the Lake Travis chat page for wallet users. Vanilla JS, no framework, nothing loaded from
// elsewhere. It connects an injected EIP-1193 wallet (window.ethereum), shows the account's allowance today
// and each model's cheapest live price (router: GET /v1/allowance/{user}, GET /v1/models), asks the wallet
// for ONE eth_signTypedData_v4 signature per session (the RFC, naming a session key this page holds in
// memory), then streams the chat straight from the provider with requests signed by the session key, and
// closes with a receipt the session key signs (session.mjs). The conversation stays in this page: the
// router only ever sees the RFC and the close. Data values are inserted as text only, never as HTML.
import * as lt from './lt.mjs';
import * as proto from './session.mjs';

const $ = (sel) => document.querySelector(sel);
const UNITS_MARGIN = 2n; // the default highest price: twice the cheapest live price, so a small bid change does not refuse the RFC
const DEPOSIT_OF = proto.toHex(proto.keccak256('depositOf(address)').slice(0, 4)); // ComputePool.depositOf selector

const S = {
  cfg: { chainId: 0, marketplace: '', computePool: '', apiBase: '' },
  eth: null, account: '', chainOk: false, models: [], allowance: null, deposit: null,
  session: null, history: [], model: '', busy: false, ticker: 0,
};

// ---------------------------------------------------------------------------------------------------------
// Small DOM helpers
// ---------------------------------------------------------------------------------------------------------
function setState(s) { document.body.dataset.state = s; }
function status(text) { $('#status').textContent = text; }
function clearAlert() { const a = $('#alert'); a.hidden = true; a.textContent = ''; delete a.dataset.code; }
function alertUser(code, title, detail) {
  const a = $('#alert');
  a.textContent = '';
  const strong = document.createElement('strong');
  strong.textContent = title;
  a.append(strong, document.createTextNode(detail ? ' ' + detail : ''));
  a.dataset.code = code;
  a.hidden = false;
}
function morText(wei) { return lt.formatMOR(wei.toString()); }
function setMOR(el, wei) { el.textContent = morText(wei); el.dataset.wei = wei.toString(); }
function addMessage(role, text) {
  const li = document.createElement('li');
  li.dataset.role = role;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = role === 'user' ? 'You' : role === 'assistant' ? 'Model' : 'Note';
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  li.append(who, body);
  $('#messages').append(li);
  li.scrollIntoView({ block: 'nearest' });
  return li;
}
function short(a) { return a ? `${a.slice(0, 8)}…${a.slice(-6)}` : ''; }

// ---------------------------------------------------------------------------------------------------------
// Router calls (public JSON; never a prompt)
// ---------------------------------------------------------------------------------------------------------
const routerURL = (path) => (S.cfg.apiBase || location.origin) + path;
const routerJSON = (path, body) => proto.callJSON((...a) => fetch(...a), routerURL(path), body);

async function loadModels() {
  const data = await routerJSON('/v1/models');
  S.models = data.models ?? [];
  const sel = $('#model-select');
  sel.textContent = '';
  for (const m of S.models) {
    const o = document.createElement('option');
    o.value = m.name;
    o.dataset.price = m.lowestPrice ?? '';
    o.textContent = m.lowestPrice ? `${m.name} — from ${morText(BigInt(m.lowestPrice))} MOR/s` : `${m.name} — no live provider`;
    sel.append(o);
  }
  if (!S.models.length) {
    const o = document.createElement('option');
    o.textContent = 'No models in this market yet';
    o.value = '';
    sel.append(o);
  }
  onModelChange();
}

async function loadAllowance() {
  if (!S.account) return;
  try {
    S.allowance = await routerJSON(`/v1/allowance/${S.account}`);
    setMOR($('#allowance-total'), BigInt(S.allowance.allowance));
    setMOR($('#allowance-used'), BigInt(S.allowance.used));
    setMOR($('#allowance-left'), BigInt(S.allowance.remaining));
    $('#allowance').hidden = false;
  } catch (e) {
    alertUser(e.code ?? 'router', 'Could not read your allowance:', e.message);
  }
  await loadDeposit();
  updateReserve();
}

/** The user's MOR deposit in the ComputePool (depositOf), read through the wallet's eth_call. */
async function loadDeposit() {
  const dd = $('#deposit');
  S.deposit = null;
  try {
    if (!/^0x[0-9a-fA-F]{40}$/.test(S.cfg.computePool)) throw new Error('no ComputePool address');
    const data = DEPOSIT_OF + S.account.slice(2).toLowerCase().padStart(64, '0');
    const out = await S.eth.request({ method: 'eth_call', params: [{ to: S.cfg.computePool, data }, 'latest'] });
    S.deposit = BigInt(out);
    setMOR(dd, S.deposit);
  } catch {
    dd.textContent = 'not available';
    delete dd.dataset.wei;
  }
  enableForm();
}

// ---------------------------------------------------------------------------------------------------------
// Wallet (EIP-1193)
// ---------------------------------------------------------------------------------------------------------
async function connect() {
  clearAlert();
  try {
    status('Asking your wallet for an account…');
    const accounts = await S.eth.request({ method: 'eth_requestAccounts' });
    if (!accounts?.length) throw Object.assign(new Error('the wallet returned no account'), { code: 'no_account' });
    S.account = proto.checksumAddress(accounts[0]);
    $('#account').textContent = S.account;
    await checkChain();
  } catch (e) {
    walletError(e, 'Could not connect the wallet:');
  }
}

async function checkChain() {
  const id = parseInt(await S.eth.request({ method: 'eth_chainId' }), 16);
  S.chainOk = id === S.cfg.chainId;
  const net = $('#network');
  net.textContent = S.chainOk ? `chain ${id}` : `wrong network (chain ${id})`;
  net.className = 'tag ' + (S.chainOk ? 'ok' : 'bad');
  $('#switch').hidden = S.chainOk;
  $('#connect').textContent = 'Reconnect wallet';
  if (!S.chainOk) {
    setState('wrong-chain');
    alertUser('wrong_chain', 'Wrong network.', `Your wallet is on chain ${id}; this market runs on chain ${S.cfg.chainId}. Use "Switch network", then try again.`);
    status('');
    enableForm();
    return;
  }
  clearAlert();
  setState(S.session ? 'chatting' : 'ready');
  status(`Connected as ${short(S.account)}.`);
  await loadAllowance();
  enableForm();
}

async function switchChain() {
  clearAlert();
  try {
    await S.eth.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x' + S.cfg.chainId.toString(16) }] });
    await checkChain();
  } catch (e) {
    if (e?.code === 4902) alertUser('unknown_chain', 'Your wallet does not know this network.', `Add chain ${S.cfg.chainId} (the market's RPC) to your wallet, then switch to it.`);
    else walletError(e, 'Could not switch network:');
  }
}

function walletError(e, title) {
  if (e?.code === 4001) alertUser('wallet_rejected', 'You declined in your wallet.', 'Nothing was signed or sent.');
  else alertUser(String(e?.code ?? 'wallet'), title, e?.message ?? String(e));
  status('');
}

// ---------------------------------------------------------------------------------------------------------
// The session form
// ---------------------------------------------------------------------------------------------------------
function selectedModel() { return S.models.find((m) => m.name === $('#model-select').value); }

function onModelChange() {
  const m = selectedModel();
  $('#max-price').value = m?.lowestPrice ? (BigInt(m.lowestPrice) * UNITS_MARGIN).toString() : '';
  updateReserve();
}

function formValues() {
  const price = $('#max-price').value.trim(), secs = $('#max-seconds').value.trim();
  if (!/^[0-9]+$/.test(price) || BigInt(price) === 0n) return { error: 'Enter the highest price per second you accept, in MOR-wei (a whole number above 0).' };
  if (!/^[0-9]+$/.test(secs) || Number(secs) < 1 || Number(secs) > 86400) return { error: 'Enter a session length from 1 to 86,400 seconds.' };
  return { maxPrice: BigInt(price), maxSeconds: Number(secs) };
}

function updateReserve() {
  const v = formValues(), m = selectedModel();
  const note = $('#reserve-note');
  if (v.error || !m?.lowestPrice) { note.textContent = v.error ?? ''; return; }
  const low = BigInt(m.lowestPrice) * BigInt(v.maxSeconds), high = v.maxPrice * BigInt(v.maxSeconds);
  note.textContent = `While the session is open it reserves from ${morText(low)} to ${morText(high)} MOR of your allowance${$('#use-deposit').checked ? ', then of your deposit' : ''} (price × length); you pay only for the seconds you use.`;
}

function enableForm() {
  const ready = !!S.account && S.chainOk && !S.busy;
  for (const id of ['#model-select', '#max-price', '#max-seconds']) $(id).disabled = !ready || !!S.session;
  $('#start').disabled = !ready || !!S.session || !S.models.length;
  const dep = $('#use-deposit');
  dep.disabled = !ready || !!S.session || !(S.deposit > 0n);
  if (!(S.deposit > 0n)) dep.checked = false; // nothing to pay from
  $('#prompt').disabled = !S.session || S.busy;
  $('#send').disabled = !S.session || S.busy;
  $('#close').disabled = !S.session || S.busy;
}

/** Explains a refusal to the user, by PROTOCOL §9 code. */
function explain(e, model) {
  const left = S.allowance ? BigInt(S.allowance.remaining) : null;
  switch (e.code) {
    case 'no_votes':
      return alertUser('no_votes', 'Your MOR does not count yet.', 'The free allowance comes from MOR votes: hold MOR, delegate it to yourself once (`lt delegate`), and it counts once it has been held for a full protocol day. Today your allowance is 0.' +
        (S.deposit > 0n ? ' You have a deposit: tick "Pay … from my deposit" to use it.' : ''));
    case 'deposit_exhausted':
      // The router shortens a session that may pay from the deposit to what the pool's daily spend cap covers,
      // so it names the cap only when it is below one second's price: no deposit and no shorter session help.
      if (/^the daily spend cap /.test(e.message ?? '')) {
        return alertUser('deposit_exhausted', "The pool's daily spend cap is below this model's price.", 'The ComputePool caps what one session paid from a deposit may cost, however much it holds, and the cap does not cover one second at the provider\'s price. ' +
          `Pick a cheaper model, or untick "Pay … from my deposit" if your allowance covers the session. (${e.message})`);
      }
      return alertUser('deposit_exhausted', 'Your allowance and deposit do not cover this session.', `They do not cover a second at the provider's price: deposit more MOR in the ComputePool or come back tomorrow. (${e.message})`);
    case 'withdrawal_pending':
      return alertUser('withdrawal_pending', 'A withdrawal of your deposit is pending.', `Routers do not start sessions paid from a deposit being withdrawn: cancel the withdrawal or wait until it is paid. (${e.message})`);
    case 'allowance_exhausted':
      if (S.allowance && BigInt(S.allowance.allowance) === 0n) return explain({ code: 'no_votes' });
      if (left === 0n) return alertUser('allowance_exhausted', "Today's allowance is used up.", `Come back tomorrow: the allowance renews each protocol day. (${e.message})`);
      return alertUser('allowance_exhausted', 'Not enough allowance left today for this session.', `${left !== null ? morText(left) + ' MOR is left today; ' : ''}a session reserves its highest cost (price × length) while it is open. Choose a shorter session${S.deposit > 0n ? ', pay the rest from your deposit' : ''}, or come back tomorrow. (${e.message})`);
    case 'no_provider':
      return alertUser('no_provider', `No provider can serve ${model} right now.`, `None is live at or below your highest price. Raise it, pick another model, or try again in a minute. (${e.message})`);
    case 'unknown_model':
      return alertUser('unknown_model', `${model} is not a registered model.`, e.message);
    case 'rate_limited':
      return alertUser('rate_limited', 'Too many requests.', 'Wait a few seconds and try again.');
    case 'provider_gone':
      return alertUser('provider_gone', 'The provider is gone.', e.message);
    case 'other_close':
      return alertUser('other_close', 'The router holds another close of this session than your receipt.', `Keepers settle that close: the provider answered yours but closed the session otherwise. (${e.message})`);
    case 'wallet_mismatch':
      return alertUser('wallet_mismatch', 'Your wallet signed with another account.', e.message);
    default:
      if (e.gone) return alertUser('router_gone', 'The router is unreachable.', e.message);
      return alertUser(e.code ?? 'error', `Refused (${e.code ?? 'error'}):`, e.message);
  }
}

/**
 * Opens a session: a fresh session key, the RFC signed by the wallet (the one signature of the session),
 * POST /v1/rfc. Throws a refusal for explain.
 */
async function openSession(model, maxPrice, maxSeconds, useDeposit) {
  if (S.allowance && BigInt(S.allowance.allowance) === 0n && !useDeposit) throw Object.assign(new Error('no votes'), { code: 'no_votes' });
  const key = proto.newSessionKey();
  const rfc = proto.newRFC({ user: S.account, model, maxPricePerSecond: maxPrice, maxSeconds, sessionKey: key.address, useDeposit });
  const td = proto.typedData(S.cfg.chainId, S.cfg.marketplace, 'RFC', rfc);
  status('Sign the request for compute in your wallet (one signature for the whole session)…');
  setState('signing');
  let signature;
  try {
    signature = await S.eth.request({ method: 'eth_signTypedData_v4', params: [S.account, JSON.stringify(td)] });
  } catch (e) {
    throw Object.assign(e instanceof Error ? e : new Error(e?.message ?? String(e)), { wallet: true, code: e?.code });
  }
  const signer = proto.recoverAddress(proto.digest712(S.cfg.chainId, S.cfg.marketplace, 'RFC', rfc), signature);
  if (signer !== S.account) throw Object.assign(new Error(`expected ${S.account}, got ${signer}`), { code: 'wallet_mismatch' });
  status('Finding the cheapest live provider…');
  const grant = await routerJSON('/v1/rfc', { rfc, signature });
  const t = grant.ticket;
  if (t.user.toLowerCase() !== S.account.toLowerCase() || t.modelId !== rfc.modelId || BigInt(t.pricePerSecond) > maxPrice || t.useDeposit !== useDeposit) {
    throw Object.assign(new Error('the ticket does not match the request (user, model, price or deposit consent)'), { code: 'bad_ticket' });
  }
  return new proto.Session({ grant, key, chainId: S.cfg.chainId, marketplace: S.cfg.marketplace, routerBase: S.cfg.apiBase || location.origin, rfc: { rfc, signature } });
}

function showSession() {
  const s = S.session;
  $('#session-figures').hidden = !s;
  if (!s) return;
  $('#session-id').textContent = s.id;
  $('#session-id').dataset.sessionId = s.id;
  $('#session-provider').textContent = `${short(s.grant.provider)} at ${s.base}`;
  setMOR($('#session-price'), s.price);
  $('#session-max').textContent = String(s.maxSeconds);
  const pay = s.grant.payment;
  const pe = $('#session-payment');
  pe.textContent = pay ? `${morText(BigInt(pay.allowance))} / ${morText(BigInt(pay.deposit))} MOR` : '—';
  if (pay) { pe.dataset.allowance = pay.allowance; pe.dataset.deposit = pay.deposit; }
  updateFigures();
}

function updateFigures() {
  const s = S.session;
  if (!s) return;
  const u = s.usage();
  $('#session-seconds').textContent = String(u.seconds);
  $('#session-tokens').textContent = `${u.inputTokens} / ${u.outputTokens}`;
  setMOR($('#cost'), u.cost);
}

async function start(ev) {
  ev?.preventDefault();
  clearAlert();
  const v = formValues();
  if (v.error) return alertUser('bad_input', 'Check the form.', v.error);
  const m = selectedModel();
  if (!m) return;
  S.model = m.name;
  const useDeposit = $('#use-deposit').checked;
  S.busy = true;
  enableForm();
  try {
    S.session = await openSession(m.name, v.maxPrice, v.maxSeconds, useDeposit);
    S.history = [];
    $('#messages').textContent = '';
    $('#closed-note').hidden = true;
    showSession();
    setState('chatting');
    status(`Session open with provider ${short(S.session.grant.provider)}. Your messages go to it directly.`);
    await loadAllowance();
  } catch (e) {
    setState('ready');
    status('');
    if (e.wallet) walletError(e, 'The wallet did not sign:');
    else explain(e, m.name);
  } finally {
    S.busy = false;
    enableForm();
    if (S.session) $('#prompt').focus();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Chatting, with failover to a new session when the provider is gone
// ---------------------------------------------------------------------------------------------------------
async function send(ev) {
  ev?.preventDefault();
  const text = $('#prompt').value.trim();
  if (!text || !S.session || S.busy) return;
  clearAlert();
  $('#prompt').value = '';
  S.history.push({ role: 'user', content: text });
  addMessage('user', text);
  S.busy = true;
  enableForm();
  setState('streaming');
  S.ticker = setInterval(updateFigures, 250);
  try {
    for (let attempt = 0; ; attempt++) {
      const li = addMessage('assistant', '');
      li.setAttribute('aria-busy', 'true');
      const out = li.querySelector('.text');
      try {
        const answer = await S.session.chat(S.model, S.history, (piece) => { out.textContent += piece; updateFigures(); });
        li.dataset.done = 'true';
        li.removeAttribute('aria-busy');
        S.history.push({ role: 'assistant', content: answer });
        status(`The model answered: ${answer}`);
        break;
      } catch (e) {
        li.remove();
        if (!e.gone || attempt > 0) throw e;
        await failover(e);
      }
    }
  } catch (e) {
    S.history.pop();
    if (e.wallet) walletError(e, 'The wallet did not sign the new session:');
    else explain(e, S.model);
  } finally {
    clearInterval(S.ticker);
    updateFigures();
    S.busy = false;
    setState(S.session ? 'chatting' : 'ready');
    enableForm();
    $('#prompt').focus();
  }
}

/** The provider is gone: close its session at the router (session key), open a new one (one more wallet signature). */
async function failover(cause) {
  const old = S.session;
  addMessage('notice', `The provider stopped answering (${cause.message}). Closing that session and opening a new one: your wallet asks for one more signature.`);
  alertUser('provider_gone', 'The provider is gone.', 'Opening a new session with another provider: approve the new request in your wallet.');
  try {
    const res = await old.close(false);
    addMessage('notice', `Previous session closed at the router: ${res.receipt.seconds} s, ${morText(BigInt(res.receipt.seconds) * old.price)} MOR.`);
  } catch (e) {
    addMessage('notice', `Could not close the previous session at the router (${e.message}); the router expires it.`);
  }
  const v = { maxPrice: BigInt(old.grant.ticket.pricePerSecond) > formValues().maxPrice ? BigInt(old.grant.ticket.pricePerSecond) : formValues().maxPrice, maxSeconds: old.maxSeconds };
  S.session = null;
  S.session = await openSession(S.model, v.maxPrice, v.maxSeconds, old.grant.ticket.useDeposit === true);
  showSession();
  setState('streaming');
  clearAlert();
  addMessage('notice', `New session with provider ${short(S.session.grant.provider)}; resending your message.`);
}

async function closeSession() {
  if (!S.session || S.busy) return;
  clearAlert();
  S.busy = true;
  enableForm();
  status('Closing the session: the session key signs the usage receipt…');
  try {
    const s = S.session;
    const res = await s.close();
    const cost = BigInt(res.receipt.seconds) * s.price;
    const note = $('#closed-note');
    note.textContent = `Session closed ${res.via === 'provider' ? 'with the provider (it countersigned the receipt)' : 'at the router (the provider did not countersign the receipt, or did not report it)'}: ${res.receipt.seconds} s used, ${morText(cost)} MOR, ${res.receipt.inputTokens} tokens in, ${res.receipt.outputTokens} out.`;
    note.dataset.via = res.via;
    note.dataset.sessionId = s.id;
    note.dataset.seconds = res.receipt.seconds;
    note.hidden = false;
    S.session = null;
    setState('closed');
    status('Session closed. Start another one whenever you like.');
    await loadAllowance();
  } catch (e) {
    explain(e, S.model);
  } finally {
    S.busy = false;
    enableForm();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------------------
async function init() {
  try {
    const r = await fetch('config.json', { cache: 'no-store' });
    const c = await r.json();
    S.cfg = { chainId: Number(c.chainId), marketplace: c.marketplace, computePool: c.computePool || '', apiBase: (c.apiBase || '').replace(/\/+$/, '') };
  } catch (e) {
    alertUser('config', 'This page could not read its configuration.', e.message);
    return setState('broken');
  }
  $('#connect').addEventListener('click', connect);
  $('#switch').addEventListener('click', switchChain);
  $('#model-select').addEventListener('change', onModelChange);
  $('#max-price').addEventListener('input', updateReserve);
  $('#max-seconds').addEventListener('input', updateReserve);
  $('#use-deposit').addEventListener('change', updateReserve);
  $('#session-form').addEventListener('submit', start);
  $('#send-form').addEventListener('submit', send);
  $('#close').addEventListener('click', closeSession);
  $('#prompt').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) send(e); });
  try {
    await loadModels();
  } catch (e) {
    explain(e, '');
  }
  S.eth = window.ethereum ?? null;
  if (!S.eth || typeof S.eth.request !== 'function') {
    $('#connect').disabled = true;
    alertUser('no_wallet', 'No browser wallet found.', 'Install or enable a wallet that injects an EIP-1193 provider (window.ethereum), then reload this page.');
    return setState('no-wallet');
  }
  S.eth.on?.('accountsChanged', (a) => { if (S.account && a?.[0] && proto.checksumAddress(a[0]) !== S.account) connect(); });
  S.eth.on?.('chainChanged', () => { if (S.account) checkChain(); });
  setState('disconnected');
  status('Connect your wallet to start.');
}

init();
