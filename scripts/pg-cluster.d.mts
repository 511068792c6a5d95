export function startCluster(o?: { maxConnections?: number }): Promise<{ url: string; stop(): Promise<void> }>;
export function createDatabase(adminUrl: string, name: string): Promise<string>;
