import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { deniableNonNullFields, fieldsWithoutPolicy } from './policy-check.ts';

/** A subscription is held to the policy rules as a query is, its single root field aside. */
const SDL = parse(/* GraphQL */ `
  type Alert {
    id: ID! @requiresScopes(scopes: [["viewer"]])
    "Denied to a viewer: must be nullable."
    detail: String! @requiresScopes(scopes: [["analyst"]])
    unguarded: String
  }
  type Query {
    alerts: [Alert!] @requiresScopes(scopes: [["analyst"]])
  }
  type Subscription {
    alertRaised: Alert! @requiresScopes(scopes: [["analyst"]])
    unguardedTick: Int!
  }
`);

describe('policy rules over a Subscription type', () => {
  it('requires an authorization directive on every subscription field, as on query fields', () => {
    expect(fieldsWithoutPolicy(SDL, 'test')).toEqual(['Alert.unguarded (test)', 'Subscription.unguardedTick (test)']);
  });

  it('lets a subscription root field be non-null (it is asked alone) but checks the types it returns', () => {
    expect(deniableNonNullFields(SDL, 'test')).toEqual(['Alert.detail (test)']);
  });
});
