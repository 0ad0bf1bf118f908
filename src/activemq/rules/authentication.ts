import { ActiveMqSpec } from './activemq-spec';
import { Rule, isKnown } from '../../private/rules';

const MAX_USERS = 250;

export const ACTIVEMQ_AUTHENTICATION_RULES: Rule<ActiveMqSpec>[] = [
  {
    id: 'ActiveMqUserLimit',
    fact: 'F-AU01',
    summary: 'users: at most 250 per ActiveMQ broker',
    check: (s) => s.users.length > MAX_USERS
      ? `'users' has ${s.users.length} users; allowed: at most ${MAX_USERS}`
      : undefined,
  },
  {
    id: 'ActiveMqLdapHosts',
    fact: 'F-B18',
    summary: 'authentication LDAP: at least one host',
    check: (s) => s.ldapHosts !== undefined && isKnown(s.ldapHosts) && s.ldapHosts.length === 0
      ? '\'authentication.hosts\' is empty; allowed: one or more LDAP server host names'
      : undefined,
  },
];
