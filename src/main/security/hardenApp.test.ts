// hardenApp with a fake app and protocol: the sandbox is enabled and app:// registered before
// 'ready', with no more privileges than it needs; and main's entry calls it at the top level.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME } from './appProtocol';
import { APP_SCHEME_PRIVILEGES, hardenApp, type HardenableApp, type SchemeRegistry } from './hardenApp';

/** Records every call, in order, with whether the app was ready at the time (as Electron would). */
function fakes(ready = false): { app: HardenableApp; protocol: SchemeRegistry; calls: { call: string; ready: boolean; args?: unknown }[] } {
  const calls: { call: string; ready: boolean; args?: unknown }[] = [];
  const app: HardenableApp = {
    isReady: () => ready,
    enableSandbox() {
      // Electron's own rule: "app.enableSandbox() can only be called before app is ready".
      if (ready) throw new Error('app.enableSandbox() can only be called before app is ready');
      calls.push({ call: 'enableSandbox', ready });
    }
  };
  const protocol: SchemeRegistry = {
    registerSchemesAsPrivileged(schemes) {
      calls.push({ call: 'registerSchemesAsPrivileged', ready, args: structuredClone(schemes) });
    }
  };
  return { app, protocol, calls };
}

describe('hardenApp', () => {
  it('enables the sandbox and registers app:// before the app is ready', () => {
    const { app, protocol, calls } = fakes();
    hardenApp(app, protocol);
    expect(calls).toEqual([
      { call: 'enableSandbox', ready: false },
      { call: 'registerSchemesAsPrivileged', ready: false, args: [APP_SCHEME_PRIVILEGES] }
    ]);
  });

  it('refuses, with a clear message and without half-doing it, once the app is ready', () => {
    const { app, protocol, calls } = fakes(true);
    expect(() => hardenApp(app, protocol)).toThrow(/before the app is ready/);
    expect(calls).toEqual([]);
  });

  it('gives app:// exactly standard, secure, fetch and code cache: never bypassCSP, CORS, service workers, streams or extensions', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });
});

describe("main's entry (src/main/index.ts)", () => {
  const source = ts.createSourceFile('index.ts', readFileSync(join(import.meta.dirname, '..', 'index.ts'), 'utf8'), ts.ScriptTarget.Latest, true);
  const topLevelCalls = source.statements.flatMap((statement) =>
    ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) ? [statement.expression.getText(source)] : []
  );

  it('calls hardenApp(app, protocol) as a top-level statement, so it runs before anything can wait for ready', () => {
    expect(topLevelCalls).toContain('hardenApp(app, protocol)');
  });

  it('does not call enableSandbox or registerSchemesAsPrivileged anywhere but through hardenApp', () => {
    expect(source.getText()).not.toMatch(/\.enableSandbox\(|registerSchemesAsPrivileged\(/);
  });
});
