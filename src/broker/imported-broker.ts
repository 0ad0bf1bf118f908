import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BrokerAttributes, parseBrokerArn } from './broker-attributes';
import { BrokerBase } from './broker-base';
import { BrokerProtocol } from './protocol';

/** What differs between the engines for an imported broker. */
export interface ImportedBrokerEngine {
  readonly defaultProtocol: BrokerProtocol;
  /** Suffix of the `Broker` metric dimension (`-1` for ActiveMQ, mq-facts F-CW1). */
  readonly metricDimensionSuffix: string;
}

/** An existing broker of either engine, known by its ARN. */
export class ImportedBroker extends BrokerBase {
  public readonly brokerArn: string;
  public readonly brokerId: string;
  public readonly brokerName: string;
  public readonly connections: ec2.Connections;
  private readonly metricDimensionSuffix: string;

  constructor(scope: Construct, id: string, attrs: BrokerAttributes, engine: ImportedBrokerEngine) {
    super(scope, id, { environmentFromArn: attrs.brokerArn });
    this.brokerArn = attrs.brokerArn;
    ({ brokerName: this.brokerName, brokerId: this.brokerId } = parseBrokerArn(this, attrs.brokerArn));
    this.connections = new ec2.Connections({
      securityGroups: attrs.securityGroups,
      defaultPort: ec2.Port.tcp(engine.defaultProtocol.port),
    });
    this.metricDimensionSuffix = engine.metricDimensionSuffix;
  }

  protected get metricBrokerDimension(): string {
    return `${this.brokerName}${this.metricDimensionSuffix}`;
  }
}
