#!/usr/bin/env node
// Runs the TypeScript checker from source through tsx, like the other workspace bins.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
