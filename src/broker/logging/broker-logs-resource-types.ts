/**
 * The custom resource types of the logs handler, in a module of their own: the constructs need them at synth time
 * without loading the handler, which imports the AWS SDK (present in the Lambda runtime, not in users' apps).
 */
export const LOG_RETENTION_TYPE = 'Custom::AmazonMqLogRetention';
export const LOGS_RESOURCE_POLICY_TYPE = 'Custom::AmazonMqLogsResourcePolicy';
