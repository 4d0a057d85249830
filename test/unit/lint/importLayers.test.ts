import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

/** The repository root, from out/test/unit/lint (compiled) or test/unit/lint. */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../../..' : '../../..');

async function layerProblems(code: string, file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'layers/import-layers').map((m) => m.message);
}

describe('lint: imports only go down a layer (ESLint, the project\'s own config)', function () {
  this.timeout(60_000);

  it("fires on 'vscode' imported in src/sentry, src/source or src/model", async () => {
    for (const file of ['src/sentry/http/offender.ts', 'src/source/offender.ts', 'src/model/offender.ts']) {
      const problems = await layerProblems("import * as vscode from 'vscode';\nexport const x = vscode;\n", file);
      assert.equal(problems.length, 1, file);
      assert.match(problems[0], /must not import 'vscode'/);
    }
  });

  it('fires on an upward relative import, however it is spelled', async () => {
    const problems = await layerProblems(
      "import { untrustedText } from '../../views/untrustedText';\nimport { readConfig } from '../../config';\nexport const x = [untrustedText, readConfig];\n",
      'src/sentry/http/offender.ts',
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0], /src\/sentry must not import from src\/views/);
    assert.match(problems[1], /src\/sentry must not import from src\/config/);
    assert.deepEqual(await layerProblems("import { SentryStore } from '../model/store';\nexport const x = SentryStore;\n", 'src/sentry/offender.ts').then((p) => p.length), 1);
  });

  it('fires on src/auth importing src/views, and stays quiet on imports that go down', async () => {
    const upward = await layerProblems("import { untrustedText } from '../views/untrustedText';\nexport const x = untrustedText;\n", 'src/auth/offender.ts');
    assert.equal(upward.length, 1);
    assert.match(upward[0], /src\/auth must not import from src\/views/);
    const fine = [
      ["import { SentryStore } from '../model/store';\nimport * as vscode from 'vscode';\nexport const x = [SentryStore, vscode];\n", 'src/views/fine.ts'],
      ["import { parseEvent } from '../sentry/event/eventParser';\nexport const x = parseEvent;\n", 'src/model/fine.ts'],
      ["import { SentryClient } from '../sentry/api/client';\nexport const x = SentryClient;\n", 'src/auth/fine.ts'],
    ];
    for (const [code, file] of fine) assert.deepEqual(await layerProblems(code, file), [], file);
  });
});
