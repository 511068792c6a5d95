/**
 * A TCP proxy on 127.0.0.1 that forwards everything, except that the first answer to a request
 * matching `dropWhen` is swallowed and the client's connection cut: the server has committed, the
 * client never hears about it.
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export async function dropFirstAnswer(target: string, dropWhen: RegExp): Promise<{ url: string; dropped: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    const server = connect(Number(upstream.port), upstream.hostname);
    sockets.add(server);
    let drop = false;
    client.on('data', (d) => {
      if (dropped === 0 && dropWhen.test(d.toString())) {
        drop = true;
        dropped++;
      }
      server.write(d);
    });
    server.on('data', (d) => {
      if (drop) {
        client.destroy();
        server.destroy();
        return;
      }
      client.write(d);
    });
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    client.on('error', () => {});
    server.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
