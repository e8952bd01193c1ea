// session.mjs — the protocol side of the chat page, without DOM: the v2 RFC as eth_signTypedData_v4 typed
// data (PROTOCOL §6), the in-memory session key, the signed provider requests (X-LT-Ticket, X-LT-Request,
// X-LT-Signature over the "LakeTravis request v1" text, EIP-191; X-LT-RFC, the signed RFC, until the
// provider answers a request with a 2xx), metering as protocol/usage does it, and
// the close with a UsageReceipt signed by the session key. It mirrors the Go client (client/requests.go,
// client/close.go, protocol/wire, protocol/eip712, protocol/usage) rule for rule; web/test/chat.lib.test.mjs
// checks its digests and signatures against vectors the Go code wrote.
//
// The wallet signs exactly one message per session, the RFC; everything after it is signed here with the
// session key, which never leaves this page's memory. Money is BigInt, never a float.
import { secp256k1 } from './vendor/noble-curves/secp256k1.js';
import { keccak_256 } from './vendor/noble-hashes/sha3.js';

const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------------------------------------
// Bytes, hex, keccak
// ---------------------------------------------------------------------------------------------------------

export function toHex(bytes) {
  let s = '0x';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(h) {
  const s = h.startsWith('0x') || h.startsWith('0X') ? h.slice(2) : h;
  if (s.length % 2 || /[^0-9a-fA-F]/.test(s)) throw new Error(`not hex: ${h}`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export const keccak256 = (bytes) => keccak_256(typeof bytes === 'string' ? utf8.encode(bytes) : bytes);

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** A 32-byte ABI word of an unsigned integer (number, decimal string or BigInt). */
function uintWord(v) {
  let x = BigInt(v);
  if (x < 0n || x >= 1n << 256n) throw new Error(`uint out of range: ${v}`);
  const w = new Uint8Array(32);
  for (let i = 31; i >= 0 && x > 0n; i--) { w[i] = Number(x & 0xffn); x >>= 8n; }
  return w;
}

function addressWord(a) {
  const b = fromHex(a);
  if (b.length !== 20) throw new Error(`not an address: ${a}`);
  const w = new Uint8Array(32);
  w.set(b, 12);
  return w;
}

function bytes32Word(h) {
  const b = fromHex(h);
  if (b.length !== 32) throw new Error(`not bytes32: ${h}`);
  return b;
}

/** EIP-55 checksummed form of an address. */
export function checksumAddress(a) {
  const lower = a.toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{40}$/.test(lower)) throw new Error(`not an address: ${a}`);
  const h = toHex(keccak256(lower)).slice(2);
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(h[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// EIP-712 (PROTOCOL §6, domain version "2")
// ---------------------------------------------------------------------------------------------------------

export const DOMAIN_NAME = 'LakeTravis';
export const DOMAIN_VERSION = '2';

const DOMAIN_FIELDS = [['name', 'string'], ['version', 'string'], ['chainId', 'uint256'], ['verifyingContract', 'address']];
export const TYPES = {
  RFC: [['user', 'address'], ['modelId', 'bytes32'], ['maxPricePerSecond', 'uint256'], ['maxSeconds', 'uint32'], ['minTps', 'uint32'],
    ['maxTtftMs', 'uint32'], ['nonce', 'uint64'], ['deadline', 'uint64'], ['sessionKey', 'address'], ['useDeposit', 'bool']],
  UsageReceipt: [['sessionId', 'bytes32'], ['seconds', 'uint32'], ['inputTokens', 'uint32'], ['outputTokens', 'uint32'], ['ttftMs', 'uint32']],
  SessionTicket: [['sessionId', 'bytes32'], ['user', 'address'], ['provider', 'address'], ['modelId', 'bytes32'], ['pricePerSecond', 'uint256'],
    ['maxSeconds', 'uint32'], ['notAfter', 'uint64'], ['sessionKey', 'address'], ['useDeposit', 'bool']],
  // The provider's acceptance of the ticket it served (protocol/settle/accept.go): ticket is the ticket's
  // digest, router the key that signed it (recovered from its signature: ticketRouter).
  TicketAcceptance: [['sessionId', 'bytes32'], ['ticket', 'bytes32'], ['router', 'address']],
};

const typeString = (name, fields) => `${name}(${fields.map(([n, t]) => `${t} ${n}`).join(',')})`;

function encodeValue(type, v) {
  switch (type) {
    case 'address': return addressWord(v);
    case 'bytes32': return bytes32Word(v);
    case 'bool': return uintWord(v === true ? 1 : 0);
    case 'string': return keccak256(v);
    default:
      if (/^uint\d+$/.test(type)) return uintWord(v);
  }
  throw new Error(`unsupported EIP-712 type ${type}`);
}

function hashStruct(name, fields, msg) {
  return keccak256(concat(keccak256(typeString(name, fields)), ...fields.map(([n, t]) => encodeValue(t, msg[n]))));
}

/** hashStruct(EIP712Domain) of the deployment (chain id, Marketplace address). */
export function domainSeparator(chainId, marketplace) {
  return hashStruct('EIP712Domain', DOMAIN_FIELDS, { name: DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: marketplace });
}

/** The EIP-712 digest of message msg of type primaryType (a key of TYPES). */
export function digest712(chainId, marketplace, primaryType, msg) {
  return keccak256(concat(new Uint8Array([0x19, 0x01]), domainSeparator(chainId, marketplace), hashStruct(primaryType, TYPES[primaryType], msg)));
}

/** The digest the provider's signer signs to accept ticket as router signed it (settle.AcceptanceDigest). */
export function acceptanceDigest(chainId, marketplace, ticket, router) {
  const t = toHex(digest712(chainId, marketplace, 'SessionTicket', ticket));
  return digest712(chainId, marketplace, 'TicketAcceptance', { sessionId: ticket.sessionId, ticket: t, router });
}

/**
 * The eth_signTypedData_v4 document, as the Go code's Domain.TypedData writes it: EIP712Domain listed,
 * chainId a JSON number, integers in the message decimal strings, useDeposit the JSON literal.
 */
export function typedData(chainId, marketplace, primaryType, msg) {
  const list = (fs) => fs.map(([name, type]) => ({ name, type }));
  return {
    types: { EIP712Domain: list(DOMAIN_FIELDS), [primaryType]: list(TYPES[primaryType]) },
    primaryType,
    domain: { name: DOMAIN_NAME, version: DOMAIN_VERSION, chainId: Number(chainId), verifyingContract: checksumAddress(marketplace) },
    message: msg,
  };
}

/** modelId = keccak256(bytes("name:tag")) (PROTOCOL §5). */
export const modelId = (nameTag) => toHex(keccak256(nameTag));

/**
 * A v2 RFC in its wire form (decimal strings, checksummed addresses): a random 64-bit nonce and a
 * deadline 5 minutes ahead (the Go client's NewRFC), the session key authorised to sign the session.
 */
export function newRFC({ user, model, maxPricePerSecond, maxSeconds, sessionKey, now = Date.now(), useDeposit = false }) {
  const n = crypto.getRandomValues(new Uint8Array(8));
  const nonce = n.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  return {
    user: checksumAddress(user), modelId: modelId(model), maxPricePerSecond: BigInt(maxPricePerSecond).toString(),
    maxSeconds: String(maxSeconds), minTps: '0', maxTtftMs: '0', nonce: nonce.toString(),
    deadline: String(Math.floor(now / 1000) + 300), sessionKey: checksumAddress(sessionKey), useDeposit,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Keys and signatures
// ---------------------------------------------------------------------------------------------------------

/** The address of a secp256k1 private key (bytes). */
export function addressOf(priv) {
  const pub = secp256k1.getPublicKey(priv, false);
  return checksumAddress(toHex(keccak256(pub.slice(1)).slice(12)));
}

/** A fresh session key, held in memory only. */
export function newSessionKey() {
  const priv = secp256k1.utils.randomPrivateKey();
  return { priv, address: addressOf(priv) };
}

/** [R || S || V] with V in {27, 28} and low S: byte for byte the Go eip712.Sign (RFC 6979). */
export function signDigest(priv, digest) {
  const sig = secp256k1.sign(digest, priv, { lowS: true });
  return toHex(concat(sig.toCompactRawBytes(), new Uint8Array([sig.recovery + 27])));
}

/** The address that made signature sig (0x-hex, V in {0, 1, 27, 28}) over digest. */
export function recoverAddress(digest, sig) {
  const b = fromHex(sig);
  const v = b[64] >= 27 ? b[64] - 27 : b[64];
  const pub = secp256k1.Signature.fromCompact(b.slice(0, 64)).addRecoveryBit(v).recoverPublicKey(digest).toRawBytes(false);
  return checksumAddress(toHex(keccak256(pub.slice(1)).slice(12)));
}

// ---------------------------------------------------------------------------------------------------------
// Request authentication (protocol/README.md "Provider"; wire.RequestText, wire.RequestDigest)
// ---------------------------------------------------------------------------------------------------------

export function requestText(chainId, sessionId, seq, unix, method, path, body) {
  return `LakeTravis request v1\nchain:${chainId}\nsession:${sessionId.toLowerCase()}\nseq:${seq}\ntime:${unix}\nmethod:${method}\npath:${path}\nbody:${toHex(keccak256(body))}`;
}

/** The EIP-191 (personal_sign) digest of text. */
export function personalDigest(text) {
  const b = utf8.encode(text);
  return keccak256(concat(utf8.encode(`\x19Ethereum Signed Message:\n${b.length}`), b));
}

function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** X-LT-Ticket: base64url without padding of {"ticket": SessionTicket, "signature": "0x…"}. */
export const ticketHeader = (ticket, signature) => base64url(utf8.encode(JSON.stringify({ ticket, signature })));
/**
 * X-LT-RFC (protocol/wire HeaderRFC): the POST /v1/rfc body {"rfc": RFC, "signature": "0x…"} as base64url
 * without padding. A provider accepts a ticket only with the RFC it follows from, sent with the session's
 * first request.
 */
export const rfcHeader = (rfc, signature) => base64url(utf8.encode(JSON.stringify({ rfc, signature })));

// ---------------------------------------------------------------------------------------------------------
// Metering (protocol/usage): active time is the union of request intervals rounded up to whole seconds;
// tokens are an answer's usage object when it has one, else a token per 4 bytes of request body and one
// per stream chunk carrying text; output tokens never exceed the bytes of generated text received (the
// session key signs only output it received, whatever the usage object claims): content, reasoning and tool
// calls alike (readChunk, as protocol/README.md `usage/` lists them).
// ---------------------------------------------------------------------------------------------------------

const strBytes = (s) => (typeof s === 'string' ? utf8.encode(s).length : 0);
const fnBytes = (f) => (f !== null && typeof f === 'object' ? strBytes(f.name) + strBytes(f.arguments) : 0);

/**
 * Bytes of generated text in a choice's message or delta (usage.generated): content, reasoning_content,
 * reasoning and refusal (strings), each tool call's function name and arguments, and the legacy function_call's.
 */
function generatedBytes(m) {
  if (m === null || typeof m !== 'object') return 0;
  let n = strBytes(m.content) + strBytes(m.reasoning_content) + strBytes(m.reasoning) + strBytes(m.refusal) + fnBytes(m.function_call);
  if (Array.isArray(m.tool_calls)) for (const t of m.tool_calls) if (t !== null && typeof t === 'object') n += fnBytes(t.function);
  return n;
}

/**
 * Bytes of generated text in one chunk or answer (choices' text and their message's or delta's, as
 * generatedBytes reads them) and its usage object; null when it does not decode.
 */
export function readChunk(data) {
  let c;
  try { c = JSON.parse(data); } catch { return null; }
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return null;
  let text = 0;
  if (c.choices != null) {
    if (!Array.isArray(c.choices)) return null;
    for (const ch of c.choices) {
      if (ch === null) continue;
      if (typeof ch !== 'object') return null;
      text += strBytes(ch.text) + generatedBytes(ch.message) + generatedBytes(ch.delta);
    }
  }
  const u = c.usage && typeof c.usage === 'object' ? c.usage : null;
  return { text, usage: u && (u.prompt_tokens > 0 || u.completion_tokens > 0) ? u : null };
}

/** One answer's token count (usage.Counter). */
export class Counter {
  constructor(bodyBytes) { this.bodyBytes = bodyBytes; this.chunks = 0; this.textBytes = 0; this.usage = null; }
  /** Counts a stream chunk; true when it carried generated text. */
  chunk(data) {
    const r = readChunk(data);
    if (!r) return false;
    if (r.text > 0) this.chunks++;
    this.textBytes += r.text;
    if (r.usage) this.usage = r.usage;
    return r.text > 0;
  }
  tokens() {
    if (this.usage) return [Number(this.usage.prompt_tokens) || 0, Math.min(Number(this.usage.completion_tokens) || 0, this.textBytes)];
    return [Math.floor((this.bodyBytes + 3) / 4), this.chunks];
  }
}

/** A session's usage: finished request intervals (ms) and totals. */
export class Meter {
  constructor() { this.spans = []; this.open = new Map(); this.next = 0; this.in = 0; this.out = 0; this.ttftMs = 0; this.requests = 0; }
  start(at) { const id = ++this.next; this.open.set(id, at); this.requests++; return id; }
  finish(id, at, inTok, outTok, ttftMs) {
    const from = this.open.get(id);
    if (from === undefined) return;
    this.open.delete(id);
    this.spans.push([from, at]);
    this.in += inTok; this.out += outTok;
    if (this.ttftMs === 0 && ttftMs > 0) this.ttftMs = ttftMs;
  }
  /** Active milliseconds at now: the union of finished spans and open requests (up to now). */
  activeMs(now) {
    const spans = [...this.spans, ...[...this.open.values()].map((f) => [f, Math.max(f, now)])].sort((a, b) => a[0] - b[0]);
    let total = 0, cur = null;
    for (const [f, t] of spans) {
      if (!cur || f > cur[1]) { if (cur) total += cur[1] - cur[0]; cur = [f, t]; } else cur[1] = Math.max(cur[1], t);
    }
    return total + (cur ? cur[1] - cur[0] : 0);
  }
  figures(now) {
    const clamp = (v) => Math.min(Math.max(0, Math.floor(v)), 0xffffffff);
    return { seconds: clamp(Math.ceil(this.activeMs(now) / 1000)), inputTokens: clamp(this.in), outputTokens: clamp(this.out), ttftMs: clamp(this.ttftMs) };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------

/** A PROTOCOL §9 refusal ({"error": {"code", "message"}}); gone is true when the peer looks dead (5xx). */
export class ProtocolError extends Error {
  constructor(status, code, message, gone = false) { super(message); this.status = status; this.code = code; this.gone = gone; }
}

/** The peer is unreachable (network error, 5xx): the page fails over. */
export class GoneError extends Error {
  constructor(message) { super(message); this.gone = true; this.code = 'provider_gone'; }
}

async function refusal(resp) {
  const raw = await resp.text().catch(() => '');
  let code = `http_${resp.status}`, message = raw.slice(0, 200);
  try {
    const e = JSON.parse(raw).error;
    if (e && e.code) { code = e.code; message = e.message ?? ''; }
  } catch { /* not an envelope */ }
  return new ProtocolError(resp.status, code, message, resp.status >= 500);
}

/** POST/GET JSON to a router or provider; a refusal throws ProtocolError, a dead peer GoneError. */
export async function callJSON(fetchFn, url, body) {
  let resp;
  try {
    resp = await fetchFn(url, body === undefined ? { method: 'GET' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    throw new GoneError(`${new URL(url).origin} is unreachable: ${e.message}`);
  }
  if (!resp.ok) throw await refusal(resp);
  return resp.json();
}

// ---------------------------------------------------------------------------------------------------------
// Server-sent events (protocol/sse: WHATWG text/event-stream), the data of each event
// ---------------------------------------------------------------------------------------------------------

export async function* sseData(body) {
  const reader = body.getReader();
  const dec = new TextDecoder();
  let buf = '', data = [], first = true;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    if (first && buf.length) { buf = buf.replace(/^\uFEFF/, ''); first = false; }
    let i;
    while ((i = buf.search(/\r\n|\r|\n/)) >= 0) {
      if (buf[i] === '\r' && i === buf.length - 1) break; // a \r at the end may be the first half of \r\n
      const line = buf.slice(0, i);
      buf = buf.slice(i + (buf.startsWith('\r\n', i) ? 2 : 1));
      if (line === '') {
        if (data.length) yield data.join('\n');
        data = [];
      } else if (!line.startsWith(':')) {
        const c = line.indexOf(':');
        const field = c < 0 ? line : line.slice(0, c);
        let v = c < 0 ? '' : line.slice(c + 1);
        if (v.startsWith(' ')) v = v.slice(1);
        if (field === 'data') data.push(v);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// A session
// ---------------------------------------------------------------------------------------------------------

/**
 * Session holds one router grant (the answer to POST /v1/rfc) with the session key named in its ticket. It
 * sends signed chat requests to the grant's provider, meters them and closes with a signed receipt: at
 * the provider (which countersigns and reports to the router), else at the router with the session key's
 * signature only. Requests are sent one at a time.
 */
export class Session {
  constructor({ grant, key, chainId, marketplace, routerBase, rfc, fetchFn = (...a) => fetch(...a), now = () => Date.now() }) {
    const t = grant.ticket;
    if (t.sessionKey.toLowerCase() !== key.address.toLowerCase()) throw new Error(`the ticket names session key ${t.sessionKey}, this page holds ${key.address}`);
    if (t.sessionId.toLowerCase() !== grant.sessionId.toLowerCase()) throw new Error('the ticket is for another session than the grant');
    this.grant = grant; this.key = key; this.chainId = chainId; this.marketplace = marketplace;
    this.routerBase = routerBase; this.fetch = fetchFn; this.now = now;
    this.base = grant.endpoint.replace(/\/+$/, '').replace(/\/v1$/, '');
    this.ticket = ticketHeader(t, grant.ticketSignature);
    // The key that signed the ticket, recovered (grant.router is the router's claim): the provider's
    // acceptance names it (client/session.go ticketRouter).
    this.ticketRouter = recoverAddress(digest712(chainId, marketplace, 'SessionTicket', t), grant.ticketSignature);
    // The user's signed RFC ({rfc, signature}, the POST /v1/rfc body), sent as X-LT-RFC until the provider
    // answers a request with a 2xx (it then holds the session); without it a provider refuses the session.
    this.rfcValue = rfc ? rfcHeader(rfc.rfc, rfc.signature) : null;
    this.opened = false;
    this.price = BigInt(grant.pricePerSecond);
    this.maxSeconds = Number(t.maxSeconds);
    this.meter = new Meter();
    this.seq = 0;
    this.closed = null;
    this.acceptance = null; // the provider's acceptance of the ticket (X-LT-Ticket-Acceptance), for a close at the router
  }

  /**
   * Keeps the provider's acceptance of this session's ticket from an answer's X-LT-Ticket-Acceptance, the
   * first that is a signature of the acceptance digest (client/close.go learnAcceptance). Whether its signer
   * is the provider's registered one only the router and keepers can tell: the router refuses a wrong one
   * and close() then closes without it.
   */
  learnAcceptance(resp) {
    const h = resp.headers?.get?.('X-LT-Ticket-Acceptance');
    if (this.acceptance || !h) return;
    try {
      if (fromHex(h).length !== 65) return;
      recoverAddress(acceptanceDigest(this.chainId, this.marketplace, this.grant.ticket, this.ticketRouter), h);
      this.acceptance = h;
    } catch { /* not a signature: ignored */ }
  }

  get id() { return this.grant.sessionId; }

  /** Usage so far, seconds capped at the ticket's maxSeconds, and what it costs (wei) at the ticket price. */
  usage() {
    const f = this.meter.figures(this.now());
    f.seconds = Math.min(f.seconds, this.maxSeconds);
    return { ...f, requests: this.meter.requests, cost: BigInt(f.seconds) * this.price };
  }

  nextSeq() {
    this.seq = Math.max(this.seq + 1, this.now() * 1000); // microseconds, as the Go client: above any seq used before
    return this.seq;
  }

  /** The authentication headers for a request with body bytes (and X-LT-RFC until the session is open). */
  authorize(method, path, body) {
    const seq = this.nextSeq();
    const unix = Math.floor(this.now() / 1000);
    const text = requestText(this.chainId, this.id, seq, unix, method, path, body);
    const h = { 'X-LT-Ticket': this.ticket, 'X-LT-Request': `${seq}.${unix}`, 'X-LT-Signature': signDigest(this.key.priv, personalDigest(text)) };
    if (this.rfcValue && !this.opened) h['X-LT-RFC'] = this.rfcValue;
    return h;
  }

  /**
   * Streams a chat completion for messages; onText(delta) gets each piece of the answer. Resolves to the
   * whole answer text. A refusal throws ProtocolError; a dead provider GoneError.
   */
  async chat(model, messages, onText = () => {}) {
    if (this.closed) throw new Error('session closed');
    const body = utf8.encode(JSON.stringify({ model, messages, stream: true, stream_options: { include_usage: true } }));
    const path = '/v1/chat/completions';
    let resp, start;
    for (let attempt = 0; ; attempt++) {
      start = this.now();
      try {
        resp = await this.fetch(this.base + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...this.authorize('POST', path, body) }, body });
      } catch (e) {
        throw new GoneError(`provider ${this.base} is unreachable: ${e.message}`);
      }
      this.learnAcceptance(resp);
      if (resp.ok) { this.opened = true; break; }
      const err = await refusal(resp);
      if (err.code === 'replayed' && attempt < 3) continue; // seq overtaken: sign again with a fresh one
      if (err.gone) throw new GoneError(`provider ${this.base} failed: ${err.code}: ${err.message}`);
      throw err;
    }
    const id = this.meter.start(start);
    const counter = new Counter(body.length);
    let text = '', ttft = 0;
    try {
      for await (const data of sseData(resp.body)) {
        if (data === '[DONE]') continue;
        if (counter.chunk(data)) {
          if (!ttft) ttft = Math.max(this.now() - start, 1);
          try {
            const c = JSON.parse(data);
            const piece = (c.choices ?? []).map((ch) => ch?.delta?.content ?? ch?.text ?? '').join('');
            text += piece;
            onText(piece);
          } catch { /* counted by the meter already */ }
        }
      }
    } catch (e) {
      throw new GoneError(`provider ${this.base} broke the stream: ${e.message}`);
    } finally {
      const [inTok, outTok] = counter.tokens();
      this.meter.finish(id, this.now(), inTok, outTok, Math.floor(ttft));
    }
    return text;
  }

  /** The usage receipt of what the session used so far (Session.Receipt in Go). */
  receipt() {
    const u = this.usage();
    return { sessionId: this.id.toLowerCase(), seconds: String(u.seconds), inputTokens: String(u.inputTokens), outputTokens: String(u.outputTokens), ttftMs: String(u.ttftMs) };
  }

  /**
   * Closes the session: signs the receipt with the session key and posts it to the provider, which
   * countersigns and reports the close to the router. The provider's word is not taken for it (as
   * client/close.go): its countersignature must recover to the signer of its acceptance of the ticket (when
   * the page holds one), and the router's record must carry the receipt and signature within
   * closeConfirm.reads reads of GET /v1/sessions/{id}; a router with no close yet gets it from the page, with
   * the countersignature. When the provider is gone (unreachable, 5xx), refuses the close (any 4xx), answers
   * 2xx without a countersignature of this receipt, or never reports it, the close is made at the router
   * with the session key's signature (a router that answers session_closed holding this very receipt and
   * signature, the provider's own report of them, counts). A router holding another close of the session
   * (the provider's alone, billing up to the wall clock) rejects with code 'other_close' naming both.
   * askProvider false goes to the router at once (a provider known dead). A close at the router carries the
   * provider's acceptance of the ticket announced on its answers (keepers keep it over another router's
   * re-ticketed copy; without it should the router refuse it). Resolves to {receipt, userSignature,
   * providerSignature?, ticketAcceptance?, via, record?, providerError?}.
   */
  async close(askProvider = true) {
    if (this.closed) return this.closed;
    const receipt = this.receipt();
    const userSignature = signDigest(this.key.priv, digest712(this.chainId, this.marketplace, 'UsageReceipt', receipt));
    const res = { sessionId: this.id, receipt, userSignature, via: '' };
    let providerSignature, countersigned = false;
    if (askProvider) {
      let out;
      try {
        out = await this.closeAtProvider(receipt, userSignature);
      } catch (e) {
        res.providerError = e.message; // gone, refused, or no countersignature of this receipt: at the router
      }
      if (out) {
        const rec = await this.confirm(receipt, userSignature);
        if (rec) {
          Object.assign(res, { providerSignature: out.providerSignature, via: 'provider', record: rec });
          if (out.ticketAcceptance) res.ticketAcceptance = out.ticketAcceptance;
          this.closed = res;
          return res;
        }
        providerSignature = out.providerSignature;
        countersigned = true;
        res.providerError = `the provider countersigned the receipt but the router held no close of the session after ${closeConfirm.reads} reads: closed at the router`;
      }
    }
    const url = `${this.routerBase}/v1/sessions/${this.id}/close`;
    try {
      const body = { receipt, userSignature };
      if (providerSignature) body.providerSignature = providerSignature;
      if (this.acceptance) body.ticketAcceptance = this.acceptance;
      try {
        res.record = await closeAtRouter(this.fetch, url, body);
      } catch (e) {
        // The announcement or the countersignature was not the provider's signer's: close without them.
        if (!(body.ticketAcceptance || body.providerSignature) || (e.code !== 'bad_signature' && e.code !== 'bad_provider_signature')) throw e;
        delete body.ticketAcceptance;
        delete body.providerSignature;
        res.record = await closeAtRouter(this.fetch, url, body);
      }
      if (body.ticketAcceptance) res.ticketAcceptance = body.ticketAcceptance;
      if (body.providerSignature) res.providerSignature = body.providerSignature;
      // A 2xx must record this very close (client/close.go ErrRecordNotCarried): one with another receipt,
      // or none, is what the router made up, not the close keepers will be shown.
      if (!carries(res.record, receipt, userSignature)) {
        throw Object.assign(new Error('the router answered the close with a record that does not carry this receipt and signature'), { code: 'record_not_carried' });
      }
    } catch (e) {
      // Closed already: with this very receipt and signature when the provider reported them itself (its
      // signer failed to countersign: it answered 503), as client/close.go closedWith takes it; with another
      // close, an error naming both.
      if (e.code !== 'session_closed') throw e;
      const rec = await callJSON(this.fetch, `${this.routerBase}/v1/sessions/${this.id}`).catch(() => null);
      if (rec?.receipt && !carries(rec, receipt, userSignature)) throw otherClose(receipt, rec, countersigned, e);
      if (!carries(rec, receipt, userSignature)) throw e;
      res.record = rec;
      if (rec.ticketAcceptance) res.ticketAcceptance = rec.ticketAcceptance;
      if (rec.providerSignature) res.providerSignature = rec.providerSignature;
    }
    res.via = 'router';
    this.closed = res;
    return res;
  }

  /**
   * Posts the signed receipt to the provider and returns its answer when it countersigns this very receipt
   * by the signer of every acceptance of the ticket the page holds (announced on its answers, or in this
   * answer); anything else throws (client/close.go closeAtProvider).
   */
  async closeAtProvider(receipt, userSignature) {
    const out = await callJSON(this.fetch, `${this.base}/v1/sessions/${this.id}/close`, { receipt, userSignature });
    if (JSON.stringify(normReceipt(out?.receipt ?? {})) !== JSON.stringify(normReceipt(receipt))) throw new Error('the provider countersigned another receipt than the one sent');
    let signer;
    try {
      signer = recoverAddress(digest712(this.chainId, this.marketplace, 'UsageReceipt', receipt), out.providerSignature);
    } catch (e) {
      throw new Error(`the provider's countersignature is not a signature: ${e.message}`);
    }
    for (const acc of [this.acceptance, out.ticketAcceptance]) {
      if (!acc) continue;
      let a = '';
      try { a = recoverAddress(acceptanceDigest(this.chainId, this.marketplace, this.grant.ticket, this.ticketRouter), acc); } catch { /* not a signature */ }
      if (a !== signer) throw new Error(`the provider's countersignature is by ${signer}, its acceptance of the ticket by ${a || 'no key'}`);
    }
    if (out.ticketAcceptance && !this.acceptance) this.acceptance = out.ticketAcceptance;
    return out;
  }

  /**
   * Reads the router's record of the session (GET /v1/sessions/{id}) after the provider took the close, up
   * to closeConfirm.reads times, the pause doubling: the record when it carries this receipt and signature,
   * null when it holds no close (the page then closes there); another close rejects 'other_close'.
   */
  async confirm(receipt, userSignature) {
    for (let i = 1, pause = closeConfirm.pauseMs; ; i++, pause *= 2) {
      const rec = await callJSON(this.fetch, `${this.routerBase}/v1/sessions/${this.id}`).catch(() => null);
      if (carries(rec, receipt, userSignature)) return rec;
      if (rec?.receipt) throw otherClose(receipt, rec, true);
      if (i >= closeConfirm.reads) return null;
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/** close's reads of the router's record after the provider took the close (client/close.go closeConfirmPause, closeConfirmReads); tests shorten pauseMs. */
export const closeConfirm = { pauseMs: 250, reads: 5 };

/** The error of a router holding another close of the session than this receipt (client.OtherCloseError). */
function otherClose(receipt, rec, countersigned, refusal) {
  const who = rec.userSignature && rec.providerSignature ? 'the user and the provider (another receipt)' : rec.providerSignature ? 'the provider alone' : 'the user alone (another receipt)';
  const billed = Number(rec.billedSeconds ?? 0), mine = Number(receipt.seconds);
  let msg = `the router holds another close than your receipt (${mine} s): receipt ${rec.receipt.seconds} s signed by ${who}, billed ${billed} s (${rec.closeReason ?? ''})`;
  if (billed > mine) msg += `, ${billed - mine} s more than your receipt`;
  if (countersigned) msg += '; the provider countersigned your receipt and closed the session otherwise at the router';
  return Object.assign(new Error(msg), { code: 'other_close', record: rec, countersigned, refusal });
}

/** closeAtRouter's pauses (client/close.go closeRetryPause, closeRetries); tests shorten pauseMs. */
export const closeRetry = { pauseMs: 1000, retries: 4 };

/**
 * POST a close to the router, again (closeRetry.retries times, the pause doubling) while it answers 503
 * unavailable (it cannot read the provider's signer at the chain's head just now) or 429 rate_limited
 * (the address is over the router's per-address limit), as client/close.go closeAtRouter.
 */
async function closeAtRouter(fetchFn, url, body) {
  for (let i = 0, pause = closeRetry.pauseMs; ; i++, pause *= 2) {
    try {
      return await callJSON(fetchFn, url, body);
    } catch (e) {
      if (i === closeRetry.retries || (e.code !== 'unavailable' && e.code !== 'rate_limited')) throw e;
    }
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** Whether the router's record rec holds this close: its very receipt and user signature (wire.SessionRecord.Carries). */
const carries = (rec, receipt, userSignature) => !!rec?.receipt
  && JSON.stringify(normReceipt(rec.receipt)) === JSON.stringify(normReceipt(receipt))
  && String(rec.userSignature).toLowerCase() === userSignature.toLowerCase();

const normReceipt = (r) => ({ sessionId: String(r.sessionId).toLowerCase(), seconds: String(r.seconds), inputTokens: String(r.inputTokens), outputTokens: String(r.outputTokens), ttftMs: String(r.ttftMs) });
