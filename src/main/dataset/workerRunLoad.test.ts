// workerRunLoad with the real loadWorker.ts (under tsx): same result as loading inline, progress, cancelling terminates the worker, and crashed workers reported against the file.
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringAt } from '../../shared/dataset/columns';
import type { FileRef } from '../../shared/ipc/contract';
import { DatasetService, inlineRunLoad, type PendingImage } from './datasetService';
import type { FileProgress } from './loadDatasetFile';
import { datasetOf, imageNow, openDatasetFile, type ReadDataset, type ReadOutcome } from './openDatasetFile';
import { syntheticAcledCsv } from '../../../tests/support/syntheticAcled';
import { workerPool, workerRunLoad } from './workerRunLoad';
import { BUNDLED_EVENT_COUNT } from '../../../tests/support/bundledDataset';

const BUNDLED = fileURLToPath(new URL('../../../data/deir-al-zour-al-qaim-2017.frontline', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../tests/fixtures/broken-syntax.frontline', import.meta.url));
const WORKER_URL = new URL('./loadWorker.ts', import.meta.url);
/** tsx's ESM API (the .mjs build: its CommonJS build cannot find its ESM half from an eval'd worker). */
const TSX_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;

// Workers start a fresh module graph under tsx: allow time for that on a slow machine.
const SLOW = 60_000;

/**
 * Start the real TypeScript worker. On Node 20, `execArgv: ['--import', 'tsx']` does not reach a
 * worker's entry module (it fails with ERR_UNKNOWN_FILE_EXTENSION ".ts"), so a two-line
 * bootstrap registers tsx inside the worker first and then imports loadWorker.ts.
 */
function spawnTsWorker(url: URL = WORKER_URL): Worker {
  const bootstrap = `
    import(${JSON.stringify(TSX_API)})
      .then((api) => api.register())
      .then(() => import(${JSON.stringify(url.href)}));
  `;
  return new Worker(bootstrap, { eval: true });
}

/** Start a worker from plain JavaScript source (for crashes and hangs). */
const spawnJs = (source: string) => () => new Worker(source, { eval: true });

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'frontline-worker-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What a load opened (or opened but for the rows left out: `skipped`), and its file. */
function loaded<I>(outcome: ReadOutcome<I>): ReadDataset<I> & { skipped: readonly unknown[]; file: FileRef } {
  if (outcome.kind !== 'opened' && outcome.kind !== 'needs-review') throw new Error(`expected the file to load, got ${JSON.stringify(outcome)}`);
  const read = datasetOf(outcome)!;
  return { ...read.dataset, skipped: read.skipped, file: outcome.file };
}

const ref = (path: string, displayName: string): FileRef => ({ path, displayName });

const neverAborted = () => new AbortController().signal;

/** An opening that brings no dataset (so no file image to differ in). */
function failureOf<I>(outcome: ReadOutcome<I>): ReadOutcome<PendingImage> {
  if (outcome.kind === 'opened' || outcome.kind === 'needs-review') throw new Error('expected the file not to open');
  return outcome;
}

describe('workerRunLoad with the real worker', () => {
  it(
    'loads the bundled file with the same result as loading inline',
    async () => {
      const run = workerRunLoad(() => spawnTsWorker());
      const viaWorker = loaded(await run(ref(BUNDLED, 'bundled.frontline'), () => {}, neverAborted()));
      const inline = loaded(await openDatasetFile(BUNDLED, 'bundled.frontline'));
      expect(viaWorker.columns.count).toBe(BUNDLED_EVENT_COUNT);
      expect(viaWorker.columns).toEqual(inline.columns);
      expect(viaWorker.header).toEqual(inline.header);
      expect(viaWorker.warnings).toEqual(inline.warnings);
      const image = await viaWorker.image.ready();
      expect(image.ranges).toEqual(imageNow(inline.image).ranges);
      expect(Buffer.from(image.bytes).equals(await readFile(BUNDLED))).toBe(true);
      expect(viaWorker).toMatchObject({ file: { path: BUNDLED, displayName: 'bundled.frontline' }, bytes: inline.bytes });
      // The columns arrive readable (their buffers were transferred whole).
      expect(stringAt(viaWorker.columns.ids, 0)).toBe(stringAt(inline.columns.ids, 0));
    },
    SLOW
  );

  it(
    'passes progress messages on: reading first, checking last, up to the whole file',
    async () => {
      const progress: FileProgress[] = [];
      const run = workerRunLoad(() => spawnTsWorker());
      loaded(await run(ref(BUNDLED, 'bundled.frontline'), (p) => progress.push(p), neverAborted()));
      const size = (await readFile(BUNDLED)).byteLength;
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress[0]).toMatchObject({ phase: 'reading', done: 0, total: size });
      expect(progress.at(-1)).toEqual({ phase: 'checking', done: size, total: size, events: BUNDLED_EVENT_COUNT });
    },
    SLOW
  );

  it(
    'returns the problems of an invalid file, as loading inline does',
    async () => {
      const run = workerRunLoad(() => spawnTsWorker());
      const outcome = await run(ref(BROKEN, 'broken.frontline'), () => {}, neverAborted());
      const inline = failureOf(await openDatasetFile(BROKEN, 'broken.frontline'));
      expect(outcome).toEqual(inline);
      expect(outcome.kind).toBe('failed');
    },
    SLOW
  );

  it(
    'aborting terminates the worker and resolves as cancelled',
    async () => {
      const controller = new AbortController();
      let worker: Worker | undefined;
      const run = workerRunLoad(() => (worker = spawnTsWorker()));
      const progress: FileProgress[] = [];
      // Abort as soon as the worker says it has started.
      const outcome = await run(
        ref(BUNDLED, 'bundled.frontline'),
        (p) => {
          progress.push(p);
          controller.abort();
        },
        controller.signal
      );
      expect(outcome).toEqual({ kind: 'cancelled', file: ref(BUNDLED, 'bundled.frontline'), message: 'Opening bundled.frontline was cancelled.' });
      expect(progress[0]).toMatchObject({ phase: 'reading', done: 0 });
      expect(worker).toBeDefined();
      const [code] = (await once(worker!, 'exit')) as [number];
      expect(code).toBe(1); // terminated, not finished
    },
    SLOW
  );

  it('a signal aborted before the start resolves as cancelled and stops the worker it took', async () => {
    const controller = new AbortController();
    controller.abort();
    const workers: Worker[] = [];
    const pool = workerPool(() => {
      const w = spawnJs('setInterval(() => {}, 1000);')();
      workers.push(w);
      return w;
    });
    expect(await pool.runLoad(ref(BUNDLED, 'b'), () => {}, controller.signal)).toEqual({ kind: 'cancelled', file: ref(BUNDLED, 'b'), message: 'Opening b was cancelled.' });
    await once(workers[0]!, 'exit');
    // A fresh spare is made ready for the next load; disposing the pool stops it too.
    await new Promise((r) => setTimeout(r, 50));
    pool.dispose();
    for (const w of workers.slice(1)) await once(w, 'exit');
    expect(workers.length).toBeGreaterThanOrEqual(2);
  });

  it(
    'through DatasetService: the payload and full events come back from the worker',
    async () => {
      const service = new DatasetService(workerRunLoad(() => spawnTsWorker()));
      const result = await service.load(BUNDLED, { displayName: 'bundled.frontline', bundled: true });
      if (result.kind !== 'opened') throw new Error(result.kind === 'failed' ? result.error.message : result.kind);
      const inline = new DatasetService(inlineRunLoad);
      const expected = await inline.load(BUNDLED, { displayName: 'bundled.frontline', bundled: true });
      expect(result).toEqual(expected);
      for (let i = 0; i < BUNDLED_EVENT_COUNT; i++) expect(await service.event(i)).toEqual(await inline.event(i));
    },
    SLOW
  );
});

describe('workerRunLoad: any format, as the request says', () => {
  const INVALID_REFS = fileURLToPath(new URL('../../../tests/fixtures/invalid-refs.frontline', import.meta.url));

  it(
    'passes the request on: invalid events left out for review, or (strict) the file refused',
    async () => {
      const pool = workerPool(() => spawnTsWorker());
      try {
        const lenient = loaded(await pool.runLoad(ref(INVALID_REFS, 'refs.frontline'), () => {}, neverAborted()));
        expect(lenient.rows).toEqual({ total: 23, imported: 20, skipped: 3 });
        expect(lenient.skipped).toHaveLength(3);
        const inline = loaded(await openDatasetFile(INVALID_REFS, 'refs.frontline'));
        expect(lenient.columns).toEqual(inline.columns);
        const strict = await pool.runLoad(ref(INVALID_REFS, 'refs.frontline'), () => {}, neverAborted(), { strict: true });
        expect(strict).toEqual(failureOf(await openDatasetFile(INVALID_REFS, 'refs.frontline', { strict: true })));
        expect(strict.kind).toBe('failed');
      } finally {
        pool.dispose();
      }
    },
    SLOW
  );

  it(
    'a generic table comes back needing its columns mapped, with its preview',
    async () => {
      const path = join(tmp, 'table.csv');
      await writeFile(path, 'when,what\n2017-11-03,Town taken\n');
      const run = workerRunLoad(() => spawnTsWorker());
      const outcome = await run(ref(path, 'table.csv'), () => {}, neverAborted());
      expect(outcome).toEqual(failureOf(await openDatasetFile(path, 'table.csv')));
      expect(outcome.kind === 'needs-mapping' && outcome.preview.headers).toEqual(['when', 'what']);
    },
    SLOW
  );
});

describe('workerRunLoad: an import\'s file image comes after its columns', () => {
  /** A synthetic ACLED export of `rows` rows, written to `name` in the temporary folder. */
  async function writeAcled(name: string, rows: number, seed: number): Promise<string> {
    const path = join(tmp, name);
    await writeFile(path, syntheticAcledCsv(rows, seed));
    return path;
  }

  /** `path` opened by a real worker of its own (`imageDelayMs`: see workerRunLoad): what it opened, and the worker. */
  async function openInWorker(path: string, imageDelayMs?: number): Promise<{ opened: ReturnType<typeof loaded<PendingImage>>; worker: Worker }> {
    let worker: Worker | undefined;
    const opened = loaded(await workerRunLoad(() => (worker = spawnTsWorker()), imageDelayMs === undefined ? {} : { imageDelayMs })(ref(path, basename(path)), () => {}, neverAborted()));
    return { opened, worker: worker! };
  }

  it(
    'the columns come first, the file image (the same as written inline) after, and then the worker is let go',
    async () => {
      const path = await writeAcled('acled.csv', 2000, 5);
      const { opened: viaWorker, worker } = await openInWorker(path);
      const inline = loaded(await openDatasetFile(path, 'acled.csv'));
      expect(viaWorker.format).toBe('acled');
      expect(viaWorker.columns).toEqual(inline.columns);
      const exited = once(worker, 'exit');
      const image = await viaWorker.image.ready();
      const expected = imageNow(inline.image);
      expect(Buffer.from(image.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
      expect(image.ranges).toEqual(expected.ranges);
      // Its own buffers, whole (transferred, not copied into a shared pool).
      expect(image.bytes.byteLength).toBe(image.bytes.buffer.byteLength);
      await exited;
    },
    SLOW
  );

  it(
    'the image is written when asked for, or unasked a moment after the columns',
    async () => {
      const path = await writeAcled('acled-later.csv', 500, 8);
      // Asked for: not before.
      const { opened: patient, worker: asked } = await openInWorker(path, 60_000);
      let exited = false;
      asked.once('exit', () => (exited = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(exited).toBe(false);
      expect((await patient.image.ready()).ranges.length).toBe(1000);
      // Unasked: after the delay, the worker writes it, sends it and is let go.
      const { opened: eager, worker: unasked } = await openInWorker(path, 50);
      await once(unasked, 'exit');
      expect((await eager.image.ready()).ranges.length).toBe(1000);
    },
    SLOW
  );

  it(
    'an image no longer needed stops its worker, and says so to whoever waits for it',
    async () => {
      const { opened: viaWorker, worker } = await openInWorker(await writeAcled('acled-cancelled.csv', 20_000, 6));
      const exited = once(worker, 'exit');
      viaWorker.image.cancel();
      await expect(viaWorker.image.ready()).rejects.toThrow(/not needed/);
      const [code] = (await exited) as [number];
      expect(code).toBe(1); // terminated
    },
    SLOW
  );

  /** A worker that sends an import's columns (a stand-in), then does `then` instead of the image. */
  const columnsThen = (then: string) =>
    spawnJs(`
      const { parentPort } = require('node:worker_threads');
      parentPort.once('message', (r) => {
        parentPort.postMessage({ type: 'done', outcome: { kind: 'opened', file: r.file, dataset: { header: {}, columns: {}, warnings: [], image: 'follows', bytes: 1, format: 'acled', rows: { total: 1, imported: 1, skipped: 0 } } } });
        ${then}
      });
    `);

  it('a worker that stops while writing the image fails the image, not the load', async () => {
    const outcome = loaded(await workerRunLoad(columnsThen('setTimeout(() => process.exit(5), 20);'))(ref('/data/x.csv', 'x.csv'), () => {}, neverAborted()));
    await expect(outcome.image.ready()).rejects.toThrow(/loader stopped unexpectedly \(exit code 5\)/);
  });

  it('a worker that cannot write the image says why', async () => {
    const outcome = loaded(await workerRunLoad(columnsThen("parentPort.postMessage({ type: 'image-failed', message: 'the converted dataset would be larger than 4 GB' });"))(ref('/data/x.csv', 'x.csv'), () => {}, neverAborted()));
    await expect(outcome.image.ready()).rejects.toThrow('the converted dataset would be larger than 4 GB');
  });
});

describe('workerRunLoad through a cache', () => {
  it(
    'a file opened again comes from the cache the worker wrote, the same (a native image at once, an import\'s after); the worker is let go once it has written',
    async () => {
      const cacheDir = join(tmp, 'cache');
      const log: string[] = [];
      const workers: Worker[] = [];
      const exited = new Set<Worker>();
      const pool = workerPool(
        () => {
          const w = spawnTsWorker();
          workers.push(w);
          w.once('exit', () => exited.add(w));
          return w;
        },
        { cache: { dir: cacheDir, maxBytes: 1024 ** 3, stamp: 'worker test' }, imageDelayMs: 50, log: (m) => log.push(m) }
      );
      try {
        for (const path of [BUNDLED, await writeFile(join(tmp, 'acled-cached.csv'), syntheticAcledCsv(400, 9)).then(() => join(tmp, 'acled-cached.csv'))]) {
          const name = basename(path);
          // The spare the load will take.
          await new Promise((r) => setTimeout(r, 10));
          const writer = workers.at(-1)!;
          const first = loaded(await pool.runLoad(ref(path, name), () => {}, neverAborted()));
          const firstImage = await first.image.ready();
          await pool.idle();
          // Let go once the entry is written (its exit follows the terminate).
          await new Promise((r) => setTimeout(r, 100));
          expect(exited.has(writer)).toBe(true);
          expect(log.slice(-2)).toEqual([`${name} not from the cache: no entry yet`, expect.stringMatching(new RegExp(`^cached ${name.replace('.', '\\.')} \\(`))]);
          const second = loaded(await pool.runLoad(ref(path, name), () => {}, neverAborted()));
          expect(log.at(-1)).toBe(`opened ${name} from the cache`);
          expect(first.fromCache).toBe(false);
          expect(second.fromCache).toBe(true);
          expect(second.columns).toEqual(first.columns);
          expect(second.header).toEqual(first.header);
          expect(second.rows).toEqual(first.rows);
          // A native file's image is the file, there at once; an import's is read from the entry after.
          expect(second.image.written() !== undefined).toBe(name.endsWith('.frontline'));
          const secondImage = await second.image.ready();
          expect(Buffer.from(secondImage.bytes).equals(Buffer.from(firstImage.bytes))).toBe(true);
          expect(secondImage.ranges).toEqual(firstImage.ranges);
        }
        expect((await readdir(cacheDir)).filter((f) => f.endsWith('.fcache'))).toHaveLength(2);
      } finally {
        pool.dispose();
        for (const w of workers) await w.terminate();
      }
    },
    SLOW
  );
});

describe('workerRunLoad when the worker fails', () => {
  it('a worker that throws resolves with a problem naming the file', async () => {
    const run = workerRunLoad(spawnJs("throw new Error('loader exploded');"));
    const outcome = await run(ref('/data/x.frontline', 'Shown name.frontline'), () => {}, neverAborted());
    expect(outcome).toEqual({
      kind: 'failed',
      file: { path: '/data/x.frontline', displayName: 'Shown name.frontline' },
      error: { code: 'invalid-data', message: 'Shown name.frontline could not be opened.', problems: [{ severity: 'error', file: 'Shown name.frontline', message: 'could not be loaded: loader exploded' }] }
    });
  });

  it('a worker that exits without an answer resolves with a problem naming the file and the exit code', async () => {
    const run = workerRunLoad(spawnJs('process.exit(3);'));
    const outcome = await run(ref('/data/x.frontline', 'x.frontline'), () => {}, neverAborted());
    expect(outcome).toEqual({
      kind: 'failed',
      file: { path: '/data/x.frontline', displayName: 'x.frontline' },
      error: { code: 'invalid-data', message: 'x.frontline could not be opened.', problems: [{ severity: 'error', file: 'x.frontline', message: 'the loader stopped unexpectedly (exit code 3)' }] }
    });
  });

  it('a worker that runs out of memory resolves with a problem naming the file', async () => {
    const run = workerRunLoad(
      () =>
        new Worker('const keep = []; for (;;) keep.push(new Array(1e6).fill(keep.length));', {
          eval: true,
          resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 }
        })
    );
    const outcome = await run(ref('/data/big.frontline', 'big.frontline'), () => {}, neverAborted());
    if (outcome.kind !== 'failed') throw new Error('expected problems');
    expect(outcome.error.problems).toHaveLength(1);
    expect(outcome.error.problems?.[0]).toMatchObject({ severity: 'error', file: 'big.frontline' });
  }, SLOW);

  it(
    'the real worker on a file it cannot read answers with the problem, not a crash',
    async () => {
      const run = workerRunLoad(() => spawnTsWorker());
      const outcome = await run(ref(join(tmp, 'absent.frontline'), 'absent.frontline'), () => {}, neverAborted());
      expect(outcome).toEqual({
      kind: 'failed',
      file: { path: join(tmp, 'absent.frontline'), displayName: 'absent.frontline' },
      error: { code: 'invalid-data', message: 'absent.frontline could not be opened.', problems: [{ severity: 'error', file: 'absent.frontline', message: 'cannot be read: no such file' }] }
    });
    },
    SLOW
  );

  it(
    'the real worker on a file whose stray non-UTF-8 byte also breaks the JSON answers with a problem',
    async () => {
      const path = join(tmp, 'latin1-broken.frontline');
      await writeFile(path, Buffer.concat([Buffer.from('{\n  "format": "frontline-dataset",\n  '), Buffer.from([0xe9]), Buffer.from('\n}')]));
      const run = workerRunLoad(() => spawnTsWorker());
      const outcome = await run(ref(path, 'latin1-broken.frontline'), () => {}, neverAborted());
      if (outcome.kind !== 'failed') throw new Error('expected problems');
      // Source bug (loadDatasetBytes syntaxProblem): the worker crashes on a TypeError from the
      // fatal decoder, and the user sees the decoder's message instead of a line and column.
      expect(outcome.error.problems).toEqual([{ severity: 'error', file: 'latin1-broken.frontline', line: 3, column: 3, message: expect.stringMatching(/not valid (UTF-8|JSON)/) }]);
    },
    SLOW
  );
});
