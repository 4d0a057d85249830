import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const COLOR_PROPERTY = /^(color|background(-color)?|border(-(top|right|bottom|left))?(-color)?|outline(-color)?|fill|stroke|box-shadow|text-decoration-color)$/;
const ALLOWED_WORDS = /^(transparent|none|inherit|currentColor|solid|dashed|dotted|\d+(\.\d+)?(px|em)?|,)$/;

describe('event detail webview assets', () => {
  it('themes the panel only with --vscode-* variables', () => {
    const css = read('media/eventDetail.css').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.ok(!/#[0-9a-f]{3,8}\b|\b(rgb|rgba|hsl|hsla|hwb|lab|lch|color)\(/i.test(css), 'no literal colours');
    assert.ok(!/url\(|@import/i.test(css), 'loads nothing');
    let declarations = 0;
    for (const [, property, value] of css.matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)) {
      if (!COLOR_PROPERTY.test(property)) continue;
      declarations++;
      let rest = value;
      while (/var\(--vscode-[A-Za-z0-9.-]+/.test(rest)) rest = rest.replace(/var\(--vscode-[A-Za-z0-9.-]+(?:,\s*([^()]*|[^()]*\([^()]*\)[^()]*))?\)/g, ' $1 ');
      for (const word of rest.split(/\s+/).filter(Boolean)) assert.match(word, ALLOWED_WORDS, `${property}: ${value}`);
    }
    assert.ok(declarations > 30, `checked ${declarations} colour declarations`);
  });

  it('ships codicons from the pinned package, referenced locally', () => {
    const manifest = JSON.parse(read('package.json')) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
    assert.match(manifest.devDependencies['@vscode/codicons'] ?? manifest.dependencies['@vscode/codicons'], /^\d+\.\d+\.\d+$/, 'an exact version');
    const builder = read('esbuild.mjs');
    assert.match(builder, /node_modules\/@vscode\/codicons\/dist\/\$\{file\}/);
    const ignore = read('.vscodeignore').split('\n');
    assert.ok(ignore.includes('!media/**'), 'media/ is packaged');
    const css = read('node_modules/@vscode/codicons/dist/codicon.css');
    for (const [, url] of css.matchAll(/url\("?([^")]+)"?\)/g)) assert.match(url, /^\.\/codicon\.ttf/, `local font: ${url}`);
  });

  it('keeps the webview script free of eval, inline handlers and remote content', () => {
    const dir = path.join(ROOT, 'src/webview/eventDetail');
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.ts'));
    assert.ok(files.length >= 4);
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.ok(!/\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]/.test(source), `${file}: no eval`);
      assert.ok(!/\.on[a-z]+\s*=|setAttribute\(\s*['"]on/i.test(source), `${file}: no inline handlers`);
      assert.ok(!/https?:\/\//.test(source), `${file}: no remote URLs`);
      assert.ok(!/from\s+['"](?!\.)/.test(source), `${file}: no packages, no UI framework`);
    }
  });
});
