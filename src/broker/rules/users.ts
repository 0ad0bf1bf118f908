import { Rule, isKnown } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';

const USERNAME = /^[A-Za-z0-9_.~-]{2,100}$/;
const GROUP = /^[A-Za-z0-9._~-]{2,100}$/;
const MAX_GROUPS = 20;
/** Secrets Manager version IDs: 32-64 characters (the API's VersionId). */
const VERSION_ID = /^[A-Za-z0-9-]{32,64}$/;

function each(s: BrokerSpec, problem: (u: BrokerSpec['users'][number]) => string | undefined): string | undefined {
  const problems = s.users.map(problem).filter((p): p is string => p !== undefined);
  return problems.length > 0 ? problems.join('; ') : undefined;
}

export const USER_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'UsernamePattern',
    fact: 'F-U01',
    summary: 'username: 2-100 of A-Z, a-z, 0-9, `_ . ~ -`',
    check: (s) => each(s, (u) => isKnown(u.username) && !USERNAME.test(u.username)
      ? `'username' '${u.username}' is not allowed; allowed: 2-100 characters of A-Z, a-z, 0-9, '_', '.', '~' and '-'`
      : undefined),
  },
  {
    id: 'UsernameUnique',
    fact: 'F-B09',
    summary: 'username: unique per broker',
    check: (s) => {
      const names = s.users.map((u) => u.username).filter((n) => isKnown(n));
      const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
      return duplicates.length > 0 ? `'username' ${duplicates.map((d) => `'${d}'`).join(', ')} is given more than once; allowed: each username once` : undefined;
    },
  },
  {
    id: 'GroupPattern',
    fact: 'F-U03',
    summary: 'groups: each 2-100 of A-Z, a-z, 0-9, `_ . ~ -`',
    check: (s) => each(s, (u) => {
      const bad = (u.groups ?? []).filter((g) => isKnown(g) && !GROUP.test(g));
      return bad.length > 0
        ? `'groups' of user '${u.username}' has ${bad.map((g) => `'${g}'`).join(', ')}; allowed: 2-100 characters of A-Z, a-z, 0-9, '_', '.', '~' and '-'`
        : undefined;
    }),
  },
  {
    id: 'GroupCount',
    fact: 'F-U03, F-AU01',
    summary: 'groups: at most 20 per user',
    check: (s) => each(s, (u) => (u.groups?.length ?? 0) > MAX_GROUPS
      ? `'groups' of user '${u.username}' has ${u.groups!.length} groups; allowed: at most ${MAX_GROUPS}`
      : undefined),
  },
  {
    id: 'UserPasswordVersionId',
    fact: 'F-U02',
    summary: '`passwordVersionId`: a Secrets Manager version ID, 32-64 of A-Z, a-z, 0-9, `-` (CloudFormation reads that version of the password)',
    check: (s) => each(s, (u) => u.passwordVersionId !== undefined && isKnown(u.passwordVersionId) && !VERSION_ID.test(u.passwordVersionId)
      ? `'passwordVersionId' '${u.passwordVersionId}' of user '${u.username}' is not allowed; allowed: a Secrets Manager version ID (32-64 characters of A-Z, a-z, 0-9 and '-', from describe-secret)`
      : undefined),
  },
];
