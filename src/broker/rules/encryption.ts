import { Rule } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';
import { BrokerEncryption } from '../encryption';

export const ENCRYPTION_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'EncryptionKeyNeedsKms',
    fact: 'F-E01',
    summary: 'encryptionKey: only with encryption KMS (or unset)',
    check: (s) => s.encryptionKey && s.encryption !== undefined && s.encryption !== BrokerEncryption.KMS
      ? `'encryptionKey' is not allowed with encryption ${s.encryption}: a customer managed key needs encryption KMS (or leave encryption unset)`
      : undefined,
  },
];
