// The export request's map field crosses IPC checked: beside or above, or left out; nothing else.
import { describe, expect, it } from 'vitest';
import { INVOKE_ARGS } from './args';
import type { ImageExportRequest } from './contract';

const request: ImageExportRequest = { format: 'svg', what: 'all', laneMode: 'theatre', indices: null, theme: 'screen', width: 1280 };
const check = (r: unknown) => INVOKE_ARGS.exportImage.safeParse([r]).success;

describe('ImageExportRequest.map', () => {
  it('is beside, above or absent', () => {
    expect(check(request)).toBe(true);
    expect(check({ ...request, map: 'beside' })).toBe(true);
    expect(check({ ...request, map: 'above' })).toBe(true);
    expect(INVOKE_ARGS.previewImage.parse([{ ...request, map: 'above' }])[0].map).toBe('above');
  });

  it('refuses any other placement', () => {
    for (const map of ['left', '', 'BESIDE', 1, true, null, { placement: 'beside' }]) expect(check({ ...request, map }), String(map)).toBe(false);
  });
});
