import { MultiBar, Presets } from 'cli-progress';
import type { IngestPhase, ProgressListener } from '../modules/ingest/batch.ts';

const LABELS: Record<IngestPhase, string> = {
  read: 'read + parse',
  validate: 'validate',
  stage: 'stage',
  write: 'write',
  commit: 'commit',
};

/**
 * A progress bar per ingestion phase on stderr (stdout keeps the report). Reading counts the file's
 * bytes (compressed bytes for a .gz), staging counts rows.
 */
export function createProgressBars(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return plainProgress(stream);
  const multi = new MultiBar(
    {
      stream,
      format: ' {phase} |{bar}| {percentage}% | {value}/{total} {unit}',
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    Presets.shades_classic,
  );
  const bars = new Map<IngestPhase, ReturnType<MultiBar['create']>>();
  const listener: ProgressListener = (phase, done, total) => {
    let bar = bars.get(phase);
    if (!bar) {
      bar = multi.create(Math.max(total, 1), 0, {
        phase: LABELS[phase].padEnd(12),
        unit: phase === 'read' ? 'bytes' : 'rows',
      });
      bars.set(phase, bar);
    }
    bar.setTotal(Math.max(total, 1));
    bar.update(total === 0 ? 1 : done);
  };
  return { listener, stop: () => multi.stop() };
}

/** Without a terminal (a pipe, a log file): one line per finished phase instead of redrawn bars. */
function plainProgress(stream: NodeJS.WritableStream) {
  const finished = new Set<IngestPhase>();
  const started = Date.now();
  const listener: ProgressListener = (phase, done, total) => {
    if (done < total || finished.has(phase)) return;
    finished.add(phase);
    const unit = phase === 'read' ? 'bytes' : 'rows';
    stream.write(
      ` ${LABELS[phase].padEnd(12)} done: ${total.toLocaleString('en-US')} ${unit} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  };
  return { listener, stop: () => {} };
}
