import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { entrypoints } from '../../functions/entrypoints.ts';
import { buildApp } from '../../infra/app.ts';

let stateful: Template;
let stateless: Template;

beforeAll(() => {
  // Bundling is esbuild's job and is exercised by `cdk synth`; the assertions here are about the templates.
  const app = buildApp(new App({ context: { county: 'sanmen', 'aws:cdk:bundling-stacks': [] } }));
  stateful = Template.fromStack(app.node.findChild('Banjian-sanmen-Stateful') as never);
  stateless = Template.fromStack(app.node.findChild('Banjian-sanmen-Stateless') as never);
});

describe('the county app', () => {
  it('has an Events table keyed by stream and version, with a NEW_IMAGE stream, and a Views table', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'stream', KeyType: 'HASH' },
        { AttributeName: 'version', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  });

  it('makes one function per entrypoint of the shared entry list', () => {
    const functions = stateless.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
    expect(Object.keys(functions)).toHaveLength(Object.keys(entrypoints).length);
    stateless.allResourcesProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'], Environment: { Variables: Match.objectLike({ EVENTS_TABLE: Match.anyValue() }) } });
  });

  it('fails synth on an unknown county, naming it', () => {
    expect(() => buildApp(new App({ context: { county: 'atlantis' } }))).toThrow(/Unknown county "atlantis"/);
  });
});
