// A bench-only OpenAI-compatible upstream that can send a 10 MB answer, which the demo models (bound
// by their context length) cannot: /v1/chat/completions streams `max_tokens` pieces of ~4 bytes,
// 64 to an event-stream write, then a usage chunk and [DONE]. Prints its URL on stdout.
import { createServer } from 'node:http';

const WORDS = [' the', ' plan', ' token', ' pack', ' model', ' meter', ' river', ' stone'];

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end('{"error":{"type":"not_found","code":"not_found","message":"no such route","param":null}}');
    }
    const max = JSON.parse(body).max_tokens ?? 16;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'bench' });
    let i = 0;
    const pump = () => {
      while (i < max) {
        let batch = '';
        for (let j = 0; j < 64 && i < max; j++, i++) batch += `data: {"choices":[{"index":0,"delta":{"content":"${WORDS[i % WORDS.length]}"},"finish_reason":null}]}\n\n`;
        if (!res.write(batch)) return res.once('drain', pump);
      }
      const usage = { prompt_tokens: 10, completion_tokens: max, total_tokens: max + 10 };
      res.end(`data: {"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}\n\ndata: {"choices":[],"usage":${JSON.stringify(usage)}}\n\ndata: [DONE]\n\n`);
    };
    pump();
  });
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
