"""botocore's client-side parameter validation, for awsgen's differential test.

Usage: botocore_validate.py MODELS_DIR CASES_JSON

MODELS_DIR holds `<service>/<api-version>/service-2.json`, botocore's own data layout, so
botocore's loader reads the vendored models rather than the ones it ships. CASES_JSON is a list
of `{"service", "operation", "input"}`. Prints one JSON list per case, in order, of
`[path, rule]` pairs: paths in awsgen's notation (`a.b[0].c`, `tags["k"]`, `tags["k"] (key)`),
rules `required`, `length`, `range`, `type`, `union` or `unknown`.
"""

import json
import sys

import botocore
from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.validate import ParamValidator, type_check


class Validator(ParamValidator):
    """botocore's validator with map entries named unambiguously.

    botocore names a map value `name.key` and a map key `name (key: key)`, which a member
    name or a key with dots cannot be told apart from. The checks are botocore's own; only the
    names passed down change, to awsgen's notation.
    """

    @type_check(valid_types=ParamValidator.CONTAINER_TYPES['map'])
    def _validate_map(self, param, shape, errors, name):
        for key, value in param.items():
            entry = f'{name}[{json.dumps(key)}]'
            self._validate(key, shape.key, errors, f'{entry} (key)')
            self._validate(value, shape.value, errors, entry)


RULES = {
    'missing required field': 'required',
    'invalid length': 'length',
    'invalid range': 'range',
    'invalid type': 'type',
    'invalid type for document': 'type',
    'unable to encode to json': 'type',
    'empty input': 'union',
    'more than one input': 'union',
    'unknown field': 'unknown',
}


def report(errors):
    """The `[path, rule]` pairs of a botocore ValidationErrors."""
    out = []
    for reason, name, details in errors._errors:
        path = name[1:] if name.startswith('.') else name
        if reason == 'missing required field':
            member = details['required_name']
            path = f'{path}.{member}' if path else member
        out.append([path, RULES.get(reason, reason)])
    return out


def main():
    models, cases_file = sys.argv[1], sys.argv[2]
    loader = Loader(extra_search_paths=[models], include_default_search_paths=False)
    services = {}
    with open(cases_file, encoding='utf-8') as f:
        cases = json.load(f)
    results = []
    for case in cases:
        service = case['service']
        if service not in services:
            services[service] = ServiceModel(
                loader.load_service_model(service, 'service-2'), service
            )
        shape = services[service].operation_model(case['operation']).input_shape
        errors = Validator().validate(case['input'], shape)
        results.append(report(errors))
    json.dump({'botocore': botocore.__version__, 'results': results}, sys.stdout)


if __name__ == '__main__':
    main()
