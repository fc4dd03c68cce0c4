import { identityFromAuthorization, type Role, type TokenVerifier } from '@alphagraph/auth';
import sdkManifest from '@alphagraph/sdk/persisted-documents.json' with { type: 'json' };
import { createGraphQLError } from '@graphql-tools/utils';

/**
 * Trusted documents: operations known ahead of time by their hash (the SDK's manifest, extracted
 * by codegen at build), sent as `extensions.persistedQuery.sha256Hash` instead of their text.
 * Callers whose roles are in `persistedOnlyRoles` (GATEWAY_PERSISTED_ONLY_ROLES, e.g. `service`)
 * may run only those; everyone else keeps free-form queries (analysts in GraphiQL).
 */
export interface TrustedDocumentsOptions {
  /** hash -> document; keys with or without the `sha256:` prefix. Default: the SDK's manifest. */
  documents?: Readonly<Record<string, string>> | undefined;
  /** Roles held to persisted operations only; empty (the default) lets everyone send free-form queries. */
  persistedOnlyRoles?: readonly Role[] | undefined;
}

export const SDK_TRUSTED_DOCUMENTS: Readonly<Record<string, string>> = sdkManifest;

const bare = (id: string) => id.replace(/^sha256:/, '');

export function createTrustedDocuments(options: TrustedDocumentsOptions, verifier: TokenVerifier) {
  const documents = new Map(
    Object.entries(options.documents ?? SDK_TRUSTED_DOCUMENTS).map(([id, text]) => [bare(id), text]),
  );
  const heldRoles = new Set(options.persistedOnlyRoles ?? []);

  /** The persisted id of a request body, if it names one. */
  const idOf = (extensions: unknown): string | undefined => {
    const pq = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null)?.persistedQuery;
    return pq?.version === 1 && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : undefined;
  };

  return {
    /** The text of a request's persisted operation (admission measures its cost before it runs). */
    documentFor(extensions: unknown): string | undefined {
      const id = idOf(extensions);
      return id === undefined ? undefined : documents.get(bare(id));
    },

    /** The runtime's `persistedDocuments` option. */
    runtimeOption: {
      getPersistedOperation: (id: string) => documents.get(bare(id)) ?? null,
      // A token that does not verify is let through here: authorization then refuses it, naming why.
      allowArbitraryDocuments: async (request: Request) => {
        if (heldRoles.size === 0) return true;
        const identity = await identityFromAuthorization(verifier, request.headers.get('authorization')).catch(
          () => null,
        );
        return !identity?.roles.some((role) => heldRoles.has(role));
      },
      customErrors: {
        notFound: (payload: { params: { extensions?: unknown } }) =>
          createGraphQLError(
            `Unknown persisted operation ${idOf(payload.params.extensions) ?? ''}: it is not among the gateway's ` +
              "trusted documents. Use an SDK built from this platform's schema (its manifest lists every id).",
            { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
          ),
        persistedQueryOnly: () =>
          createGraphQLError(
            `Free-form operations are refused for the ${[...heldRoles].join(', ')} role${heldRoles.size > 1 ? 's' : ''}: ` +
              'send a persisted operation id (extensions.persistedQuery.sha256Hash) from the trusted documents, as the SDK does.',
            { extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } } },
          ),
        keyNotFound: () =>
          createGraphQLError(
            'The request has neither a query nor a persisted operation id (extensions.persistedQuery.sha256Hash).',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          ),
      },
    },
  };
}

export type TrustedDocuments = ReturnType<typeof createTrustedDocuments>;
