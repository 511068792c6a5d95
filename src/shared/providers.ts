/** The kinds of provider tokencli speaks to; profiles and their behaviour live in client/providers. */
export const PROVIDER_KINDS = ['tokenplan', 'openai', 'openrouter', 'deepseek', 'siliconflow', 'moonshot', 'stepfun', 'ollama', 'openai-compatible', 'zhipu', 'kimi-code', 'minimax'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
