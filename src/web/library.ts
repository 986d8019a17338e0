// The template library built in the page from the bundled seeds, once per page load.
import { buildLibrary } from '../core/library';
import type { TemplateLibrary } from '../core/model';
import { bundledSeeds } from './seeds';

let cached: TemplateLibrary | null = null;

export function bundledLibrary(): TemplateLibrary {
  cached ??= buildLibrary(bundledSeeds());
  return cached;
}
