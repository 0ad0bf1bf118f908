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
  {
    id: 'ActiveMqLdapHostName',
    fact: 'F-B18, F-AU05',
    summary: 'authentication LDAP hosts: host names only, no scheme or port (Amazon MQ connects with LDAPS on 636)',
    check: (s) => (s.ldapHosts ?? []).filter((h) => isKnown(h) && (/^[a-z][a-z0-9+.-]*:\/\//i.test(h) || /:\d*$/.test(h) || h.includes('/')))
      .map((h) => `'authentication.hosts' '${h}' is not allowed; allowed: a host name without scheme, port or path, such as ldap.example.com (Amazon MQ connects with LDAPS on port 636)`),
  },
  {
    id: 'ActiveMqLdapNoUsers',
    fact: 'F-AU05',
    summary: 'users: none with LDAP authentication (users and groups live in the directory)',
    check: (s) => s.authenticationStrategy === 'LDAP' && s.users.length > 0
      ? `'users' (${s.users.map((u) => u.username).join(', ')}) is not allowed with LDAP authentication; allowed: no users: brokers authenticate against the LDAP directory, where users and groups are managed`
      : undefined,
  },
  {
    id: 'ActiveMqReplicationUserConsole',
    fact: 'F-X-CR4',
    summary: 'users: a replication user has no console access (Amazon MQ: "[replicationUser] and [consoleAccess] are mutually exclusive")',
    check: (s) => s.users.filter((u) => u.replicationUser === true && u.consoleAccess === true).map((u) =>
      `user '${u.username}' with replicationUser true and consoleAccess true is not allowed; allowed: one of them (Amazon MQ refuses both on one user)`),
  },
];

/** Rules on what addUser() can still change, run when the app synthesizes. */
export const ACTIVEMQ_SYNTH_RULES: ReadonlyArray<Rule<ActiveMqSpec>> = [
  {
    id: 'ActiveMqSimpleUsers',
    fact: 'F-AU01',
    summary: 'users: at least one with simple authentication, from `users` or `addUser()` (checked when the app synthesizes)',
    check: (s) => s.authenticationStrategy === 'SIMPLE' && s.users.length === 0
      ? '\'users\' is empty with simple authentication: nobody could connect; allowed: at least one user, in \'users\' or through addUser()'
      : undefined,
  },
];
