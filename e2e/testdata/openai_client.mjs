// The official OpenAI Node SDK against the Lake Travis gateway, unchanged: list models, one completion,
// one streamed completion. Run by e2e_test.go as `node e2e/testdata/openai_client.mjs` with
// LT_GATEWAY_URL and LT_MODEL set; prints one JSON object.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: `${process.env.LT_GATEWAY_URL}/v1`, apiKey: 'not-needed', maxRetries: 0 });
const model = process.env.LT_MODEL;
const messages = [{ role: 'user', content: 'What is Lake Travis?' }];

const models = [];
for await (const m of client.models.list()) models.push(m.id);

const completion = await client.chat.completions.create({ model, messages });

const stream = await client.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
let streamed = '';
let chunks = 0;
let usage = null;
for await (const chunk of stream) {
  chunks++;
  streamed += chunk.choices[0]?.delta?.content ?? '';
  if (chunk.usage) usage = chunk.usage;
}

console.log(JSON.stringify({
  models,
  text: completion.choices[0].message.content,
  finishReason: completion.choices[0].finish_reason,
  usage: completion.usage,
  streamed,
  chunks,
  streamUsage: usage,
}));
