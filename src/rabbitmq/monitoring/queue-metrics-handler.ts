/**
 * The logic of the queue metrics collector: Amazon MQ publishes no per-queue metrics for RabbitMQ 4 brokers, so a
 * scheduled function reads every queue's counts from the broker's management API (`GET /api/queues`) and publishes
 * them to CloudWatch with the dimensions Amazon MQ used on RabbitMQ 3 (`Broker`, `VirtualHost`, `Queue`).
 *
 * No AWS SDK import here: the secret and CloudWatch come through `QueueMetricsDependencies`, so this runs in tests.
 */

/** What the collector reads, from the function's environment. */
export interface QueueMetricsConfig {
  /** The management API's base URL, `https://<broker host>` on Amazon MQ. */
  readonly endpoint: string;
  readonly adminSecretArn: string;
  readonly brokerName: string;
  readonly namespace: string;
  /** Only these queues (`<vhost>/<queue>`); every queue when absent. */
  readonly queues?: string[];
}

/** One CloudWatch datum, as PutMetricData takes it. */
export interface QueueMetricDatum {
  readonly MetricName: string;
  readonly Dimensions: Array<{ Name: string; Value: string }>;
  readonly Value: number;
  readonly Unit: 'Count';
  readonly Timestamp: Date;
}

export interface QueueMetricsDependencies {
  readonly secret: (arn: string) => Promise<Record<string, string>>;
  readonly putMetricData: (namespace: string, data: QueueMetricDatum[]) => Promise<void>;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

/** The queue fields read, and the metric each becomes (the names Amazon MQ publishes for RabbitMQ 3 queues). */
const FIELDS: Record<string, string> = {
  messages: 'MessageCount',
  messages_ready: 'MessageReadyCount',
  messages_unacknowledged: 'MessageUnacknowledgedCount',
  consumers: 'ConsumerCount',
};

/** PutMetricData takes at most 1000 data per call. */
const BATCH = 500;
/** A silent broker must not hold the function until its timeout. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Reads the queues' counts and publishes them; returns what it published. */
export async function collectQueueMetrics(config: QueueMetricsConfig, deps: QueueMetricsDependencies): Promise<QueueMetricDatum[]> {
  const admin = await deps.secret(config.adminSecretArn);
  const authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
  const url = `${config.endpoint.replace(/\/+$/, '')}/api/queues?columns=${['name', 'vhost', ...Object.keys(FIELDS)].join(',')}`;
  const response = await (deps.fetch ?? fetch)(url, { headers: { authorization }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) {
    throw new Error(`GET /api/queues answered ${response.status}: the admin user must be able to list queues`);
  }
  const queues = await response.json() as Array<Record<string, unknown>>;
  const wanted = config.queues && new Set(config.queues);
  const timestamp = (deps.now ?? (() => new Date()))();
  const data: QueueMetricDatum[] = [];
  for (const queue of queues) {
    const vhost = String(queue.vhost);
    const name = String(queue.name);
    if (wanted && !wanted.has(`${vhost}/${name}`)) {
      continue;
    }
    const Dimensions = [{ Name: 'Broker', Value: config.brokerName }, { Name: 'VirtualHost', Value: vhost }, { Name: 'Queue', Value: name }];
    for (const [field, MetricName] of Object.entries(FIELDS)) {
      // A queue without statistics yet (just declared) has no counts: publish nothing rather than a false zero.
      if (typeof queue[field] === 'number') {
        data.push({ MetricName, Dimensions, Value: queue[field] as number, Unit: 'Count', Timestamp: timestamp });
      }
    }
  }
  for (let i = 0; i < data.length; i += BATCH) {
    await deps.putMetricData(config.namespace, data.slice(i, i + BATCH));
  }
  console.log(`Published ${data.length} data for ${data.length / Object.keys(FIELDS).length} queues of ${config.brokerName}`);
  return data;
}
