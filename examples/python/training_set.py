# %% [markdown]
# # A point-in-time training set in a notebook, over GraphQL
#
# A researcher's notebook fetching a training set from Alphagraph with nothing but the standard
# library's `urllib` (or `requests`, if you have it) and pandas: build the set through GraphQL, wait
# for it, then download its Parquet file from the signed link GraphQL hands back.
#
#     ALPHAGRAPH_URL=http://127.0.0.1:4000/graphql \
#     ALPHAGRAPH_TOKEN=$(npx pnpm@10.34.9 exec alphagraph token --role researcher) \
#     python3 examples/python/training_set.py
#
# Cells are separated by `# %%` (VS Code, Jupytext and PyCharm run them one by one). pandas reads
# Parquet with pyarrow or fastparquet installed; Debian: `apt-get install python3-pandas python3-pyarrow`.
# Without them the script still builds and downloads the file, and says so (the test suite runs it
# this way: `tests/src/sdk.test.ts`). `ALPHAGRAPH_ENTITIES=AAPL,MSFT` narrows the universe.

# %%
import io
import json
import os
import time
import urllib.request

GATEWAY = os.environ.get("ALPHAGRAPH_URL", "http://127.0.0.1:4000/graphql")
TOKEN = os.environ["ALPHAGRAPH_TOKEN"]  # a researcher's bearer token


def graphql(query, variables=None):
    """POSTs one operation; raises with the platform's message and code on any error."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        GATEWAY,
        data=body,
        headers={"content-type": "application/json", "authorization": f"Bearer {TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:  # 4xx/5xx still carry a GraphQL body
        answer = json.load(error)
    if answer.get("errors"):
        first = answer["errors"][0]
        raise RuntimeError(f"{first.get('extensions', {}).get('code')}: {first['message']}")
    return answer["data"]


# %% [markdown]
# ## Build: Alpha158 features at the daily close, a 5-session forward-return label, time-ordered splits

# %%
CREATE = """
mutation CreateTrainingSet($input: CreateTrainingSetInput!) {
  createTrainingSet(input: $input) {
    ok
    error { code message }
    trainingSet { id name status }
  }
}
"""

created = graphql(
    CREATE,
    {
        "input": {
            "name": f"notebook_alpha158_{int(time.time())}",
            "entities": os.environ.get("ALPHAGRAPH_ENTITIES", "AAPL,MSFT,AMZN,GOOG,JPM").split(","),
            "spine": {"schedule": {"calendar": "XNYS", "times": ["16:30"]}},
            "period": {"from": "2016-01-04", "to": "2017-12-29"},
            "featureSets": ["alpha158"],
            "labels": [{"name": "fwd_5", "forwardReturn": {"horizon": 5}}],
            "split": {"train": 0.6, "validation": 0.2, "embargoSeconds": 7 * 86400},
        }
    },
)["createTrainingSet"]
if not created["ok"]:
    raise RuntimeError(f"{created['error']['code']}: {created['error']['message']}")
training_set_id = created["trainingSet"]["id"]

# %% [markdown]
# ## Wait for the build (it runs in the background)

# %%
STATUS = """
query TrainingSet($id: ID!) {
  trainingSet(id: $id) { id status error rowCount featureRefs splitRows { split rows } }
}
"""

while True:
    training_set = graphql(STATUS, {"id": training_set_id})["trainingSet"]
    if training_set["status"] == "READY":
        break
    if training_set["status"] == "FAILED":
        raise RuntimeError(f"build failed: {training_set['error']}")
    time.sleep(2)
print(f"{training_set['rowCount']} rows, {len(training_set['featureRefs'])} features", training_set["splitRows"])

# %% [markdown]
# ## Download the Parquet file (a signed link, valid for a while, for this user only) into pandas

# %%
DOWNLOAD = """
query TrainingSetDownload($id: ID!, $split: TrainingSplit) {
  trainingSet(id: $id) { download(split: $split) { url expiresAt rows bytes } }
}
"""

link = graphql(DOWNLOAD, {"id": training_set_id, "split": "TRAIN"})["trainingSet"]["download"]
request = urllib.request.Request(link["url"], headers={"authorization": f"Bearer {TOKEN}"})
with urllib.request.urlopen(request) as response:
    payload = response.read()
# A Parquet file begins and ends with its magic bytes; the link states its size and rows.
assert len(payload) == link["bytes"] and payload[:4] == b"PAR1" and payload[-4:] == b"PAR1"
print(f"downloaded {len(payload)} bytes of Parquet, {link['rows']} rows (TRAIN)")

try:
    import pandas as pd  # noqa: E402  (a notebook imports where it first needs)

    train = pd.read_parquet(io.BytesIO(payload))
except ImportError as missing:  # pandas, or its Parquet engine (pyarrow or fastparquet), is absent
    print(f"pandas cannot read Parquet here ({missing}); the file is fine: save it and read it elsewhere")
else:
    assert len(train) == link["rows"]
    print(train.head())
    print(train.describe().T.head(10))

# %% [markdown]
# With `requests` instead of urllib, the download streams to disk:
#
#     with requests.get(link["url"], headers={"authorization": f"Bearer {TOKEN}"}, stream=True) as r:
#         r.raise_for_status()
#         with open("train.parquet", "wb") as f:
#             for chunk in r.iter_content(1 << 20):
#                 f.write(chunk)
