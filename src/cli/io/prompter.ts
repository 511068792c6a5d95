/**
 * Questions to a person, behind an interface so that commands can be tested with scripted answers.
 * @inquirer/prompts is loaded only when a question is actually asked; Ctrl-C in a prompt throws
 * its ExitPromptError, which main.ts maps to exit 130.
 */
export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T extends string>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  input(message: string, defaultValue?: string): Promise<string>;
  password(message: string): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
}

export function inquirerPrompter(output: NodeJS.WritableStream): Prompter {
  const context = { output };
  const load = () => import('@inquirer/prompts');
  return {
    select: async (message, choices, defaultValue) => (await load()).select({ message, choices, ...(defaultValue ? { default: defaultValue } : {}) }, context),
    input: async (message, defaultValue) => (await load()).input({ message, ...(defaultValue ? { default: defaultValue } : {}) }, context),
    password: async (message) => (await load()).password({ message, mask: '*' }, context),
    confirm: async (message, defaultValue = false) => (await load()).confirm({ message, default: defaultValue }, context),
  };
}
