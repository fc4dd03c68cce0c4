export { checkCatalog } from './catalog.ts';
export { checkImports } from './imports.ts';
export { judge, KNOWN_VIOLATIONS, type KnownViolation, type Verdict } from './known-violations.ts';
export { createRules, TABLE_OWNERS } from './rules.ts';
export type { Violation } from './violation.ts';
