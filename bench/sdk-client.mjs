// The peer: the official openai SDK streaming the same request, writing each token as it arrives
// (as its README shows). Usage: node bench/sdk-client.mjs BASE_URL KEY MODEL MAX_TOKENS PROMPT
import OpenAI from 'openai';

const [base, key, model, max, prompt] = process.argv.slice(2);
const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: key });
const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }], max_tokens: Number(max), stream: true, stream_options: { include_usage: true } });
for await (const chunk of stream) {
  const text = chunk.choices[0]?.delta?.content;
  if (text) process.stdout.write(text);
}
process.stdout.write('\n');
