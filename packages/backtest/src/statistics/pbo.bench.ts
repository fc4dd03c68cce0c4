/*
 * Times CSCV at the size of a real sweep: 100 configurations × 1,259 daily rows (five years) ×
 * C(16, 8) = 12,870 splits. Prints figures; gates nothing.
 *   npx tsx packages/backtest/src/statistics/pbo.bench.ts
 */
import { probabilityOfBacktestOverfitting } from './index.ts';
import { noiseMatrix, seededNormal } from './internal/fixtures.ts';

const rows = noiseMatrix(1259, 100, seededNormal(2024));
probabilityOfBacktestOverfitting(rows, { blocks: 16 }); // warm up the JIT
const runs = 5;
const times: number[] = [];
let pbo = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  pbo = probabilityOfBacktestOverfitting(rows, { blocks: 16 }).pbo;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(
  `CSCV 1259 rows × 100 configurations, S = 16 (12,870 splits): median ${times[runs >> 1]!.toFixed(1)} ms, ` +
    `min ${times[0]!.toFixed(1)} ms over ${runs} runs (PBO ${pbo.toFixed(3)})`,
);
