/** What an analyst sees first in GraphiQL: a query that spans three subgraphs. */
export const GRAPHIQL_DEFAULT_QUERY = `# Alphagraph: one federated graph over market data, alternative data,
# features, models and backtests. Press the run button (or Ctrl-Enter).
query Instrument($symbol: String = "AAPL") {
  instrument(symbol: $symbol) {
    symbol
    name
    exchange
    latestBar {
      time
      close
      volume
    }
    altDatasets {
      name
      vendor {
        name
      }
    }
    features {
      name
    }
  }
}
`;

export const GRAPHIQL_TITLE = 'Alphagraph';
