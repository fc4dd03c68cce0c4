import { startPlatform } from './src/platform.ts';
const dataDir = process.argv[2]!;
const p = await startPlatform({ dataDir, demo: false, ports: 'free', log: () => {} });
try {
  const token = await p.mintToken!(['service'], 'x');
  for (const a of process.argv.slice(3)) {
    const r = await fetch(p.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ signals(model: "replay_volume", asOf: "${a}") { sets { features rows { symbol status featureEventTimes } } } }` }) });
    const b: any = await r.json();
    if (b.errors) console.log(JSON.stringify(b.errors));
    const row = b.data.signals.sets[0].rows[0];
    console.log(a, b.data.signals.sets[0].features.join(','), row.symbol, row.status, row.featureEventTimes.join(','));
  }
} finally { await p.stop(); }
