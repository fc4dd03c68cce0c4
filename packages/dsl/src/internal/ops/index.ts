import { ORDER_OPS } from './order.ts';
import { REGRESSION_OPS } from './regression.ts';
import { CROSS_OPS, ROLLING_OPS, TIME_WINDOW_OPS } from './rolling.ts';
import { SMOOTHING_OPS } from './smoothing.ts';
import type { WindowOp } from './types.ts';

export { SCALAR_OPS } from './scalar.ts';
export type { WindowContext, WindowOp } from './types.ts';

export const WINDOW_OPS: Readonly<Record<string, WindowOp>> = {
  ...ROLLING_OPS,
  ...TIME_WINDOW_OPS,
  ...REGRESSION_OPS,
  ...ORDER_OPS,
  ...SMOOTHING_OPS,
  ...CROSS_OPS,
};
