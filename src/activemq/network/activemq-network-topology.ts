import { ActiveMqBroker } from '../activemq-broker';

/** One network connection: `fromBroker` opens a network connector to `toBroker`. */
export interface ActiveMqNetworkConnection {
  /** The broker that opens the connection (its configuration holds the connector). */
  readonly fromBroker: ActiveMqBroker;
  /** The broker it connects to. */
  readonly toBroker: ActiveMqBroker;
}

/** Who connects to whom in a network of brokers. */
export abstract class ActiveMqNetworkTopology {
  /** Every broker connected with every other (one connection per pair, or one each way without duplex). */
  public static mesh(): ActiveMqNetworkTopology {
    return new MeshTopology();
  }

  /**
   * Spokes connect to the hub, and messages between spokes cross it (two hops): the hub needs no configuration of
   * its own with duplex connections.
   */
  public static hubAndSpoke(hub: ActiveMqBroker): ActiveMqNetworkTopology {
    return new HubAndSpokeTopology(hub);
  }

  /** The network's default `networkTTL`: the most hops a message needs. */
  public abstract readonly hops: number;

  /** The connections among `brokers`; with `duplex`, one per pair, else one each way. @internal */
  public abstract _connections(brokers: ActiveMqBroker[], duplex: boolean): ActiveMqNetworkConnection[];

  /** The hub of a hub-and-spoke topology. @internal */
  public _hub(): ActiveMqBroker | undefined {
    return undefined;
  }
}

class MeshTopology extends ActiveMqNetworkTopology {
  public readonly hops = 1;

  public _connections(brokers: ActiveMqBroker[], duplex: boolean): ActiveMqNetworkConnection[] {
    return brokers.flatMap((from, i) => brokers.slice(i + 1).flatMap((to) => pair(from, to, duplex)));
  }
}

class HubAndSpokeTopology extends ActiveMqNetworkTopology {
  public readonly hops = 2;

  constructor(private readonly hub: ActiveMqBroker) {
    super();
  }

  public _hub(): ActiveMqBroker {
    return this.hub;
  }

  public _connections(brokers: ActiveMqBroker[], duplex: boolean): ActiveMqNetworkConnection[] {
    return brokers.filter((b) => b !== this.hub)
      .flatMap((spoke) => pair(spoke, this.hub, duplex));
  }
}

/** `from` connects to `to`; without duplex, `to` connects back. */
function pair(from: ActiveMqBroker, to: ActiveMqBroker, duplex: boolean): ActiveMqNetworkConnection[] {
  return duplex ? [{ fromBroker: from, toBroker: to }] : [{ fromBroker: from, toBroker: to }, { fromBroker: to, toBroker: from }];
}
