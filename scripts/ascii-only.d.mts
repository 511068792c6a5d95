/** `code` with every character outside ASCII escaped; throws where an escape would change it. */
export function asciiOnly(code: string, fileName?: string): string;
/** The Rollup plugin: every chunk it writes, in ASCII. */
export function asciiOnlyPlugin(): { name: string; renderChunk(code: string, chunk: { fileName: string }): { code: string; map: null } };
