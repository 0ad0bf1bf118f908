import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks } from 'cdk-nag';

/**
 * The cdk-nag packs the examples run, by the rule-ID prefix each reports under: AwsSolutions, and the compliance
 * packs regulated users run (Amazon MQ is HIPAA eligible, PCI DSS, SOC and ISO compliant). NIST 800-53 R4 is left
 * out: R5 supersedes it and checks the same resources.
 */
export const NAG_PACKS: ReadonlyArray<{ name: string; create: (app: App) => NagPack }> = [
  { name: 'AwsSolutions', create: (app) => new AwsSolutionsChecks(app) },
  { name: 'HIPAA.Security', create: (app) => new HIPAASecurityChecks(app) },
  { name: 'NIST.800.53.R5', create: (app) => new NIST80053R5Checks(app) },
  { name: 'PCI.DSS.321', create: (app) => new PCIDSS321Checks(app) },
  { name: 'Serverless', create: (app) => new ServerlessChecks(app) },
];
