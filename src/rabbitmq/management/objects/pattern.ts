import { isKnown } from '../../../private/rules';
import { pcrePatternProblem } from '../pcre-pattern';

/** RabbitMQ compiles permission and policy patterns with Erlang's `re`, which is PCRE, not JavaScript's RegExp. */
export function patternProblem(label: string, pattern: string | undefined): string | undefined {
  const problem = pattern === undefined || !isKnown(pattern) ? undefined : pcrePatternProblem(pattern);
  return problem === undefined ? undefined : `'${label}' '${pattern}' is not a regular expression (${problem}); allowed: a PCRE regular expression (RabbitMQ's dialect), such as '^orders\\\\..*' or '.*' ('^$' grants nothing)`;
}
