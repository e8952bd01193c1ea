// The official OpenAI Node SDK against the Lake Travis gateway, unchanged: list models, a chat completion
// (whole and streamed), a legacy completion (whole and streamed), embeddings (the SDK's default base64
// and explicit floats), and bad input, which must come back as OpenAI errors the SDK understands. Run by
// e2e_test.go as `node e2e/testdata/openai_client.mjs` with LT_GATEWAY_URL and LT_MODEL set; prints one
// JSON object.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: `${process.env.LT_GATEWAY_URL}/v1`, apiKey: 'not-needed', maxRetries: 0 });
const model = process.env.LT_MODEL;
const messages = [{ role: 'user', content: 'What is Lake Travis?' }];

const models = [];
for await (const m of client.models.list()) models.push(m.id);

const completion = await client.chat.completions.create({ model, messages });

async function drain(stream, text) {
  let out = '';
  let chunks = 0;
  let usage = null;
  for await (const chunk of stream) {
    chunks++;
    out += text(chunk) ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  return { text: out, chunks, usage };
}

const stream = await drain(
  await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } }),
  (c) => c.choices[0]?.delta?.content,
);

const legacy = await client.completions.create({ model, prompt: 'Lake Travis is' });
const legacyStream = await drain(
  await client.completions.create({ model, prompt: 'Lake Travis is', stream: true, stream_options: { include_usage: true } }),
  (c) => c.choices[0]?.text,
);

const inputs = ['the first text', 'a second, longer piece of text'];
const embedded = await client.embeddings.create({ model, input: inputs }); // the SDK asks for base64
const floats = await client.embeddings.create({ model, input: inputs[0], encoding_format: 'float' });

// Bad input: each call must fail with an OpenAI error (status, type, code, param).
async function refusal(call) {
  try {
    await call();
    return { ok: true };
  } catch (e) {
    if (!(e instanceof OpenAI.APIError)) throw e;
    return { status: e.status, type: e.type, code: e.code, param: e.param, message: e.message };
  }
}
const errors = {
  noInput: await refusal(() => client.embeddings.create({ model })),
  badModel: await refusal(() => client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' })),
  unknownModel: await refusal(() => client.embeddings.create({ model: 'no-such-model:v1', input: 'x' })),
  upstreamRefuses: await refusal(() => client.embeddings.create({ model, input: 42, encoding_format: 'float' })),
  noPrompt: await refusal(() => client.completions.create({ model })),
  noMessages: await refusal(() => client.chat.completions.create({ model })),
};

console.log(JSON.stringify({
  models,
  text: completion.choices[0].message.content,
  finishReason: completion.choices[0].finish_reason,
  usage: completion.usage,
  streamed: stream.text,
  chunks: stream.chunks,
  streamUsage: stream.usage,
  legacy: { object: legacy.object, text: legacy.choices[0].text, usage: legacy.usage },
  legacyStream,
  embeddings: embedded.data.map((d) => ({ index: d.index, embedding: d.embedding })),
  embeddingUsage: embedded.usage,
  floats: floats.data[0].embedding,
  errors,
}));
