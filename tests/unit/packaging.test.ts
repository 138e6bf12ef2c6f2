// The electron-builder configuration: valid against electron-builder's own schema, the four
// installer targets, the bundled dataset shipped where main looks for it, and the fuses flipped.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_FILE, bundledDatasetPath } from '../../src/main/dataset/bundledDataset';

const ROOT = join(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string; filter: string[] }[];
  files: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies?: Record<string, string> };

describe('electron-builder configuration', () => {
  it("is valid against electron-builder's schema", () => {
    const scheme = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(scheme);
    const { $schema: _schema, ...rest } = config;
    expect(validate(rest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('flips the security fuses (Electron checklist item 19)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false
    });
    expect(config['asar']).toBe(true);
  });

  it('ships the built app and puts the bundled dataset where the packaged main process looks for it', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.main).toBe('out/main/index.js');
    const data = config.extraResources.find((r) => r.from === 'data');
    expect(data?.to).toBe('data');
    expect(data?.filter).toContain('*.frontline');
    expect(data?.filter).toContain('sources/**');
    const resources = '/opt/Frontline/resources';
    expect(bundledDatasetPath({ isPackaged: true, resourcesPath: resources, appPath: '/ignored' })).toBe(join(resources, data!.to, BUNDLED_DATASET_FILE));
    expect(bundledDatasetPath({ isPackaged: false, resourcesPath: '/ignored', appPath: ROOT })).toBe(join(ROOT, 'data', BUNDLED_DATASET_FILE));
  });

  it('needs no runtime node_modules: main and preload are bundled whole', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
