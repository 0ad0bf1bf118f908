import { Rule } from '../../private/rules';

/** What `SupportResourceEncryption.useKey()` meets in the stack. */
export interface SupportKeyInput {
  /** The first log group or secret of the library already in the stack. */
  readonly firstUse?: string;
  /** A key set before. */
  readonly hasKey: boolean;
}

export const SUPPORT_ENCRYPTION_RULES: Rule<SupportKeyInput>[] = [
  {
    id: 'SupportKeyFirst',
    // Log groups and secrets read their key when created; grants made on a secret before it had a key would lack kms:Decrypt.
    fact: 'library design',
    summary: 'useKey(): once per stack, before the stack holds a broker or another resource of this library',
    check: (s) => [
      ...s.firstUse ? [`useKey() is not allowed after ${s.firstUse} was created without the key: call it before creating brokers in the stack`] : [],
      ...s.hasKey ? ['useKey() is not allowed twice in one stack; allowed: one key per stack'] : [],
    ],
  },
];
