// Types for scripts/testTools.js (plain CommonJS, run by the pretest step before anything is compiled).
export interface TestTool {
  name: 'chromium' | 'soffice' | 'xmllint' | 'nginx' | 'cjk-fonts';
  commands: string[];
  debian: string;
  purpose: string;
  fonts?: RegExp;
}
export const TOOLS: TestTool[];
export function findCommand(command: string, env?: NodeJS.ProcessEnv): string | null;
export function locateTool(tool: TestTool, env?: NodeJS.ProcessEnv): string | null;
export function requireTool(name: TestTool['name'], env?: NodeJS.ProcessEnv): string;
export function installCommand(tools: TestTool[]): string;
