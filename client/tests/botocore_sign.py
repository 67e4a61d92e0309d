"""Signs each request of a cases file with botocore's SigV4Auth at a fixed time and prints the
headers botocore added, as JSON: {"botocore": version, "results": [{header: value}]}.

Usage: botocore_sign.py [MODELS] CASES.json (the cases file last), where each case is {method, url, headers, body,
access_key, secret_key, token, service, region, time: "YYYYMMDDTHHMMSSZ"}."""

import datetime
import json
import sys

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(case):
    fixed = datetime.datetime.strptime(case["time"], "%Y%m%dT%H%M%SZ")
    botocore.auth.get_current_datetime = lambda *args, **kwargs: fixed
    request = AWSRequest(
        method=case["method"],
        url=case["url"],
        headers=dict(case["headers"]),
        data=case["body"].encode("utf-8"),
    )
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    botocore.auth.SigV4Auth(credentials, case["service"], case["region"]).add_auth(request)
    wanted = ("authorization", "x-amz-date", "x-amz-security-token")
    return {k.lower(): v for k, v in request.headers.items() if k.lower() in wanted}


def main():
    with open(sys.argv[-1]) as f:
        cases = json.load(f)
    json.dump({"botocore": botocore.__version__, "results": [sign(c) for c in cases]}, sys.stdout)


main()
