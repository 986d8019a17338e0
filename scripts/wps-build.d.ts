// Types for scripts/wps-build.js (plain CommonJS, required by webpack.config.js).
import type { Configuration, WebpackPluginInstance } from 'webpack';

export function createWpsConfig(env?: Record<string, string | boolean | undefined>, argv?: { mode?: 'production' | 'development' }, processEnv?: Record<string, string | undefined>): Configuration;
/** The add-in folder's name, `jixiao_<version>` (the package version by default). */
export function addinFolder(version?: string): string;
export function jspluginsXml(addinUrl: string, version: string): string;
export function publishHtml(addinUrl: string, version: string): string;
export class LowerToEs2018Plugin implements WebpackPluginInstance {
  constructor(minify: boolean);
  apply(compiler: import('webpack').Compiler): void;
}
