import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { RootProcess } from './debian-root';
import { ACTIVEMQ_NAMESPACE } from '../../src/activemq/configuration/activemq-configuration-document';
import { element, renderXml, XmlNode } from '../../src/private/xml/xml-node';
import { parseXml } from '../../src/private/xml/xml-parse';

/** A user as Amazon MQ's simple authentication adds it to the broker. */
export interface EngineUser {
  readonly username: string;
  readonly password: string;
  readonly groups: string[];
}

const ACTIVEMQ_HOME = '/usr/share/activemq';

/** Java module flags ActiveMQ 5.17's Spring/xbean needs on a modular JDK (21 in the engine root). */
const JAVA_FLAGS = [
  '--add-reads=java.xml=java.logging',
  ...['java.base/java.lang', 'java.base/java.util', 'java.base/java.net', 'java.base/java.security', 'java.naming/javax.naming.spi',
    'java.rmi/sun.rmi.transport.tcp', 'java.base/java.util.concurrent', 'java.base/java.util.concurrent.atomic']
    .flatMap((pkg) => ['--add-opens', `${pkg}=ALL-UNNAMED`]),
];

/**
 * Wraps a rendered Amazon MQ `<broker>` configuration into a full activemq.xml the way Amazon MQ completes it:
 * the broker name and data directory, the simple authentication plugin with the broker's users (first plugin),
 * and transport connectors, here on 127.0.0.1 only.
 */
export function completeActiveMqXml(brokerXml: string, users: EngineUser[], ports: { stomp: number; openwire: number }, brokerName = 'amazon-mq-test'): string {
  const { root } = parseXml(brokerXml, ACTIVEMQ_NAMESPACE);
  const auth = element('simpleAuthenticationPlugin', { anonymousAccessAllowed: false }, [element('users', {}, users.map((u) =>
    element('authenticationUser', { username: u.username, password: u.password, groups: u.groups.join(',') })))]);
  const others = root.children.filter((c) => !['plugins', 'transportConnectors', 'persistenceAdapter'].includes(c.name));
  const plugins = root.children.find((c) => c.name === 'plugins');
  const kahaDb = root.children.find((c) => c.name === 'persistenceAdapter')?.children[0];
  const broker: XmlNode = element('broker', {
    xmlns: ACTIVEMQ_NAMESPACE,
    brokerName,
    useJmx: false,
    dataDirectory: '${activemq.data}',
    ...root.attributes,
  }, [
    ...others,
    element('persistenceAdapter', {}, [element('kahaDB', { ...kahaDb?.attributes, directory: '${activemq.data}/kahadb' })]),
    element('plugins', {}, [auth, ...(plugins?.children ?? [])]),
    element('transportConnectors', {}, [
      element('transportConnector', { name: 'openwire', uri: `tcp://127.0.0.1:${ports.openwire}` }),
      element('transportConnector', { name: 'stomp', uri: `stomp://127.0.0.1:${ports.stomp}` }),
    ]),
  ]);
  return [
    '<beans xmlns="http://www.springframework.org/schema/beans" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd',
    '  http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">',
    '  <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer"/>',
    renderXml(broker, '  '),
    '</beans>',
    '',
  ].join('\n');
}

/**
 * A private ActiveMQ 5.17.6 (Debian 13's package on OpenJDK 21, in the engine root) under a temporary directory, on
 * 127.0.0.1, stopped by its PID.
 */
export class ActiveMqEngine {
  /** Boots the broker with the given `<broker>` configuration; rejects with the broker's log when it does not start. */
  public static async start(brokerXml: string, users: EngineUser[], brokerName?: string): Promise<ActiveMqEngine> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'activemq-'));
    for (const dir of ['conf', 'data', 'tmp']) {
      fs.mkdirSync(path.join(base, dir));
    }
    const ports = { stomp: await freePort(), openwire: await freePort() };
    const xml = completeActiveMqXml(brokerXml, users, ports, brokerName);
    fs.writeFileSync(path.join(base, 'conf', 'activemq.xml'), xml);
    fs.writeFileSync(path.join(base, 'conf', 'log4j.properties'), [
      'log4j.rootLogger=INFO, out',
      'log4j.appender.out=org.apache.log4j.ConsoleAppender',
      'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.out.layout.ConversionPattern=%d %-5p %c{1} - %m%n',
      '',
    ].join('\n'));
    const log = fs.openSync(path.join(base, 'broker.log'), 'w');
    const child = RootProcess.spawn('/usr/bin/java', [
      '-Xms64m', '-Xmx256m', '-Djava.awt.headless=true', `-Djava.io.tmpdir=${base}/tmp`, ...JAVA_FLAGS,
      `-Dactivemq.classpath=${base}/conf`, `-Dactivemq.home=${ACTIVEMQ_HOME}`, `-Dactivemq.base=${base}`,
      `-Dactivemq.conf=${base}/conf`, `-Dactivemq.data=${base}/data`,
      '-jar', `${ACTIVEMQ_HOME}/bin/activemq.jar`, 'start', `xbean:file:${base}/conf/activemq.xml`,
    ], { stdio: ['ignore', log, log] });
    const engine = new ActiveMqEngine(child, base, ports.stomp, ports.openwire, xml);
    await engine.waitUntilListening();
    return engine;
  }

  private constructor(
    private readonly child: RootProcess,
    /** The instance directory (configuration, data, log). */
    public readonly base: string,
    public readonly stompPort: number,
    public readonly openwirePort: number,
    /** The full activemq.xml the broker runs with. */
    public readonly activemqXml: string,
  ) {}

  public get log(): string {
    return fs.readFileSync(path.join(this.base, 'broker.log'), 'utf-8');
  }

  /** Waits until the broker's log matches `pattern`. */
  public async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.log)) {
      if (Date.now() > deadline) {
        throw new Error(`ActiveMQ's log did not show ${pattern} within ${timeoutMs} ms:\n${this.log.slice(-4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return this.log;
  }

  /** Stops the broker by its process ID and waits for it to exit. */
  public async stop(): Promise<void> {
    await this.child.stop();
  }

  private async waitUntilListening(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child.running) {
        throw new Error(`ActiveMQ exited with ${this.child.child.exitCode}:\n${this.log.slice(-4000)}`);
      }
      if (await canConnect(this.stompPort)) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await this.stop();
    throw new Error(`ActiveMQ did not listen on ${this.stompPort} within ${timeoutMs} ms:\n${this.log.slice(-4000)}`);
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
