import type { Resolvers } from '../../generated/resolvers.ts';
import { checkTime } from '../input.ts';
import { corporateActionEnums } from './enums.ts';

export const corporateActionResolvers: Resolvers = {
  ...corporateActionEnums,
  Instrument: {
    corporateActions: (instrument, args, ctx) =>
      ctx.corporateActions.load({
        symbol: instrument.symbol,
        asOf: checkTime('corporateActions: asOf', args.asOf == null ? null : new Date(args.asOf)),
      }),
  },
};
