import { Token } from 'aws-cdk-lib';
import { Rule } from '../../private/rules';
import { versionAtLeast } from '../../private/versions';

/** What the Prometheus URL rules read. */
export interface PrometheusSpec {
  readonly engineVersion: string;
  readonly path: string;
}

/** The paths Amazon MQ serves on port 16001 (Developer Guide, "Accessing Prometheus metrics"). */
export const PROMETHEUS_PATHS = ['/metrics', '/metrics/detailed', '/metrics/memory-breakdown'];

export const PROMETHEUS_RULES: ReadonlyArray<Rule<PrometheusSpec>> = [
  {
    id: 'RabbitMqPrometheusVersion',
    fact: 'DG "Accessing Prometheus metrics"',
    summary: 'prometheusUrl(): RabbitMQ 4.2 or later (Amazon MQ serves Prometheus metrics from 4.2)',
    check: (s) => !versionAtLeast(s.engineVersion, '4.2')
      ? `engineVersion '${s.engineVersion}' is not allowed; allowed: RabbitMQ 4.2 or later (Amazon MQ serves Prometheus metrics from 4.2)`
      : undefined,
  },
  {
    id: 'RabbitMqPrometheusPath',
    fact: 'DG "Accessing Prometheus metrics"',
    summary: 'prometheusUrl() `path`: `/metrics`, `/metrics/detailed` or `/metrics/memory-breakdown` (not `/metrics/per-object`)',
    check: (s) => !Token.isUnresolved(s.path) && !PROMETHEUS_PATHS.includes(s.path)
      ? `'path' '${s.path}' is not allowed; allowed: ${PROMETHEUS_PATHS.join(', ')} (Amazon MQ does not serve /metrics/per-object)`
      : undefined,
  },
];
