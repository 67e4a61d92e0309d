"""Writes the benchmark payloads in tests/fixtures/bench/, deterministically.

Usage: python3 benches/make_fixtures.py   (from the repository root; no arguments)

The payloads are what a large production task or job definition looks like on the wire: AWS
JSON 1.1 (compact, timestamps as epoch seconds), ten containers with most members set, the
value sizes real ones have (ARNs, image URIs, tens of environment variables and secrets).
Every member and enum value is one the vendored models define, so validation finds nothing
and the typed and SDK deserializers read every byte as known members.

  ecs.DescribeTaskDefinition.output.json   DescribeTaskDefinition response (~57 KB)
  ecs.RegisterTaskDefinition.input.json    RegisterTaskDefinition request (~56 KB)
  batch.DescribeJobDefinitions.output.json DescribeJobDefinitions response: one multi-node
                                           job definition with ten node ranges (~50 KB)
"""

import json
import os
import random

ACCOUNT = '123456789012'
REGION = 'us-east-1'
OUT = os.path.join('tests', 'fixtures', 'bench')

SERVICES = ['api', 'worker', 'scheduler', 'frontend', 'auth', 'billing', 'search', 'notify',
            'ingest', 'metrics']


def arn(service, resource):
    return f'arn:aws:{service}:{REGION}:{ACCOUNT}:{resource}'


def environment(rng, name, count):
    keys = ['DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'AWS_REGION', 'FEATURE_FLAGS',
            'OTEL_EXPORTER_OTLP_ENDPOINT', 'SENTRY_DSN', 'HTTP_PORT', 'WORKER_CONCURRENCY',
            'CACHE_TTL_SECONDS', 'UPSTREAM_TIMEOUT_MS', 'S3_BUCKET', 'SQS_QUEUE_URL',
            'JAVA_OPTS', 'NODE_OPTIONS', 'TZ', 'LANG', 'APP_ENV', 'RELEASE', 'BUILD_SHA',
            'MAX_BODY_BYTES', 'ALLOWED_ORIGINS', 'GRPC_MAX_RECV', 'RATE_LIMIT_RPS',
            'SESSION_COOKIE_NAME']
    values = [
        f'postgres://{name}@{name}-db.cluster-c9akciq32.{REGION}.rds.amazonaws.com:5432/{name}',
        f'redis://{name}-cache.abc123.ng.0001.use1.cache.amazonaws.com:6379/0',
        'info', REGION, 'checkout-v2,new-search,fast-path',
        'http://otel-collector.observability.svc:4317',
        f'https://{rng.getrandbits(64):016x}@o123456.ingest.sentry.io/4504',
        '8080', str(rng.randint(2, 64)), str(rng.randint(30, 3600)), str(rng.randint(500, 30000)),
        f'{name}-artifacts-{ACCOUNT}-{REGION}',
        f'https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{name}-jobs',
        '-XX:MaxRAMPercentage=75.0 -XX:+UseG1GC -Dfile.encoding=UTF-8',
        '--max-old-space-size=1536 --enable-source-maps', 'UTC', 'en_US.UTF-8', 'production',
        f'2024.03.{rng.randint(1, 28)}-{rng.randint(1, 99)}', f'{rng.getrandbits(160):040x}',
        '10485760', 'https://app.example.com,https://admin.example.com', '16777216', '250',
        f'__Host-{name}-session']
    return [{'name': k, 'value': v} for k, v in list(zip(keys, values))[:count]]


def secrets(name, count):
    out = []
    for i in range(count):
        if i % 2:
            value = arn('ssm', f'parameter/prod/{name}/secret-{i:02d}')
        else:
            value = arn('secretsmanager', f'secret:prod/{name}/credentials-{i:02d}-AbCdEf')
        out.append({'name': f'SECRET_{name.upper()}_{i:02d}', 'valueFrom': value})
    return out


def container(rng, i, names):
    name = names[i]
    image = (f'{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/prod/{name}'
             f'@sha256:{rng.getrandbits(256):064x}')
    port = 8080 + i
    return {
        'name': name,
        'image': image,
        'repositoryCredentials': {
            'credentialsParameter': arn('secretsmanager', f'secret:registry/{name}-AbCdEf')},
        'cpu': 256 * (1 + i % 4),
        'memory': 1024 * (1 + i % 4),
        'memoryReservation': 512 * (1 + i % 4),
        'links': [],
        'portMappings': [
            {'containerPort': port, 'hostPort': port, 'protocol': 'tcp',
             'name': f'{name}-{port}-tcp', 'appProtocol': 'http'},
            {'containerPort': 9090, 'hostPort': 9090, 'protocol': 'tcp',
             'name': f'{name}-metrics', 'appProtocol': 'http'},
            {'containerPort': 50051 + i, 'hostPort': 50051 + i, 'protocol': 'tcp',
             'name': f'{name}-grpc', 'appProtocol': 'grpc'},
        ],
        'essential': i < 3,
        'restartPolicy': {'enabled': True, 'ignoredExitCodes': [0, 143],
                          'restartAttemptPeriod': 180},
        'entryPoint': ['/usr/bin/tini', '--'],
        'command': [f'/app/bin/{name}', '--config', f'/etc/{name}/config.yaml', '--port',
                    str(port)],
        'environment': environment(rng, name, 20 + i % 6),
        'environmentFiles': [
            {'value': arn('s3', '').replace(f'{REGION}:{ACCOUNT}:', '') +
             f'prod-config-{ACCOUNT}/{name}/app.env', 'type': 's3'}],
        'mountPoints': [
            {'sourceVolume': 'shared-data', 'containerPath': f'/var/lib/{name}',
             'readOnly': False},
            {'sourceVolume': 'config', 'containerPath': f'/etc/{name}', 'readOnly': True},
        ],
        'volumesFrom': [],
        'linuxParameters': {
            'capabilities': {'add': ['NET_BIND_SERVICE', 'SYS_PTRACE'],
                             'drop': ['MKNOD', 'NET_RAW', 'SETFCAP']},
            'devices': [],
            'initProcessEnabled': True,
            'sharedMemorySize': 256,
            'tmpfs': [{'containerPath': '/tmp', 'size': 512,
                       'mountOptions': ['rw', 'noexec', 'nosuid']}],
            'maxSwap': 0,
            'swappiness': 0,
        },
        'secrets': secrets(name, 8 + i % 5),
        'dependsOn': [{'containerName': 'log-router', 'condition': 'START'}] if i else [],
        'startTimeout': 120,
        'stopTimeout': 30,
        'versionConsistency': 'enabled',
        'user': '1000:1000',
        'workingDirectory': '/app',
        'disableNetworking': False,
        'privileged': False,
        'readonlyRootFilesystem': True,
        'dnsServers': ['10.0.0.2'],
        'dnsSearchDomains': [f'{REGION}.compute.internal', 'svc.cluster.local'],
        'extraHosts': [{'hostname': f'{name}.internal', 'ipAddress': f'10.0.{i}.10'},
                       {'hostname': 'metadata.internal', 'ipAddress': '169.254.169.254'}],
        'dockerSecurityOptions': ['no-new-privileges'],
        'interactive': False,
        'pseudoTerminal': False,
        'dockerLabels': {
            'com.datadoghq.tags.service': name,
            'com.datadoghq.tags.env': 'production',
            'com.datadoghq.tags.version': f'2024.03.{i + 1}',
            'org.opencontainers.image.source': f'https://github.com/example/{name}',
            'team': 'platform',
        },
        'ulimits': [{'name': 'nofile', 'softLimit': 65536, 'hardLimit': 65536},
                    {'name': 'nproc', 'softLimit': 4096, 'hardLimit': 8192}],
        'logConfiguration': {
            'logDriver': 'awslogs',
            'options': {'awslogs-group': f'/ecs/prod/{name}', 'awslogs-region': REGION,
                        'awslogs-stream-prefix': name, 'mode': 'non-blocking',
                        'max-buffer-size': '25m'},
            'secretOptions': [],
        },
        'healthCheck': {
            'command': ['CMD-SHELL', f'curl -fsS http://localhost:{port}/healthz || exit 1'],
            'interval': 30, 'timeout': 5, 'retries': 3, 'startPeriod': 60},
        'systemControls': [{'namespace': 'net.core.somaxconn', 'value': '4096'}],
        'resourceRequirements': [],
        'credentialSpecs': [],
    }


def ecs_task_definition(rng):
    names = SERVICES[:]
    containers = [container(rng, i, names) for i in range(10)]
    return {
        'family': 'prod-platform',
        'taskRoleArn': arn('iam', 'role/prod-platform-task').replace(f'{REGION}:', ':'),
        'executionRoleArn': arn('iam', 'role/ecsTaskExecutionRole').replace(f'{REGION}:', ':'),
        'networkMode': 'awsvpc',
        'containerDefinitions': containers,
        'volumes': [
            {'name': 'shared-data', 'efsVolumeConfiguration': {
                'fileSystemId': 'fs-0123456789abcdef0', 'rootDirectory': '/platform',
                'transitEncryption': 'ENABLED', 'transitEncryptionPort': 2049,
                'authorizationConfig': {'accessPointId': 'fsap-0123456789abcdef0',
                                        'iam': 'ENABLED'}}},
            {'name': 'config', 'host': {}},
            {'name': 'docker-scratch', 'dockerVolumeConfiguration': {
                'scope': 'task', 'driver': 'local', 'driverOpts': {'type': 'tmpfs'},
                'labels': {'purpose': 'scratch'}}},
        ],
        'placementConstraints': [],
        'requiresCompatibilities': ['EC2', 'FARGATE'],
        'cpu': '4096',
        'memory': '16384',
        'pidMode': 'task',
        'proxyConfiguration': {'type': 'APPMESH', 'containerName': 'envoy', 'properties': [
            {'name': 'IgnoredUID', 'value': '1337'},
            {'name': 'ProxyIngressPort', 'value': '15000'},
            {'name': 'ProxyEgressPort', 'value': '15001'},
            {'name': 'AppPorts', 'value': '8080,8081,8082'},
            {'name': 'EgressIgnoredIPs', 'value': '169.254.170.2,169.254.169.254'}]},
        'ephemeralStorage': {'sizeInGiB': 50},
        'runtimePlatform': {'cpuArchitecture': 'X86_64', 'operatingSystemFamily': 'LINUX'},
        'enableFaultInjection': False,
    }


def describe_task_definition(rng):
    td = ecs_task_definition(rng)
    arn_ = arn('ecs', 'task-definition/prod-platform:42')
    attrs = ['com.amazonaws.ecs.capability.logging-driver.awslogs',
             'ecs.capability.execution-role-awslogs',
             'com.amazonaws.ecs.capability.ecr-auth', 'ecs.capability.efsAuth',
             'com.amazonaws.ecs.capability.docker-remote-api.1.19',
             'com.amazonaws.ecs.capability.docker-remote-api.1.21',
             'com.amazonaws.ecs.capability.docker-remote-api.1.25',
             'com.amazonaws.ecs.capability.docker-remote-api.1.29',
             'ecs.capability.secrets.asm.environment-variables',
             'ecs.capability.secrets.ssm.environment-variables',
             'ecs.capability.private-registry-authentication.secretsmanager',
             'ecs.capability.container-health-check', 'ecs.capability.efs',
             'ecs.capability.task-eni', 'ecs.capability.env-files.s3',
             'ecs.capability.container-ordering', 'ecs.capability.aws-appmesh']
    full = {
        'taskDefinitionArn': arn_,
        'containerDefinitions': td['containerDefinitions'],
        'family': td['family'],
        'taskRoleArn': td['taskRoleArn'],
        'executionRoleArn': td['executionRoleArn'],
        'networkMode': td['networkMode'],
        'revision': 42,
        'volumes': td['volumes'],
        'status': 'ACTIVE',
        'requiresAttributes': [{'name': a} for a in attrs],
        'placementConstraints': [],
        'compatibilities': ['EC2', 'FARGATE'],
        'runtimePlatform': td['runtimePlatform'],
        'requiresCompatibilities': td['requiresCompatibilities'],
        'cpu': td['cpu'],
        'memory': td['memory'],
        'pidMode': td['pidMode'],
        'proxyConfiguration': td['proxyConfiguration'],
        'registeredAt': 1710263705.123,
        'registeredBy': arn('sts', 'assumed-role/DeployRole/ci-pipeline').replace(
            f'{REGION}:', ':'),
        'ephemeralStorage': td['ephemeralStorage'],
        'enableFaultInjection': False,
    }
    return {'taskDefinition': full, 'tags': tags()}


def tags():
    return [{'key': k, 'value': v} for k, v in [
        ('team', 'platform'), ('cost-center', 'cc-4411'), ('env', 'production'),
        ('owner', 'platform-oncall@example.com'), ('repo', 'github.com/example/platform')]]


def register_task_definition(rng):
    td = ecs_task_definition(rng)
    td['tags'] = tags()
    return td


def batch_container(rng, i):
    name = SERVICES[i]
    return {
        'image': (f'{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/hpc/{name}'
                  f'@sha256:{rng.getrandbits(256):064x}'),
        'command': ['/opt/mpi/bin/mpirun', '--allow-run-as-root', '-np', '64',
                    f'/app/bin/{name}', 'Ref::inputUri', 'Ref::outputUri'],
        'jobRoleArn': arn('iam', f'role/batch-{name}-job').replace(f'{REGION}:', ':'),
        'executionRoleArn': arn('iam', 'role/ecsTaskExecutionRole').replace(f'{REGION}:', ':'),
        'volumes': [
            {'name': 'scratch', 'host': {'sourcePath': '/mnt/nvme/scratch'}},
            {'name': 'shared', 'efsVolumeConfiguration': {
                'fileSystemId': 'fs-0fedcba9876543210', 'rootDirectory': f'/{name}',
                'transitEncryption': 'ENABLED', 'transitEncryptionPort': 2049,
                'authorizationConfig': {'accessPointId': 'fsap-0fedcba9876543210',
                                        'iam': 'ENABLED'}}},
        ],
        'environment': environment(rng, name, 20 + i % 6),
        'mountPoints': [
            {'containerPath': '/scratch', 'readOnly': False, 'sourceVolume': 'scratch'},
            {'containerPath': '/shared', 'readOnly': False, 'sourceVolume': 'shared'}],
        'readonlyRootFilesystem': False,
        'privileged': False,
        'ulimits': [{'hardLimit': 65536, 'name': 'nofile', 'softLimit': 65536},
                    {'hardLimit': -1, 'name': 'memlock', 'softLimit': -1}],
        'user': 'root',
        'instanceType': 'hpc7g.16xlarge',
        'resourceRequirements': [{'value': '64', 'type': 'VCPU'},
                                 {'value': '122880', 'type': 'MEMORY'}],
        'linuxParameters': {
            'devices': [{'hostPath': '/dev/infiniband/uverbs0',
                         'containerPath': '/dev/infiniband/uverbs0',
                         'permissions': ['READ', 'WRITE', 'MKNOD']}],
            'initProcessEnabled': True, 'sharedMemorySize': 65536,
            'tmpfs': [{'containerPath': '/run', 'size': 1024, 'mountOptions': ['rw']}],
            'maxSwap': 0, 'swappiness': 0},
        'logConfiguration': {
            'logDriver': 'awslogs',
            'options': {'awslogs-group': f'/aws/batch/hpc/{name}', 'awslogs-region': REGION,
                        'awslogs-stream-prefix': name},
            'secretOptions': []},
        'secrets': secrets(name, 8 + i % 5),
        'ephemeralStorage': {'sizeInGiB': 200},
        'runtimePlatform': {'operatingSystemFamily': 'LINUX', 'cpuArchitecture': 'ARM64'},
        'repositoryCredentials': {
            'credentialsParameter': arn('secretsmanager', 'secret:registry/hpc-AbCdEf')},
    }


def describe_job_definitions(rng):
    ranges = []
    for i in range(10):
        ranges.append({
            'targetNodes': f'{i * 4}:{i * 4 + 3}',
            'container': batch_container(rng, i),
            'instanceTypes': ['hpc7g.16xlarge', 'hpc7g.8xlarge'],
            'consumableResourceProperties': {'consumableResourceList': [
                {'consumableResource': arn('batch', 'consumable-resource/license-seats'),
                 'quantity': 4}]},
        })
    job = {
        'jobDefinitionName': 'hpc-simulation',
        'jobDefinitionArn': arn('batch', 'job-definition/hpc-simulation:17'),
        'revision': 17,
        'status': 'ACTIVE',
        'type': 'multinode',
        'schedulingPriority': 50,
        'parameters': {'inputUri': f's3://hpc-input-{ACCOUNT}/runs/latest/',
                       'outputUri': f's3://hpc-output-{ACCOUNT}/runs/latest/'},
        'retryStrategy': {'attempts': 3, 'evaluateOnExit': [
            {'onStatusReason': 'Host EC2*', 'onReason': '*', 'onExitCode': '*',
             'action': 'RETRY'},
            {'onStatusReason': '*', 'onReason': '*', 'onExitCode': '1', 'action': 'EXIT'}]},
        'timeout': {'attemptDurationSeconds': 86400},
        'nodeProperties': {'numNodes': 40, 'mainNode': 0, 'nodeRangeProperties': ranges},
        'tags': {'team': 'research', 'cost-center': 'cc-7781', 'env': 'production'},
        'propagateTags': True,
        'platformCapabilities': ['EC2'],
        'containerOrchestrationType': 'ECS',
    }
    return {'jobDefinitions': [job]}


def write(name, value):
    path = os.path.join(OUT, name)
    text = json.dumps(value, separators=(',', ':'))
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'{path}: {len(text)} bytes')


def main():
    os.makedirs(OUT, exist_ok=True)
    write('ecs.DescribeTaskDefinition.output.json', describe_task_definition(random.Random(1)))
    write('ecs.RegisterTaskDefinition.input.json', register_task_definition(random.Random(2)))
    write('batch.DescribeJobDefinitions.output.json', describe_job_definitions(random.Random(3)))


if __name__ == '__main__':
    main()
