/** A CONNECT proxy on 127.0.0.1 that records the targets it tunnels to. */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export async function connectProxy(): Promise<{ url: string; targets: string[]; close: () => Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.once('data', (head) => {
      const m = /^CONNECT ([^ ]+) HTTP\/1\.[01]/.exec(head.toString());
      if (!m) return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      targets.push(m[1]!);
      const [host, port] = m[1]!.split(':');
      const upstream = connect(Number(port), host!, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: () => new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}
