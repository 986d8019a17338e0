// Types for scripts/deploy.js (plain CommonJS, required by webpack.config.js).
import type { Compiler, WebpackPluginInstance } from 'webpack';

export interface DeployOptions {
  baseUrl: string;
  id: string;
  idDerived: boolean;
  supportUrl: string;
  nameSuffix: string;
  version: string;
}

export const DEV_ORIGIN: string;
export const OFFICE_JS_LOCAL_FILES: string[];
export function deployOptions(env: Record<string, string | undefined>, packageVersion?: string): DeployOptions | null;
export function productionManifest(devXml: string, options: DeployOptions): string;
export function idForBaseUrl(baseUrl: string): string;
export class DeployManifestPlugin implements WebpackPluginInstance {
  constructor(options: DeployOptions, devManifestPath?: string);
  apply(compiler: Compiler): void;
}
export function deployPlugins(webpackEnv: Record<string, unknown>, env?: Record<string, string | undefined>): WebpackPluginInstance[];
