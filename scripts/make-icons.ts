// Renders resources/icon.svg to the PNG electron-builder turns into each platform's icon (npm run icons).
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const resources = join(import.meta.dirname, '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 } }).render().asPng();
writeFileSync(join(resources, 'icon.png'), png);
console.log(`wrote resources/icon.png (${png.length} bytes)`);
