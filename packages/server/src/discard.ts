import type { IncomingMessage } from 'node:http';

/**
 * Before answering a request early (a body over the limit), reads and drops the rest of its body,
 * so that the client, still uploading, receives the answer instead of a reset connection (Node
 * closes a `Connection: close` socket as soon as the answer is sent; bytes still arriving then
 * make the kernel reset it). Resolves once the body has ended, or once the client has sent
 * `maxBytes` more or taken longer than `ms` (then the caller answers and the socket is cut).
 */
export function discardRestOfBody(req: IncomingMessage, options: { maxBytes: number; ms: number }): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      resolve();
    };
    const giveUp = () => {
      done();
      req.pause();
      req.once('close', () => {});
      setImmediate(() => req.destroy());
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > options.maxBytes) giveUp();
    };
    const timer = setTimeout(giveUp, options.ms);
    req.on('data', onData);
    req.once('end', done);
    req.once('close', done);
    req.resume();
  });
}
