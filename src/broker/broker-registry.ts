import { IConstruct } from 'constructs';
import { BrokerSpec } from './broker-spec';

/**
 * What this app knows of the brokers it creates, for constructs that only hold an `IBroker` (a configuration
 * association checks the broker's engine version and authentication strategy with it). Imported brokers are absent.
 */
const SPECS = new WeakMap<IConstruct, BrokerSpec>();
/** The association that sets each broker's configuration, by broker. */
const ASSOCIATIONS = new WeakMap<IConstruct, string>();

export function registerBrokerSpec(broker: IConstruct, spec: BrokerSpec): void {
  SPECS.set(broker, spec);
}

/** The validated spec of a broker created in this app; undefined for an imported one. */
export function brokerSpecOf(broker: IConstruct): BrokerSpec | undefined {
  return SPECS.get(broker);
}

/** The path of the association already setting this broker's configuration, if any. */
export function associationOf(broker: IConstruct): string | undefined {
  return ASSOCIATIONS.get(broker);
}

export function registerAssociation(broker: IConstruct, associationPath: string): void {
  ASSOCIATIONS.set(broker, associationPath);
}
