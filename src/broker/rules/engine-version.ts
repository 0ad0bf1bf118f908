import { Rule, isKnown } from '../../private/rules';
import { majorMinor } from '../../private/versions';
import { BrokerSpec } from '../broker-spec';

export const ENGINE_VERSION_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'EngineVersionSupported',
    fact: 'F-V03..F-V10, F-V13',
    summary: 'engineVersion: not a version whose support ended',
    check: (s) => isKnown(s.engineVersion.version) && s.engineVersion.endOfSupport
      ? `'engineVersion' '${s.engineVersion.version}' is not allowed: Amazon MQ ended support for ${s.engine} ${majorMinor(s.engineVersion.version)} on ${s.engineVersion.endOfSupport}; use a supported version`
      : undefined,
  },
  {
    id: 'EngineVersionMajorMinor',
    fact: 'F-V11',
    summary: 'engineVersion: `major.minor` only from ActiveMQ 5.18 / RabbitMQ 3.13 on',
    check: (s) => isKnown(s.engineVersion.version) && s.engineVersion.managesPatchVersions && s.engineVersion.version.split('.').length > 2
      ? `'engineVersion' '${s.engineVersion.version}' is not allowed: Amazon MQ manages patch versions of ${s.engine} ${majorMinor(s.engineVersion.version)}; give '${majorMinor(s.engineVersion.version)}'`
      : undefined,
  },
  {
    id: 'AutoMinorVersionUpgradeRequired',
    fact: 'F-B07, F-V11',
    summary: 'autoMinorVersionUpgrade: must be true on ActiveMQ >= 5.18 and RabbitMQ >= 3.13',
    check: (s) => isKnown(s.autoMinorVersionUpgrade) && !s.autoMinorVersionUpgrade && s.engineVersion.managesPatchVersions
      ? `'autoMinorVersionUpgrade' false is not allowed with engineVersion '${s.engineVersion.version}': Amazon MQ manages patch versions there; allowed: true`
      : undefined,
  },
];
