import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ConsumersStack } from './consumers';
import { CrdrReplicaStack } from './crdr-replica';
import { NetworkOfBrokersStack } from './network-of-brokers';
import { OAuth2RabbitMqStack } from './oauth2-rabbitmq';
import { DevActiveMqStack } from './dev-activemq';
import { DevRabbitMqStack } from './dev-rabbitmq';
import { ProdActiveMqStack } from './prod-activemq';
import { ProdRabbitMqStack } from './prod-rabbitmq';

/** Every example app: its file (for the CLI), its stack name and its stack class (for the tests). */
export const EXAMPLES: ReadonlyArray<{ file: string; stackName: string; stack: new (scope: Construct, id: string) => Stack }> = [
  { file: 'dev-activemq.ts', stackName: 'DevActiveMq', stack: DevActiveMqStack },
  { file: 'prod-activemq.ts', stackName: 'ProdActiveMq', stack: ProdActiveMqStack },
  { file: 'dev-rabbitmq.ts', stackName: 'DevRabbitMq', stack: DevRabbitMqStack },
  { file: 'prod-rabbitmq.ts', stackName: 'ProdRabbitMq', stack: ProdRabbitMqStack },
  { file: 'consumers.ts', stackName: 'Consumers', stack: ConsumersStack },
  { file: 'oauth2-rabbitmq.ts', stackName: 'OAuth2RabbitMq', stack: OAuth2RabbitMqStack },
  { file: 'network-of-brokers.ts', stackName: 'NetworkOfBrokers', stack: NetworkOfBrokersStack },
  { file: 'crdr-replica.ts', stackName: 'CrdrReplica', stack: CrdrReplicaStack },
];
