"""botocore's own acceptor matching (botocore.waiter.AcceptorConfig) on the differential
test's cases: {"acceptors": [botocore acceptor config], "cases": [[acceptor index, response]]}.
Prints {"botocore": version, "results": [true | false | null]}, null where botocore raises."""

import json
import sys

import botocore
from botocore.waiter import AcceptorConfig


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    acceptors = []
    for config in cases["acceptors"]:
        try:
            acceptors.append(AcceptorConfig(config))
        except Exception:  # an expression botocore cannot compile
            acceptors.append(None)
    results = []
    for index, response in cases["cases"]:
        acceptor = acceptors[index]
        if acceptor is None:
            results.append(None)
            continue
        try:
            results.append(bool(acceptor.matcher_func(response)))
        except Exception:
            results.append(None)
    print(json.dumps({"botocore": botocore.__version__, "results": results}))


main()
