import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { BuiltTrainingSet, CallOptions } from './client.ts';
import type { TrainingSplit } from './generated/graphql.ts';

/**
 * Node only: streams a built training set's Parquet file to `path` (never whole in memory). The
 * file appears only once complete: it is written beside the target and renamed.
 */
export async function writeTrainingSet(
  built: BuiltTrainingSet,
  path: string,
  options: CallOptions & {
    split?: TrainingSplit;
    /** Called as bytes arrive, with the file's size when the server declares it. */
    onProgress?: (bytes: number, total: number | undefined) => void;
  } = {},
): Promise<{ path: string; bytes: number }> {
  const link = options.onProgress ? await built.link(options.split, options) : undefined;
  const body = await built.stream(options.split, options);
  const partial = `${path}.partial`;
  let bytes = 0;
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  source.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    options.onProgress?.(bytes, link?.bytes);
  });
  try {
    await pipeline(source, createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path, bytes };
}
