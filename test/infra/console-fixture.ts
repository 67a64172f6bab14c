import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What Vite writes for the console: index.html naming its hashed entry, and the assets. */
export const fixtureIndexHtml = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>办件 · 工作台</title>
    <script type="module" crossorigin src="/console/assets/index-Fx7aB2c9.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

/**
 * A console build in the layout of `scripts/build-console.ts` (index.html, assets/, the source-hash
 * stamp, Vite's manifest), so that the stack's tests need no Vite run; `extra` adds files beside index.html.
 */
export function fakeConsoleBuild(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-aws-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), fixtureIndexHtml);
  writeFileSync(join(dir, 'assets', 'index-Fx7aB2c9.js'), 'console.log("console");\n');
  writeFileSync(join(dir, '.source-hash'), 'fixture');
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-Fx7aB2c9.js","isEntry":true}}');
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A CloudFormation value as readable text: `${Logical}`, `${Logical.Attr}`, `${Map:Key}`, joins joined. */
export function cfnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]]; 'Fn::FindInMap'?: [string, unknown, string]; 'Fn::Sub'?: string };
  if (node.Ref !== undefined) return `\${${node.Ref}}`;
  if (node['Fn::GetAtt']) return `\${${node['Fn::GetAtt'].join('.')}}`;
  if (node['Fn::Join']) return node['Fn::Join'][1].map(cfnText).join(node['Fn::Join'][0]);
  if (node['Fn::FindInMap']) return `\${${node['Fn::FindInMap'][0]}:${cfnText(node['Fn::FindInMap'][1])}}`;
  if (node['Fn::Sub'] !== undefined) return node['Fn::Sub'];
  throw new Error(`no text for ${JSON.stringify(value)}`);
}
