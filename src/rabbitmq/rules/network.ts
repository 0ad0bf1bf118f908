import { RabbitMqSpec } from './rabbitmq-spec';
import { Rule } from '../../private/rules';

export const RABBITMQ_NETWORK_RULES: Rule<RabbitMqSpec>[] = [
  {
    id: 'RabbitMqPublicNoSecurityGroups',
    fact: 'F-P02',
    summary: 'securityGroups: none on a publicly accessible RabbitMQ broker',
    check: (s) => s.publiclyAccessible && (s.securityGroups?.length ?? 0) > 0
      ? '\'securityGroups\' is not allowed with publiclyAccessible true on RabbitMQ; allowed: no security groups (Amazon MQ refuses them on public RabbitMQ brokers)'
      : undefined,
  },
];
