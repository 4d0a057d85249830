import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The event page's stylesheet and script from the extension's media folder. */
export interface PageAssets {
  style: string;
  script: string;
}

let cached: { root: string; assets: PageAssets } | undefined;

/** Read once, when the first panel opens (never at activation), then kept: about 20 KB. */
export function pageAssets(extensionPath: string): PageAssets {
  if (cached?.root !== extensionPath) {
    const media = (name: string) => readFileSync(path.join(extensionPath, 'media', name), 'utf8');
    cached = { root: extensionPath, assets: { style: media('eventDetail.css'), script: media('eventDetail.js') } };
  }
  return cached.assets;
}
