// The hostile side of bench/server-load.mjs, in a process of its own so that sending 1 MB bodies
// does not slow the event loop that autocannon measures latency on. 8 clients, each sending a 1 MB
// pathological prompt as soon as its previous one is answered, until the deadline; prints what
// they got as JSON. Usage: node bench/pathological-clients.mjs URL KEY SECONDS
const [url, key, seconds] = process.argv.slice(2);
const PROMPT_BYTES = 1_040_000;
const letters = 'abcdefghijklmnopqrstuvwxyz';
// A run of one letter (quadratic to count whole) and letters at random (costly to count at all).
const prompts = ['a'.repeat(PROMPT_BYTES), Array.from({ length: PROMPT_BYTES }, () => letters[Math.floor(Math.random() * 26)]).join('')].map(
  (content) => JSON.stringify({ model: 'demo-mini', messages: [{ role: 'user', content }] }),
);
const until = performance.now() + Number(seconds) * 1000;
const answers = [];
async function client(i) {
  for (let n = 0; performance.now() < until; n++) {
    const t0 = performance.now();
    let status;
    try {
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: prompts[(i + n) % 2],
        signal: AbortSignal.timeout(Math.ceil(until - t0) + 1000),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 'timeout';
    }
    answers.push({ status, ms: performance.now() - t0 });
  }
}
await Promise.all(Array.from({ length: 8 }, (_, i) => client(i)));
console.log(JSON.stringify(answers));
