import { mkdirSync } from 'node:fs';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

export interface EmbeddedServer {
  /** A postgres:// URL for other processes. Clients must not use named prepared statements. */
  readonly url: string;
  readonly pglite: PGlite;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const SYNC = Uint8Array.from([0x53, 0, 0, 0, 4]);

/**
 * Serves one embedded PGlite database over the Postgres wire protocol on loopback, so the
 * platform's separate service processes can share it on a machine with no Postgres server.
 *
 * PGlite is one backend session. Clients are multiplexed onto it with the rule a real backend
 * gives each connection: a client owns the session from its first message until the session
 * reports ReadyForQuery with status idle. So an extended-protocol batch (Parse/Bind/Execute/Sync)
 * or a whole transaction is never interleaved with another client's messages. A client that
 * disconnects while owning the session has its batch synced and its transaction rolled back.
 */
export async function serveEmbeddedPostgres(options: {
  dataDir?: string | undefined;
  pglite?: PGlite | undefined;
  port?: number;
  host?: string;
}): Promise<EmbeddedServer> {
  let pglite = options.pglite;
  if (!pglite) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir);
  }
  const db = pglite;
  const session = new SessionOwner();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    socket.setNoDelay(true); // small request/response messages: no Nagle delay
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    handleConnection(socket, db, session);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const owned = !options.pglite;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    pglite: db,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (owned) await db.close();
    },
  };
}

/** FIFO ownership of the single backend session. */
class SessionOwner {
  private owner: object | null = null;
  private readonly waiting: { who: object; grant: () => void }[] = [];

  async acquire(who: object): Promise<void> {
    if (this.owner === who) return;
    if (this.owner === null) {
      this.owner = who;
      return;
    }
    await new Promise<void>((grant) => this.waiting.push({ who, grant }));
  }

  isOwner(who: object): boolean {
    return this.owner === who;
  }

  release(who: object): void {
    if (this.owner !== who) return;
    const next = this.waiting.shift();
    this.owner = next ? next.who : null;
    next?.grant();
  }

  forget(who: object): void {
    const i = this.waiting.findIndex((w) => w.who === who);
    if (i >= 0) this.waiting.splice(i, 1);
  }
}

function handleConnection(socket: Socket, db: PGlite, session: SessionOwner): void {
  const me = {};
  let buffer = Buffer.alloc(0);
  let started = false;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  const exec = async (message: Uint8Array): Promise<void> => {
    await session.acquire(me);
    if (closed) return;
    const out = await db.runExclusive(() => db.execProtocolRaw(message));
    if (!closed && out.length > 0) socket.write(out);
    const status = lastReadyStatus(out);
    if (status === 'I') session.release(me);
  };

  const cleanUp = async (): Promise<void> => {
    session.forget(me);
    if (!session.isOwner(me)) return;
    try {
      let status = lastReadyStatus(await db.runExclusive(() => db.execProtocolRaw(SYNC)));
      if (status !== 'I') {
        status = lastReadyStatus(await db.runExclusive(() => db.execProtocolRaw(simpleQuery('ROLLBACK'))));
      }
    } finally {
      session.release(me);
    }
  };

  socket.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        const code = buffer.readInt32BE(4);
        if (buffer.length < length) return;
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) {
          socket.write('N');
          continue;
        }
        if (code === CANCEL_REQUEST) {
          socket.end();
          return;
        }
        if (code !== PROTOCOL_3) {
          socket.destroy();
          return;
        }
        started = true;
        const message = buildStartup(code);
        chain = chain.then(() => exec(message));
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const message = Uint8Array.from(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
      if (message[0] === 0x58 /* X: Terminate */) {
        socket.end();
        return;
      }
      chain = chain
        .then(() => exec(message))
        .catch(() => {
          socket.destroy();
        });
    }
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    closed = true;
    chain = chain.then(cleanUp, cleanUp);
  });
}

/**
 * PGlite answers a plain protocol-3 startup message; the parameters the client sent (user,
 * database) do not matter to a single embedded database, so a minimal one is forwarded.
 */
function buildStartup(code: number): Uint8Array {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0', 'latin1');
  const out = Buffer.alloc(8 + params.length);
  out.writeInt32BE(out.length, 0);
  out.writeInt32BE(code, 4);
  params.copy(out, 8);
  return out;
}

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const out = Buffer.alloc(5 + body.length);
  out.write('Q', 0, 'latin1');
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

/** The transaction status of the last ReadyForQuery in a backend response, if any. */
function lastReadyStatus(out: Uint8Array): string | undefined {
  let status: string | undefined;
  let i = 0;
  const view = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  while (i + 5 <= view.length) {
    const type = view[i];
    const length = view.readInt32BE(i + 1);
    if (type === 0x5a /* Z */ && length === 5 && i + 5 < view.length) status = String.fromCharCode(view[i + 5]!);
    i += 1 + length;
  }
  return status;
}
