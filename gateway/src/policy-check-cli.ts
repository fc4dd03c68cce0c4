// `pnpm policy:check`: fails naming each field of the graph that states no authorization policy.
import { checkPolicies } from './policy-check.ts';

const missing = checkPolicies();
if (missing.length > 0) {
  console.error(
    `${missing.length} field(s) state no authorization policy (@requiresScopes, @authenticated or @policy):`,
  );
  for (const m of missing) console.error(`  - ${m}`);
  process.exit(1);
}
console.log('every field states its authorization policy');
