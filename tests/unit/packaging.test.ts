// The electron-builder configuration: valid against electron-builder's own schema, the four
// installer targets, the bundled dataset and the export fonts shipped where main looks for them,
// the fuses flipped, and no runtime node_modules but the native module image export needs.
import Ajv from 'ajv';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATASET_FILE, bundledDatasetPath } from '../../src/main/dataset/bundledDataset';
import { FONT_FILES, fontsDir } from '../../src/main/export/fonts';
import { NATIVE_MODULES } from '../../electron.vite.config';
import { fileArgument } from '../../src/main/files/commandLine';
import { PAGE_TEMPLATE_FILE, pageTemplatePath } from '../../src/main/export/interactivePage';

const ROOT = join(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string; filter: string[] }[];
  asarUnpack: string[];
  files: string[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  fileAssociations: { ext: string; name: string; description?: string; mimeType?: string; role?: string; rank?: string }[];
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

  it("ships the interactive page's template (out/page, built with the app) where the packaged main process looks for it", () => {
    // out/** is packed into the asar; main finds the template under the app's path there.
    expect(config.files).toContain('out/**');
    expect(config.files.filter((f) => f.startsWith('!'))).toEqual(['!**/*.map']);
    const app = mkdtempSync(join(tmpdir(), 'frontline-app-'));
    try {
      mkdirSync(join(app, 'out', 'page'), { recursive: true });
      writeFileSync(join(app, 'out', 'page', PAGE_TEMPLATE_FILE), '<!doctype html>');
      expect(pageTemplatePath({ isPackaged: true, resourcesPath: '/ignored', appPath: app })).toBe(join(app, 'out', 'page', PAGE_TEMPLATE_FILE));
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('registers Frontline as the viewer of .frontline files (double-click opens them)', () => {
    expect(config.fileAssociations).toEqual([
      {
        ext: 'frontline',
        name: 'Frontline dataset',
        description: 'Frontline dataset of sourced conflict events',
        mimeType: 'application/x-frontline-dataset+json',
        role: 'Viewer',
        rank: 'Owner'
      }
    ]);
  });

  it('main opens the file the OS hands over: on the command line (Windows, Linux), by open-file (macOS), in a second instance', () => {
    // Windows and Linux start the app with the file's path (Linux desktop entries may give a file:// URL).
    expect(fileArgument(['/opt/Frontline/frontline', '/home/a/x.frontline'], { defaultApp: false, cwd: '/' })).toBe('/home/a/x.frontline');
    expect(fileArgument(['/opt/Frontline/frontline', 'file:///home/a/x.frontline'], { defaultApp: false, cwd: '/' })).toBe('/home/a/x.frontline');
    const main = readFileSync(join(ROOT, 'src', 'main', 'index.ts'), 'utf8');
    expect(main).toContain("app.on('open-file'");
    expect(main).toContain("app.on('second-instance', (_event, argv, workingDirectory)");
    expect(main).toMatch(/fileArgument\(process\.argv/);
  });

  it('ships the export fonts where the packaged main process looks for them', () => {
    const fonts = config.extraResources.find((r) => r.from === 'resources/fonts');
    expect(fonts?.to).toBe('fonts');
    expect(fonts?.filter).toEqual(['*.ttf', 'OFL.txt']);
    for (const f of FONT_FILES) expect(existsSync(join(ROOT, 'resources', 'fonts', f.file)), f.file).toBe(true);
    // A packaged app: <resourcesPath>/fonts, as copied there (the project's own folder is not consulted first).
    const resources = mkdtempSync(join(tmpdir(), 'frontline-resources-'));
    try {
      mkdirSync(join(resources, fonts!.to));
      for (const f of FONT_FILES) copyFileSync(join(ROOT, 'resources', 'fonts', f.file), join(resources, fonts!.to, f.file));
      expect(fontsDir({ isPackaged: true, resourcesPath: resources, appPath: '/ignored' })).toBe(join(resources, 'fonts'));
    } finally {
      rmSync(resources, { recursive: true, force: true });
    }
  });

  it('needs no runtime node_modules but the native modules image export needs', () => {
    // Main and preload are bundled whole. A native module (a .node binary, here resvg for PNG
    // export) cannot be: it is left out of the bundle (electron.vite.config.ts), shipped as a
    // dependency and unpacked from the asar so the binary can be loaded.
    expect(NATIVE_MODULES).toEqual(['@resvg/resvg-js']);
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...NATIVE_MODULES].sort());
    expect(config.asarUnpack).toEqual(['node_modules/@resvg/**/*.node']);
  });
});
