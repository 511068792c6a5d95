// Writes completions/ from the commander tree (the same text `tokencli completion SHELL` prints).
import { mkdirSync, writeFileSync } from 'node:fs';
import { completionFiles } from './reference.mjs';

const dir = new URL('../completions/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(completionFiles())) writeFileSync(new URL(file, dir), text);
console.log(`completions/: ${Object.keys(completionFiles()).join(', ')} regenerated`);
