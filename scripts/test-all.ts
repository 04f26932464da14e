/**
 * The README's test command: unit tests, then the end-to-end journeys in Chromium,
 * ending with one line that sums up both ("tests: N passed, N failed").
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

const resultsDir = '.test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir);

const suites = [
  { name: 'unit', command: ['npx', 'vitest', 'run'] },
  { name: 'e2e', command: ['npm', 'run', 'test:e2e', '--'] },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;
for (const suite of suites) {
  const outputFile = `${resultsDir}/${suite.name}.json`;
  const [program = 'npx', ...args] = suite.command;
  const run = spawnSync(program, [...args, '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`], { stdio: 'inherit' });
  if (run.status !== 0) exitCode = 1;
  try {
    const result = JSON.parse(readFileSync(outputFile, 'utf8')) as VitestJson;
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests;
  } catch {
    console.error(`The ${suite.name} tests produced no results.`);
    exitCode = 1;
  }
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exitCode);
