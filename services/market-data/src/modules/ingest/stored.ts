import { z } from 'zod';
import { INTERVALS } from './mappings.ts';
import { ACTIONS, RULES } from './rules.ts';

/* Rules, actions and intervals are stored as text: read back, a value this version does not know fails loudly. */
export const storedRule = z.enum(RULES);
export const storedAction = z.enum(ACTIONS);
export const storedInterval = z.enum(INTERVALS);
