import { CfnBroker } from 'aws-cdk-lib/aws-amazonmq';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { BrokerEncryptionProps } from './broker-props';
import { BrokerEncryption } from './encryption';


/** The rendered `EncryptionOptions` and the customer managed key, created here when KMS has none. */
export function renderEncryption(scope: Construct, props: BrokerEncryptionProps): {
  options: CfnBroker.EncryptionOptionsProperty;
  key?: kms.IKey;
} {
  const encryption = props.encryption ?? (props.encryptionKey ? BrokerEncryption.KMS : BrokerEncryption.AWS_OWNED);
  switch (encryption) {
    case BrokerEncryption.AWS_OWNED:
      return { options: { useAwsOwnedKey: true } };
    case BrokerEncryption.AWS_MANAGED:
      return { options: { useAwsOwnedKey: false } };
    case BrokerEncryption.KMS:
      const key = props.encryptionKey ?? new kms.Key(scope, 'Key', {
        description: `Encrypts Amazon MQ broker ${scope.node.path} at rest`,
        enableKeyRotation: true,
      });
      return { options: { useAwsOwnedKey: false, kmsKeyId: key.keyArn }, key };
  }
}
