/**
 * Which KMS key encrypts the broker's data at rest. Amazon MQ always encrypts; this picks the key.
 */
export enum BrokerEncryption {
  /** A key owned and managed by Amazon MQ, invisible in your account. Free. */
  AWS_OWNED = 'AWS_OWNED',
  /** The AWS managed key `aws/mq` in your account (key usage appears in CloudTrail). */
  AWS_MANAGED = 'AWS_MANAGED',
  /** A customer managed key: the one given as `encryptionKey`, or a new key with rotation on. */
  KMS = 'KMS',
}
