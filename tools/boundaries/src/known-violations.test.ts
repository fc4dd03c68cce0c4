import { expect, it } from 'vitest';
import { judge, type KnownViolation } from './known-violations.ts';
import type { Violation } from './violation.ts';

const violation = (rule: string, from: string, to: string): Violation => ({
  rule,
  from,
  to,
  message: `${from} ${rule}`,
});

it('tolerates a known violation only for its rule, file and target, and reports entries that no longer occur', () => {
  const known: KnownViolation[] = [
    { rule: 'no-service-file-path', from: 'packages/cli/src/platform.ts', to: "'services'", removedBy: 'item 4' },
    {
      rule: 'no-table-aggregate',
      from: 'packages/db/src/schema/index.ts',
      to: 'packages/db/src/schema/alt.ts',
      removedBy: 'item 1',
    },
  ];
  const listed = violation('no-service-file-path', 'packages/cli/src/platform.ts', "'services'");
  const sameFileOtherRule = violation('no-circular', 'packages/cli/src/platform.ts', 'packages/cli/src/ports.ts');
  const sameRuleOtherFile = violation('no-service-file-path', 'packages/cli/src/commands.ts', "'services'");

  expect(judge([listed, sameFileOtherRule, sameRuleOtherFile], known)).toEqual({
    unexpected: [sameFileOtherRule, sameRuleOtherFile],
    tolerated: [listed],
    stale: [known[1]],
  });
});
