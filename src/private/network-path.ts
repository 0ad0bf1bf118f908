import { Aspects, IAspect, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';

/**
 * Makes a function in a VPC wait for, and so be deleted before, the network path it uses: its own security group
 * and the rules placed with it, the security groups (and their rules) of what it calls, and the stack's interface
 * endpoints of `services` in its VPC. Without this, CloudFormation deletes the path in the first wave of a stack
 * delete, and the function's last calls (a custom resource's Delete) fail.
 */
export function dependOnNetworkPath(fn: Construct, vpc: ec2.IVpc, securityGroups: ec2.ISecurityGroup[], services: string[]): void {
  const stack = Stack.of(fn);
  for (const group of securityGroups.filter((g) => Stack.of(g) === stack)) {
    fn.node.addDependency(group);
  }
  EndpointDependencies.of(stack).add(fn, vpc, services);
}

/**
 * One aspect per stack: once the app is complete, each registered function depends on the interface endpoints of
 * its services in its VPC, wherever in the stack they were declared.
 */
class EndpointDependencies implements IAspect {
  public static of(stack: Stack): EndpointDependencies {
    const existing = (stack as unknown as Record<symbol, EndpointDependencies | undefined>)[KEY];
    if (existing) {
      return existing;
    }
    const aspect = new EndpointDependencies(stack);
    (stack as unknown as Record<symbol, EndpointDependencies>)[KEY] = aspect;
    Aspects.of(stack).add(aspect);
    return aspect;
  }

  private readonly functions: Array<{ fn: Construct; vpc: ec2.IVpc; services: string[] }> = [];

  private constructor(private readonly stack: Stack) {}

  public add(fn: Construct, vpc: ec2.IVpc, services: string[]): void {
    this.functions.push({ fn, vpc, services });
  }

  public visit(node: IConstruct): void {
    if (node !== this.stack) {
      return;
    }
    const endpoints = this.stack.node.findAll().filter((c): c is ec2.CfnVPCEndpoint => c instanceof ec2.CfnVPCEndpoint);
    for (const { fn, vpc, services } of this.functions) {
      const vpcId = JSON.stringify(this.stack.resolve(vpc.vpcId));
      for (const endpoint of endpoints) {
        const service = JSON.stringify(this.stack.resolve(endpoint.serviceName));
        if (JSON.stringify(this.stack.resolve(endpoint.vpcId)) === vpcId && services.some((s) => service.includes(`.${s}"`))) {
          fn.node.addDependency(endpoint);
        }
      }
    }
  }
}

const KEY = Symbol.for('cdk-amazon-mq.EndpointDependencies');
