/** Base URLs as users write them (with or without a trailing slash, with or without /v1), joined with paths one way. */

export const withoutTrailingSlash = (base: string) => base.replace(/\/+$/, '');

/** `https://api.example.com/` + `/v1/models` → `https://api.example.com/v1/models`. */
export const joinUrl = (base: string, path: string) => withoutTrailingSlash(base) + path;

/** The host's root of an OpenAI-style base that ends in /v1: where some providers keep their account calls. */
export const rootOf = (base: string) => withoutTrailingSlash(base).replace(/\/v1$/, '');
