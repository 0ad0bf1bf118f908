import { QUEUE_METRICS_VERSION_RULES, QueueMetricsUseSpec } from './queue-metrics';
import { ALARM_OPTION_RULES, AlarmOptionsSpec } from '../../broker/rules/alarms';
import { Rule } from '../../private/rules';

/** What a RabbitMQ broker's recommended alarms are checked on. */
export interface RabbitMqAlarmSpec extends AlarmOptionsSpec, QueueMetricsUseSpec {}

/** Every rule a RabbitMQ broker's recommended alarms are checked on: queue alarms need queue metrics (RabbitMQ 3.13). */
export const RABBITMQ_ALARM_RULES: ReadonlyArray<Rule<RabbitMqAlarmSpec>> = [...ALARM_OPTION_RULES, ...QUEUE_METRICS_VERSION_RULES];
