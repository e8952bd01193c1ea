// Unit tests of the chat page's protocol module (web/static/chat/session.mjs), no browser: every digest,
// signature and header equals what the Go code computes for the same inputs (fixtures/chat_vectors.json,
// written by web's TestChatVectors), metering follows protocol/usage, and the vendored @noble code is
// exactly what scripts/vendor-noble.mjs makes from the pinned packages.
//   node --test web/test/chat.lib.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as p from '../static/chat/session.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const V = JSON.parse(readFileSync(join(here, 'fixtures', 'chat_vectors.json'), 'utf8'));

test('EIP-712: domain, RFC and receipt digests and signatures equal the Go code', () => {
  assert.equal(p.toHex(p.domainSeparator(V.chainId, V.marketplace)), V.domainSeparator);
  assert.equal(p.toHex(p.digest712(V.chainId, V.marketplace, 'RFC', V.rfc)), V.rfcDigest);
  assert.equal(p.signDigest(p.fromHex(V.userKey), p.digest712(V.chainId, V.marketplace, 'RFC', V.rfc)), V.rfcSignature);
  assert.deepEqual(p.typedData(V.chainId, V.marketplace, 'RFC', V.rfc), V.rfcTypedData, 'the eth_signTypedData_v4 document');
  assert.equal(p.toHex(p.digest712(V.chainId, V.marketplace, 'UsageReceipt', V.receipt)), V.receiptDigest);
  assert.equal(p.signDigest(p.fromHex(V.sessionKeyPriv), p.fromHex(V.receiptDigest)), V.receiptSignature);
  assert.equal(p.recoverAddress(p.fromHex(V.rfcDigest), V.rfcSignature), V.user);
  assert.equal(p.addressOf(p.fromHex(V.sessionKeyPriv)), V.sessionKey);
  assert.equal(p.modelId('llama3:8b'), V.rfc.modelId);
});

test('request authentication: text, EIP-191 digest, signature and ticket header equal the Go code', () => {
  const r = V.request;
  const body = new TextEncoder().encode(r.body);
  const text = p.requestText(V.chainId, r.sessionId, r.seq, r.unix, r.method, r.path, body);
  assert.equal(text, r.text);
  assert.equal(p.toHex(p.personalDigest(text)), r.digest);
  assert.equal(p.signDigest(p.fromHex(V.sessionKeyPriv), p.personalDigest(text)), r.signature);
  assert.equal(p.ticketHeader(V.ticket, V.ticketSignature).length > 0, true);
  const decoded = JSON.parse(Buffer.from(V.ticketHeader, 'base64url').toString());
  assert.deepEqual(JSON.parse(Buffer.from(p.ticketHeader(V.ticket, V.ticketSignature), 'base64url').toString()), decoded);
});

test('X-LT-RFC: the header equals the Go code; sent with the session\'s requests until the provider answers one with a 2xx', async () => {
  assert.equal(p.rfcHeader(V.rfc, V.rfcSignature), V.rfcHeader, 'byte for byte wire.EncodeRFC');
  assert.deepEqual(JSON.parse(Buffer.from(V.rfcHeader, 'base64url').toString()), { rfc: V.rfc, signature: V.rfcSignature });

  const grant = { sessionId: V.ticket.sessionId, ticket: V.ticket, ticketSignature: V.ticketSignature, endpoint: 'http://provider.test/v1', pricePerSecond: V.ticket.pricePerSecond };
  const key = { priv: p.fromHex(V.sessionKeyPriv), address: V.sessionKey };
  const sse = (s) => new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(s)); c.close(); } });
  const sent = [];
  let refuse = 1; // the first request is refused (capacity): the session is not open yet
  const fetchFn = async (url, init) => {
    sent.push(init.headers['X-LT-RFC']);
    if (refuse-- > 0) return Response.json({ error: { code: 'capacity', message: 'busy' } }, { status: 429 });
    return new Response(sse('data: {"choices":[{"delta":{"content":"hi"}}]}\n\ndata: [DONE]\n\n'), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  };
  const s = new p.Session({ grant, key, chainId: V.chainId, marketplace: V.marketplace, routerBase: 'http://router.test', rfc: { rfc: V.rfc, signature: V.rfcSignature }, fetchFn });
  await assert.rejects(s.chat('llama3:8b', [{ role: 'user', content: 'hello' }]));
  assert.equal(await s.chat('llama3:8b', [{ role: 'user', content: 'hello' }]), 'hi');
  assert.equal(await s.chat('llama3:8b', [{ role: 'user', content: 'again' }]), 'hi');
  assert.deepEqual(sent, [V.rfcHeader, V.rfcHeader, undefined], 'carried until the first 2xx, then not');
});

test('newRFC: v2 wire form the router decodes', () => {
  const key = p.newSessionKey();
  const rfc = p.newRFC({ user: V.user.toLowerCase(), model: 'llama3:8b', maxPricePerSecond: 2000000000000000n, maxSeconds: 300, sessionKey: key.address, now: 1_700_000_000_000 });
  assert.equal(rfc.user, V.user);
  assert.equal(rfc.deadline, '1700000300');
  assert.equal(rfc.useDeposit, false);
  assert.match(rfc.nonce, /^(0|[1-9][0-9]*)$/);
  assert.ok(BigInt(rfc.nonce) < 2n ** 64n);
  assert.equal(rfc.sessionKey, key.address);
  assert.equal(p.checksumAddress(key.address.toLowerCase()), key.address);
});

test('metering: union of intervals rounded up, usage object else estimates (protocol/usage)', () => {
  const m = new p.Meter();
  const a = m.start(1000), b = m.start(1500);
  m.finish(a, 3000, 10, 20, 300);
  assert.equal(m.figures(3200).seconds, 3, 'open request counts up to now: 1000..3200 = 2.2 s → 3');
  m.finish(b, 3500, 1, 2, 50);
  const c = m.start(10_000);
  m.finish(c, 10_001, 0, 0, 0);
  assert.deepEqual(m.figures(20_000), { seconds: 3, inputTokens: 11, outputTokens: 22, ttftMs: 300 }, '2.5 s + 1 ms → 3 s; first TTFT');

  const ct = new p.Counter(41);
  assert.equal(ct.chunk('{"choices":[{"delta":{"role":"assistant","content":""}}]}'), false);
  assert.equal(ct.chunk('{"choices":[{"delta":{"content":"hé"}}]}'), true);
  assert.equal(ct.chunk('{"choices":[{"delta":{"content":"x"}}]}'), true);
  assert.equal(ct.chunk('not json'), false);
  assert.deepEqual(ct.tokens(), [11, 2], 'no usage: ceil(41/4) in, one per text chunk out');
  ct.chunk('{"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3}}');
  assert.deepEqual(ct.tokens(), [7, 3], 'the usage object wins');
  ct.chunk('{"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":9}}');
  assert.deepEqual(ct.tokens(), [7, 4], 'but claims no more output than the 4 bytes of text received');
  const stalled = new p.Counter(41);
  stalled.chunk('{"choices":[{"delta":{}}],"usage":{"prompt_tokens":3,"completion_tokens":17700}}');
  assert.deepEqual(stalled.tokens(), [3, 0], 'no text received: no output, whatever the usage object claims');

  // Tool calls and reasoning are generated text too: an honest answer made only of them keeps its output.
  const tools = new p.Counter(41);
  assert.equal(tools.chunk('{"choices":[{"delta":{"content":null,"tool_calls":[{"index":0,"id":"c","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}'), true);
  assert.equal(tools.chunk('{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":\\"Paris\\"}"}}]}}]}'), true);
  tools.chunk('{"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":12}}');
  assert.deepEqual(tools.tokens(), [30, 12], 'a tool-call-only stream keeps its claim within its 27 bytes');
  tools.chunk('{"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":500}}');
  assert.deepEqual(tools.tokens(), [30, 27], 'and is capped by them');
  const legacy = new p.Counter(41);
  assert.equal(legacy.chunk('{"choices":[{"message":{"content":null,"function_call":{"name":"lookup","arguments":"{}"}}}],"usage":{"prompt_tokens":5,"completion_tokens":100}}'), true);
  assert.deepEqual(legacy.tokens(), [5, 8], 'the legacy function_call counts');
  const reasoning = new p.Counter(41);
  assert.equal(reasoning.chunk('{"choices":[{"delta":{"content":"","reasoning_content":"Let me think."}}]}'), true);
  assert.equal(reasoning.chunk('{"choices":[{"delta":{"reasoning":" Done"}}]}'), true);
  reasoning.chunk('{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":100}}');
  assert.deepEqual(reasoning.tokens(), [3, 18], 'reasoning_content and reasoning count');
  const refusal = new p.Counter(41);
  assert.equal(refusal.chunk('{"choices":[{"delta":{"content":null,"refusal":"I can\'t help"}}]}'), true);
  refusal.chunk('{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":40}}');
  assert.deepEqual(refusal.tokens(), [3, 12], 'a refusal counts, as in protocol/usage');
  assert.equal(p.readChunk('{"choices":[{"message":{"content":"abc","tool_calls":[5,{"function":{"name":"f","arguments":{"x":1}}}],"reasoning":5}}]}').text, 4,
    'odd shapes count only their strings');
});

test('server-sent events: data of each event, any line ending, comments skipped', async () => {
  const chunks = ['data: a\r', '\ndata: b\n\n: comment\n\ndata:c\r\rdata: [DONE]\n', '\n'];
  const body = new ReadableStream({ start(c) { for (const s of chunks) c.enqueue(new TextEncoder().encode(s)); c.close(); } });
  const got = [];
  for await (const d of p.sseData(body)) got.push(d);
  assert.deepEqual(got, ['a\nb', 'c', '[DONE]']);
});

test('the vendored @noble modules are what scripts/vendor-noble.mjs makes from the pinned packages', () => {
  execFileSync(process.execPath, [resolve(here, '..', '..', 'scripts', 'vendor-noble.mjs'), '--check'], { stdio: 'pipe' });
});

test('ticket acceptance: the digest equals the Go code; a close at the router carries the announced one', async () => {
  const digest = p.acceptanceDigest(V.chainId, V.marketplace, V.ticket, V.ticketRouter);
  assert.equal(p.toHex(p.digest712(V.chainId, V.marketplace, 'SessionTicket', V.ticket)), V.ticketDigest);
  assert.equal(p.toHex(digest), V.acceptanceDigest);
  assert.equal(p.recoverAddress(digest, V.acceptanceSignature), V.acceptanceSigner);
  // It names the router that signed the ticket: under another router key it is no acceptance of the provider's.
  const elsewhere = p.acceptanceDigest(V.chainId, V.marketplace, V.ticket, V.marketplace);
  assert.notEqual(p.recoverAddress(elsewhere, V.acceptanceSignature), V.acceptanceSigner);

  const grant = { sessionId: V.ticket.sessionId, ticket: V.ticket, ticketSignature: V.ticketSignature, endpoint: 'http://provider.test/v1', pricePerSecond: V.ticket.pricePerSecond };
  const key = { priv: p.fromHex(V.sessionKeyPriv), address: V.sessionKey };
  const sse = (s) => new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(s)); c.close(); } });
  const run = async (routerRefuses, unavailable = 0, refusal = { status: 503, code: 'unavailable' }) => {
    const posts = [];
    const fetchFn = async (url, init) => {
      if (url.endsWith('/v1/chat/completions')) {
        return new Response(sse('data: {"choices":[{"delta":{"content":"hi"}}]}\n\ndata: [DONE]\n\n'),
          { status: 200, headers: { 'Content-Type': 'text/event-stream', 'X-LT-Ticket-Acceptance': V.acceptanceSignature } });
      }
      const body = JSON.parse(init.body);
      posts.push(body);
      if (posts.length <= unavailable) return Response.json({ error: { code: refusal.code, message: 'try again' } }, { status: refusal.status });
      if (routerRefuses && body.ticketAcceptance) return Response.json({ error: { code: 'bad_signature', message: 'not the signer' } }, { status: 401 });
      return Response.json({ sessionId: grant.sessionId, state: 'closed', receipt: body.receipt, userSignature: body.userSignature });
    };
    const s = new p.Session({ grant, key, chainId: V.chainId, marketplace: V.marketplace, routerBase: 'http://router.test', fetchFn });
    assert.equal(s.ticketRouter, V.ticketRouter, 'the ticket\'s signer, recovered from its signature');
    assert.equal(await s.chat('llama3:8b', [{ role: 'user', content: 'hello' }]), 'hi');
    const res = await s.close(false);
    return { posts, res };
  };
  const ok = await run(false);
  assert.equal(ok.posts.length, 1);
  assert.equal(ok.posts[0].ticketAcceptance, V.acceptanceSignature, 'the close at the router carries the provider\'s acceptance');
  assert.equal(ok.res.ticketAcceptance, V.acceptanceSignature);
  const refused = await run(true);
  assert.deepEqual(refused.posts.map((b) => 'ticketAcceptance' in b), [true, false], 'refused: closed again without it');
  assert.equal(refused.res.via, 'router');
  assert.equal(refused.res.ticketAcceptance, undefined);
  // A 503 unavailable (the router cannot read the provider's signer at the chain's head) is tried again,
  // with the acceptance; the page used to fail the close at once.
  const pauseMs = p.closeRetry.pauseMs;
  p.closeRetry.pauseMs = 1;
  try {
    const retried = await run(false, 2);
    assert.deepEqual(retried.posts.map((b) => 'ticketAcceptance' in b), [true, true, true], 'tried again on each 503, with the acceptance');
    assert.equal(retried.res.ticketAcceptance, V.acceptanceSignature);
    // So is a 429 rate_limited (the address over the router's per-address limit).
    const limited = await run(false, 2, { status: 429, code: 'rate_limited' });
    assert.equal(limited.posts.length, 3, 'tried again on each 429');
    assert.equal(limited.res.via, 'router');
  } finally {
    p.closeRetry.pauseMs = pauseMs;
  }
});

test('close: a router already holding the provider\'s report of this very receipt counts as the close', async () => {
  const grant = { sessionId: V.ticket.sessionId, ticket: V.ticket, ticketSignature: V.ticketSignature, endpoint: 'http://provider.test/v1', pricePerSecond: V.ticket.pricePerSecond };
  const key = { priv: p.fromHex(V.sessionKeyPriv), address: V.sessionKey };
  // The provider's signer failed: it answers 503 and reports the user's receipt itself, which reaches the
  // router first (409 session_closed); the router's record then holds that receipt (mine) or another close.
  const run = async (mine) => {
    let sent;
    const fetchFn = async (url, init) => {
      if (url.startsWith('http://provider.test')) {
        sent = JSON.parse(init.body);
        return Response.json({ error: { code: 'unavailable', message: 'the provider\'s signer did not countersign the receipt' } }, { status: 503 });
      }
      if (init.method === 'POST') return Response.json({ error: { code: 'session_closed', message: 'closed' } }, { status: 409 });
      const receipt = mine ? sent.receipt : { ...sent.receipt, seconds: '5' };
      return Response.json({ sessionId: grant.sessionId, state: 'closed', receipt, userSignature: mine ? sent.userSignature : undefined,
        ticketAcceptance: V.acceptanceSignature });
    };
    const s = new p.Session({ grant, key, chainId: V.chainId, marketplace: V.marketplace, routerBase: 'http://router.test', fetchFn });
    return s.close();
  };
  const res = await run(true);
  assert.equal(res.via, 'router');
  assert.equal(res.record.userSignature, res.userSignature);
  assert.equal(res.ticketAcceptance, V.acceptanceSignature, 'the acceptance the router\'s close carries');
  await assert.rejects(run(false), (e) => e.code === 'other_close' && e.refusal.code === 'session_closed' && !e.countersigned,
    'another close is not taken for this one');
});

test('close: a router\'s 2xx whose record is not this close is not taken for it', async () => {
  const grant = { sessionId: V.ticket.sessionId, ticket: V.ticket, ticketSignature: V.ticketSignature, endpoint: 'http://provider.test/v1', pricePerSecond: V.ticket.pricePerSecond };
  const key = { priv: p.fromHex(V.sessionKeyPriv), address: V.sessionKey };
  // A hostile router answers the close 200 with a record of another receipt (more seconds), without the
  // user's signature, or with none at all (client TestCloseRefusesARecordThatIsNotItsClose).
  const run = (record) => {
    const fetchFn = async (url, init) => Response.json(record(JSON.parse(init.body)));
    const s = new p.Session({ grant, key, chainId: V.chainId, marketplace: V.marketplace, routerBase: 'http://router.test', fetchFn });
    return s.close(false);
  };
  const mine = await run((b) => ({ sessionId: grant.sessionId, state: 'closed', receipt: b.receipt, userSignature: b.userSignature }));
  assert.equal(mine.via, 'router');
  for (const record of [
    (b) => ({ sessionId: grant.sessionId, state: 'closed', receipt: { ...b.receipt, seconds: '600' }, userSignature: b.userSignature }),
    (b) => ({ sessionId: grant.sessionId, state: 'closed', receipt: b.receipt, providerSignature: b.userSignature }),
    () => ({}),
  ]) {
    await assert.rejects(run(record), (e) => e.code === 'record_not_carried');
  }
});

test('close: a provider\'s close is taken only when its countersignature and the router\'s record confirm it', async () => {
  const grant = { sessionId: V.ticket.sessionId, ticket: V.ticket, ticketSignature: V.ticketSignature, endpoint: 'http://provider.test/v1', pricePerSecond: V.ticket.pricePerSecond };
  const key = { priv: p.fromHex(V.sessionKeyPriv), address: V.sessionKey };
  // The provider's signer (web's TestChatVectors signs the acceptance with anvil's development account 1).
  const signerPriv = p.fromHex('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
  const strangerPriv = p.fromHex('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
  const countersign = (priv, receipt) => p.signDigest(priv, p.digest712(V.chainId, V.marketplace, 'UsageReceipt', receipt));
  // answer: the provider's answer to the close; report: when the provider's close (its report, or its own
  // one-sided close: 'before') reaches the router.
  const run = async ({ answer, report = 'never', alone = null }) => {
    const router = { record: { sessionId: grant.sessionId, state: 'open' }, posts: [], reads: 0 };
    const take = (b, billed) => {
      if (router.record.receipt) return false;
      router.record = { sessionId: grant.sessionId, state: 'closed', receipt: b.receipt, userSignature: b.userSignature, providerSignature: b.providerSignature,
        ticketAcceptance: b.ticketAcceptance, billedSeconds: String(billed ?? b.receipt.seconds), closeReason: b.userSignature && b.providerSignature ? 'receipt' : 'one_sided' };
      return true;
    };
    if (alone) take(alone, 1201);
    let reported;
    const fetchFn = async (url, init) => {
      if (url.startsWith('http://provider.test')) {
        const b = JSON.parse(init.body);
        const out = answer(b);
        if (out.status === 200) reported = { ...b, providerSignature: out.body.providerSignature };
        return Response.json(out.body, { status: out.status });
      }
      if (init.method === 'GET') {
        router.reads++;
        if (report === 'second read' && router.reads === 2) take(reported);
        return Response.json(router.record);
      }
      const b = JSON.parse(init.body);
      router.posts.push(b);
      if (!take(b)) return Response.json({ error: { code: 'session_closed', message: 'closed' } }, { status: 409 });
      return Response.json(router.record);
    };
    const s = new p.Session({ grant, key, chainId: V.chainId, marketplace: V.marketplace, routerBase: 'http://router.test', fetchFn });
    s.acceptance = V.acceptanceSignature; // announced on the provider's answers
    s.meter.finish(s.meter.start(0), 60_000, 10, 500, 100); // 60 s used
    try {
      return { res: await s.close(), router };
    } catch (e) {
      return { err: e, router };
    }
  };
  const pause = p.closeConfirm.pauseMs;
  p.closeConfirm.pauseMs = 1;
  try {
    const signed = (priv) => (b) => ({ status: 200, body: { receipt: b.receipt, userSignature: b.userSignature, providerSignature: countersign(priv, b.receipt) } });
    // Honest: reported while the page reads the router's record; the page posts no close.
    const honest = await run({ answer: signed(signerPriv), report: 'second read' });
    assert.equal(honest.res.via, 'provider');
    assert.equal(honest.router.posts.length, 0);
    assert.equal(honest.res.record.closeReason, 'receipt');
    // Hostile: 200 with a countersignature by another key, or its signer's never reported, or a 400: the
    // router ends up holding the user's receipt (before, the 200 was taken for the close and a 400 thrown).
    for (const [answer, withCountersignature] of [[signed(strangerPriv), false], [signed(signerPriv), true],
      [() => ({ status: 400, body: { error: { code: 'bad_request', message: 'no' } } }), false]]) {
      const { res, router, err } = await run({ answer });
      assert.equal(err, undefined);
      assert.equal(res.via, 'router');
      assert.ok(res.providerError);
      assert.equal(router.record.receipt.seconds, '60', 'the router holds the user\'s receipt');
      assert.equal(router.record.userSignature, res.userSignature);
      assert.equal(!!router.record.providerSignature, withCountersignature, 'the countersignature only when the acceptance\'s signer\'s');
    }
    // The provider closed alone first (1,201 s billed) and answers 200: an error naming both closes.
    const aloneReceipt = { sessionId: grant.sessionId.toLowerCase(), seconds: '3600', inputTokens: '0', outputTokens: '5000', ttftMs: '0' };
    const alone = { receipt: aloneReceipt, providerSignature: countersign(signerPriv, aloneReceipt) };
    for (const answer of [signed(signerPriv), () => ({ status: 409, body: { error: { code: 'session_closed', message: 'closed' } } })]) {
      const { err } = await run({ answer, alone });
      assert.equal(err?.code, 'other_close');
      assert.match(err.message, /your receipt \(60 s\): receipt 3600 s signed by the provider alone, billed 1201 s/);
      assert.match(err.message, /1141 s more than your receipt/);
    }
  } finally {
    p.closeConfirm.pauseMs = pause;
  }
});
