"""botocore's request serializer, for awsgen's operations differential test.

Usage: botocore_serialize.py MODELS_DIR CASES_JSON

MODELS_DIR holds `<service>/<api-version>/service-2.json` (botocore's own layout), so botocore
reads the vendored models. CASES_JSON is a list of `{"service", "operation", "input"}`. Prints
`{"botocore": VERSION, "results": [...]}`, one result per case, in order: the request botocore's
`serialize_to_request` builds (`method`, `url_path`, `query` as `[name, value]` pairs, `headers`,
`body` parsed as JSON or null when empty, or `form`, `[name, value]` pairs, for a query
protocol), or `{"error": "..."}` when botocore refuses the input.
"""

import json
import sys

import botocore
from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.serialize import create_serializer


def query_pairs(query):
    if isinstance(query, str):  # awsJson: no query string, an empty str
        return [pair.split('=', 1) for pair in query.split('&') if pair]
    pairs = []
    for name, value in query.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append([name, item])
    return pairs


def main():
    models, cases_file = sys.argv[1], sys.argv[2]
    loader = Loader(extra_search_paths=[models], include_default_search_paths=False)
    with open(cases_file) as f:
        cases = json.load(f)
    services = {}
    results = []
    for case in cases:
        service = case['service']
        if service not in services:
            services[service] = ServiceModel(
                loader.load_service_model(service, 'service-2'), service
            )
        model = services[service]
        operation = model.operation_model(case['operation'])
        serializer = create_serializer(model.metadata['protocol'], include_validation=False)
        try:
            request = serializer.serialize_to_request(case['input'], operation)
        except Exception as e:  # botocore refuses it: reported, compared by the caller
            results.append({'error': f'{type(e).__name__}: {e}'})
            continue
        body = request['body']
        if isinstance(body, dict):  # a query protocol's form fields, encoded later
            results.append({
                'method': request['method'],
                'url_path': request['url_path'],
                'query': query_pairs(request['query_string']),
                'headers': {k.lower(): v for k, v in request['headers'].items()},
                'form': [[k, str(v)] for k, v in body.items()],
            })
            continue
        if isinstance(body, str):
            body = body.encode()
        results.append({
            'method': request['method'],
            'url_path': request['url_path'],
            'query': query_pairs(request['query_string']),
            'headers': {k.lower(): v for k, v in request['headers'].items()},
            'body': json.loads(body) if body else None,
        })
    print(json.dumps({'botocore': botocore.__version__, 'results': results}))


if __name__ == '__main__':
    main()
