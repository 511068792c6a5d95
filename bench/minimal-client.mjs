// The floor: a minimal node:http streaming chat client (no validation, no ledger), one stdout
// write per event-loop turn. Usage: node bench/minimal-client.mjs BASE_URL KEY MODEL MAX_TOKENS PROMPT
import { request } from 'node:http';

const [base, key, model, max, prompt] = process.argv.slice(2);
const body = JSON.stringify({ model, messages: [{ role: 'user', content: prompt }], max_tokens: Number(max), stream: true, stream_options: { include_usage: true } });
let pending = '';
let scheduled = false;
const flush = () => {
  scheduled = false;
  process.stdout.write(pending);
  pending = '';
};
const emit = (text) => {
  pending += text;
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
};
const req = request(`${base}/v1/chat/completions`, {
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
});
req.on('response', (res) => {
  if (res.statusCode !== 200) process.exit(1);
  res.setEncoding('utf8');
  let buffer = '';
  res.on('data', (text) => {
    buffer += text;
    let nl;
    while ((nl = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const chunk = JSON.parse(event.slice(6));
      const text = chunk.choices?.[0]?.delta?.content;
      if (text) emit(text);
    }
  });
  res.on('end', () => setImmediate(() => process.stdout.write('\n')));
});
req.on('error', () => process.exit(3));
req.end(body);
