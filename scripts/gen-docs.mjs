// Regenerates the README's command reference from the commander tree.
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from './reference.mjs';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, withReference(readFileSync(path, 'utf8')));
console.log('README.md: command reference regenerated');
