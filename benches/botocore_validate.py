"""Times botocore's client-side parameter validation on the benchmark payloads.

Usage: python3 benches/botocore_validate.py [--json] [--seconds N]

What boto3 runs before every call (`ParamValidator().validate(params, input_shape)`, which
`validate_parameters` calls), on the vendored models in `models/` (botocore reads them through
its own loader: `models/` has its data layout), for:

  ecs RegisterTaskDefinition  input   tests/fixtures/bench/ecs.RegisterTaskDefinition.input.json
  ecs DescribeTaskDefinition  output  tests/fixtures/bench/ecs.DescribeTaskDefinition.output.json
  batch DescribeJobDefinitions output tests/fixtures/bench/batch.DescribeJobDefinitions.output.json

Outputs are validated with the same validator against the output shape, so `validate()` of the
generated types can be compared on every benchmark payload; timestamps are epoch seconds on
the wire, which botocore's validator (written for inputs) accepts as numbers.

Prints a line per payload (median time per call and the errors found, which should be none);
with --json, one JSON object `{"botocore": version, "cases": [{"name", "bytes",
"median_us", "min_us", "errors"}]}` for the Rust benchmark that reports the ratio.
"""

import argparse
import json
import os
import statistics
import sys
import time

import botocore
from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.validate import ParamValidator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = [
    ('ecs.RegisterTaskDefinition.input', 'ecs', 'RegisterTaskDefinition', 'input'),
    ('ecs.DescribeTaskDefinition.output', 'ecs', 'DescribeTaskDefinition', 'output'),
    ('batch.DescribeJobDefinitions.output', 'batch', 'DescribeJobDefinitions', 'output'),
]


def time_calls(fn, seconds):
    """Median and minimum seconds per call over batches filling about `seconds`."""
    fn()
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-6)
    batch = max(1, int(0.01 / once))
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(samples) < 5:
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - start) / batch)
    return statistics.median(samples), min(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--json', action='store_true', help='print one JSON object')
    parser.add_argument('--seconds', type=float, default=2.0, help='time per payload')
    args = parser.parse_args()

    loader = Loader(extra_search_paths=[os.path.join(ROOT, 'models')],
                    include_default_search_paths=False)
    services = {}
    results = []
    for name, service, operation, side in CASES:
        if service not in services:
            services[service] = ServiceModel(
                loader.load_service_model(service, 'service-2'), service)
        op = services[service].operation_model(operation)
        shape = op.input_shape if side == 'input' else op.output_shape
        path = os.path.join(ROOT, 'tests', 'fixtures', 'bench', name + '.json')
        with open(path, 'rb') as f:
            raw = f.read()
        params = json.loads(raw)
        validator = ParamValidator()
        report = validator.validate(params, shape)
        errors = report.generate_report() if report.has_errors() else ''
        median, best = time_calls(lambda: validator.validate(params, shape), args.seconds)
        results.append({'name': name, 'bytes': len(raw), 'median_us': median * 1e6,
                        'min_us': best * 1e6, 'errors': errors})

    if args.json:
        json.dump({'botocore': botocore.__version__, 'cases': results}, sys.stdout)
        print()
        return
    print(f'botocore {botocore.__version__} ParamValidator, Python {sys.version.split()[0]}')
    for r in results:
        status = 'valid' if not r['errors'] else 'ERRORS:\n' + r['errors']
        print(f"{r['name']:<38} {r['bytes'] / 1024:6.1f} KiB  median {r['median_us']:8.1f} us"
              f"  min {r['min_us']:8.1f} us  {status}")


if __name__ == '__main__':
    main()
