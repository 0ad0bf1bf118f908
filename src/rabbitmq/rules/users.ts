import { RabbitMqSpec } from './rabbitmq-spec';
import { Rule, isKnown } from '../../private/rules';

export const RABBITMQ_USER_RULES: Rule<RabbitMqSpec>[] = [
  {
    id: 'RabbitMqUsername',
    fact: 'F-U01',
    summary: 'adminUser.username: no `~`, not `guest`',
    check: (s) => {
      const name = s.users[0]?.username;
      return name !== undefined && isKnown(name) && (name.includes('~') || name === 'guest')
        ? `'adminUser.username' '${name}' is not allowed for RabbitMQ; allowed: a username without '~', other than 'guest'`
        : undefined;
    },
  },
];
