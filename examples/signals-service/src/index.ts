export {
  createSignalsService,
  type SignalSnapshot,
  type SignalsService,
  type SignalsServiceOptions,
} from './service.ts';
