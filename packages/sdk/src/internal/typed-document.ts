import type { DocumentNode } from 'graphql';

/**
 * A document that carries its result and variables types; structurally the same as
 * @graphql-typed-document-node/core's (the generated documents are of that type), declared here
 * because that package ships types only.
 */
export interface TypedDocumentNode<TResult = Record<string, unknown>, TVariables = Record<string, unknown>>
  extends DocumentNode {
  __apiType?: (variables: TVariables) => TResult;
}
