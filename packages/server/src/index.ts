export { httpOrigin, type ListeningServer, listen } from './listen.ts';
export {
  INTERNAL_ERROR_MESSAGE,
  isGraphQLError,
  isOriginalGraphQLError,
  maskFormattedError,
  maskThrownError,
  replaceGraphQLError,
} from './masking.ts';
export { readSubgraphSdl } from './sdl.ts';
export { exitOnShutdownSignal, shutdownSignal } from './signals.ts';
