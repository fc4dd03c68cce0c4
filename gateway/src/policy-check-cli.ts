// `pnpm policy:check`: fails naming each field of the graph that states no authorization policy.
import { checkDeniableFields, checkPolicies } from './policy-check.ts';

const missing = checkPolicies();
if (missing.length > 0) {
  console.error(
    `${missing.length} field(s) state no authorization policy (@requiresScopes, @authenticated or @policy):`,
  );
  for (const m of missing) console.error(`  - ${m}`);
  process.exit(1);
}
const deniable = checkDeniableFields();
if (deniable.length > 0) {
  console.error(
    `${deniable.length} non-null field(s) may be denied to a caller who can read their parent: make them nullable, so a denial nulls only the field:`,
  );
  for (const m of deniable) console.error(`  - ${m}`);
  process.exit(1);
}
console.log(
  'every field states its authorization policy, and every field a reader of its parent may be denied is nullable',
);
