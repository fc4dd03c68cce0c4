import { GraphQLScalarType } from 'graphql';
import type { RequestScope, ServiceContext, SubgraphResolvers } from './server.ts';

/**
 * One domain module of a subgraph (a folder under its `src/modules/`): the provider that does
 * the work (created once per process), the DataLoaders it reads through (built afresh for every
 * request) and the slice of the subgraph's resolver map that translates GraphQL to provider calls.
 */
export interface ServiceModule<Name extends string = string, Provider = unknown, Loaders extends object = object> {
  readonly name: Name;
  readonly provider: Provider;
  readonly loaders?: ((scope: RequestScope) => Loaders) | undefined;
  /** Typed where it is written (the service's codegen `Resolvers`), which is assignable here. */
  readonly resolvers: SubgraphResolvers;
}

export function defineModule<const Name extends string, Provider, Loaders extends object = object>(
  module: ServiceModule<Name, Provider, Loaders>,
): ServiceModule<Name, Provider, Loaders> {
  return module;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type LoadersOf<M> = M extends ServiceModule<string, unknown, infer L> ? L : never;

/** Every module's provider, by module name. */
export type ProvidersOf<M extends readonly ServiceModule[]> = {
  readonly [K in M[number] as K['name']]: K['provider'];
};

/** A request's context: who asks, every module's provider under `stores`, every module's loaders. */
export type ModuleContext<M extends readonly ServiceModule[]> = ServiceContext & {
  readonly stores: ProvidersOf<M>;
} & UnionToIntersection<LoadersOf<M[number]>>;

export interface AssembledService<M extends readonly ServiceModule[]> {
  readonly stores: ProvidersOf<M>;
  readonly resolvers: SubgraphResolvers;
  readonly context: (scope: RequestScope) => Promise<ModuleContext<M>>;
}

/**
 * The one way a subgraph is put together: its modules' resolver maps merged (a field resolved by two
 * modules is refused, so no module silently overrides another), providers gathered by module name,
 * and a context factory that builds every module's loaders for each request.
 */
export function assembleService<const M extends readonly ServiceModule[]>(options: {
  modules: M;
  scalars?: Readonly<Record<string, GraphQLScalarType>>;
}): AssembledService<M> {
  const { modules } = options;
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`two modules are named ${m.name}`);
    names.add(m.name);
  }
  const resolvers = mergeModuleResolvers([{ name: 'scalars', resolvers: { ...options.scalars } }, ...modules]);
  const stores = Object.fromEntries(modules.map((m) => [m.name, m.provider]));
  const loadersOf = (scope: RequestScope) => {
    const owner = new Map<string, string>();
    const loaders: Record<string, unknown> = {};
    for (const m of modules) {
      for (const [key, loader] of Object.entries(m.loaders?.(scope) ?? {})) {
        const other = owner.get(key);
        if (other || key === 'stores' || key in scope) {
          throw new Error(`modules ${other ?? 'context'} and ${m.name} both provide the context's ${key}`);
        }
        owner.set(key, m.name);
        loaders[key] = loader;
      }
    }
    return loaders;
  };
  // Collisions between loaders surface at assembly, not on a request.
  loadersOf({ identity: null, requestId: 'assembly' });
  return {
    stores: stores as ProvidersOf<M>,
    resolvers,
    // The mapped and intersected types are what the objects built here are; TypeScript cannot follow it.
    context: async (scope) => ({ ...scope, stores, ...loadersOf(scope) }) as unknown as ModuleContext<M>,
  };
}

/** Merges resolver maps type by type and field by field; a field two modules resolve is refused. */
export function mergeModuleResolvers(modules: readonly Pick<ServiceModule, 'name' | 'resolvers'>[]): SubgraphResolvers {
  const merged: Record<string, GraphQLScalarType | Record<string, unknown>> = {};
  const owners = new Map<string, string>();
  const claim = (coordinate: string, module: string) => {
    const other = owners.get(coordinate);
    if (other) throw new Error(`modules ${other} and ${module} both resolve ${coordinate}`);
    owners.set(coordinate, module);
  };
  for (const { name, resolvers } of modules) {
    for (const [type, entry] of Object.entries(resolvers)) {
      if (entry instanceof GraphQLScalarType) {
        claim(type, name);
        merged[type] = entry;
        continue;
      }
      const into = merged[type] ?? {};
      if (into instanceof GraphQLScalarType) throw new Error(`module ${name} resolves fields of scalar ${type}`);
      for (const [field, resolver] of Object.entries(entry)) {
        claim(`${type}.${field}`, name);
        into[field] = resolver;
      }
      merged[type] = into;
    }
  }
  return merged as SubgraphResolvers;
}
