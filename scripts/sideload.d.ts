// Types for scripts/sideload.js (plain CommonJS, required by scripts/start.js).
export interface Debugging {
  startDebugging(manifestPath: string, options: object): Promise<void>;
  stopDebugging(manifestPath: string): Promise<void>;
}

export const DEV_MANIFEST: string;
export function sideloadDecision(platform: string, env: Record<string, string | undefined>): { sideload: true } | { sideload: false; note: string };
export function loadDebugging(load?: (id: string) => unknown): Debugging | null;
export function startSideload(options?: {
  platform?: string;
  env?: Record<string, string | undefined>;
  manifestPath?: string;
  debugging?: Debugging | null;
  log?: (line: string) => void;
}): Promise<{ sideloaded: boolean; stop: () => Promise<void> }>;
