// Sends bombs back to back from its own thread until told to stop, then posts what came back: the
// bystander benchmark's hostile user, kept off the event loop that times the trader's requests.
import { parentPort, workerData } from 'node:worker_threads';
import { BOMBS, type BombOutcome, sendBomb } from './bombs.ts';

const { url, token, clients, only } = workerData as { url: string; token: string; clients: number; only?: string };
const bombs = only ? BOMBS.filter((b) => b.name === only) : BOMBS;
const outcomes: BombOutcome[] = [];
let stopped = false;
parentPort!.once('message', () => {
  stopped = true;
});
await Promise.all(
  Array.from({ length: clients }, async (_, client) => {
    for (let i = client; !stopped; i++) outcomes.push(await sendBomb(url, token, bombs[i % bombs.length]!));
  }),
);
parentPort!.postMessage(outcomes);
