// Type tests: they run under `tsc` (the package's typecheck includes this file), where a wrong
// expectation or an unused `@ts-expect-error` fails the build; vitest runs them too.
import type { DomainErrorCode } from '@alphagraph/service';
import { describe, expectTypeOf, it } from 'vitest';
import { AlphagraphClient, type OnlineFeatures, type Signals } from './client.ts';
import { AlphagraphError, type AlphagraphErrorCode, type PlatformErrorCode } from './errors.ts';
import { OnlineFeaturesDocument, SignalsDocument } from './generated/graphql.ts';

// Never called: the expressions below are checked for their types only.
const client = new AlphagraphClient({ url: 'http://127.0.0.1:1/graphql' });
const typeOnly = (f: () => unknown) => f;

describe('typed results', () => {
  it('the online features selection comes back exactly as selected', () => {
    expectTypeOf<OnlineFeatures>().toEqualTypeOf<{
      features: string[];
      servedAt: string;
      asOf: string;
      unknownEntities: string[];
      rows: {
        entity: string;
        vector: (number | null)[];
        statuses: ('CURRENT' | 'EXPIRED' | 'MISSING')[];
        eventTimes: (string | null)[];
      }[];
    }>();
    expectTypeOf(client.onlineFeatures).returns.resolves.toEqualTypeOf<OnlineFeatures>();
  });

  it('a signal row has exactly the selected fields', () => {
    type Row = Signals['sets'][number]['rows'][number];
    expectTypeOf<Row>().toEqualTypeOf<{
      symbol: string;
      status: 'OK' | 'FEATURE_EXPIRED' | 'FEATURE_MISSING' | 'MODEL_KILLED' | 'NO_PRODUCTION_VERSION';
      prediction: number | null;
      probability: number | null;
    }>();
    // A field the document does not select is not there.
    expectTypeOf<Row>().not.toHaveProperty('instrument');
  });

  it('request() types a document by its own selection and variables', () => {
    typeOnly(() => {
      expectTypeOf(client.request(SignalsDocument, { model: 'm' })).resolves.toHaveProperty('signals');
      expectTypeOf(
        client.request(OnlineFeaturesDocument, { entities: ['AAPL'], features: ['f'] }),
      ).resolves.toEqualTypeOf<{ onlineFeatures: OnlineFeatures | null }>();
    });
  });
});

describe('wrong variables do not compile', () => {
  it('refuses a misspelled, missing or mistyped variable', () => {
    typeOnly(() =>
      // @ts-expect-error `entity` is not a variable of OnlineFeatures (it is `entities`)
      client.onlineFeatures({ entity: ['AAPL'], features: ['f'] }),
    );
    typeOnly(() =>
      // @ts-expect-error `features` is required
      client.onlineFeatures({ entities: ['AAPL'] }),
    );
    typeOnly(() =>
      // @ts-expect-error `model` is a String, not a number
      client.signals({ model: 42 }),
    );
    typeOnly(() =>
      // @ts-expect-error request() checks variables against the document too
      client.request(SignalsDocument, { name: 'm' }),
    );
    typeOnly(() =>
      // @ts-expect-error PromotionTarget is an enum: SIDEWAYS is not one of its values
      client.promoteVersion({ version: 'v', to: 'SIDEWAYS', reason: 'r' }),
    );
  });
});

describe('typed errors', () => {
  it('an error code is one of a closed union', () => {
    expectTypeOf<AlphagraphError['code']>().toEqualTypeOf<AlphagraphErrorCode>();
    expectTypeOf<'UNAVAILABLE'>().toExtend<AlphagraphErrorCode>();
    expectTypeOf<'SPINE_TOO_LARGE_TYPO'>().not.toExtend<AlphagraphErrorCode>();
    expectTypeOf(new AlphagraphError('TIMEOUT', 'x').graphQLError).toEqualTypeOf<AlphagraphError['graphQLError']>();
  });
});

describe('the error codes', () => {
  it("name every code a subgraph's domain error can carry (a type-only import: the SDK does not depend on the service)", () => {
    expectTypeOf<DomainErrorCode>().toExtend<PlatformErrorCode>();
  });
});
