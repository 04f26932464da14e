import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKnownAdvisories, isBlocking, readAuditReport, readKnownAdvisories, readShippedPackages } from '../../scripts/audit';

// The shape npm 11 prints for `npm audit --json` (auditReportVersion 2), cut down to what is read.
const report = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    preact: {
      name: 'preact',
      severity: 'high',
      isDirect: true,
      via: [{ source: 1111, name: 'preact', title: 'Preact has JSON VNode Injection issue', severity: 'high', range: '>=10.26.5 <10.26.10' }],
      range: '10.26.5 - 10.26.9',
    },
    wrapper: { name: 'wrapper', severity: 'low', isDirect: false, via: ['inner'], range: '<2.0.0' },
  },
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 1, critical: 0, total: 2 } },
});

describe('readAuditReport', () => {
  it('lists each vulnerable package with its severity, advisory title and range', () => {
    expect(readAuditReport(report)).toEqual({
      kind: 'report',
      findings: [
        { packageName: 'preact', severity: 'high', title: 'Preact has JSON VNode Injection issue', range: '10.26.5 - 10.26.9', source: 'npm audit' },
        { packageName: 'wrapper', severity: 'low', title: 'through inner', range: '<2.0.0', source: 'npm audit' },
      ],
    });
  });

  it('reads a clean report as no findings', () => {
    expect(readAuditReport(JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} }))).toEqual({ kind: 'report', findings: [] });
  });

  it.each([
    ['the registry refusing the advisory service', JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } }), '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk'],
    ['a missing lockfile', JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }), 'ENOLOCK'],
    ['output that is not JSON', 'npm error audit endpoint returned an error', 'npm audit printed no JSON'],
    ['an answer with no report in it', '[]', 'npm audit printed no report'],
  ])('says the audit did not run on %s', (_, output, reason) => {
    expect(readAuditReport(output)).toEqual({ kind: 'not-run', reason });
  });
});

describe('readShippedPackages', () => {
  it('keeps installed packages that are not dev-only or optional (Node-only), nested copies included', () => {
    const lockfile = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'receipt-scanner', dependencies: { preact: '^10.27.0' } },
        'node_modules/preact': { version: '10.29.8' },
        'node_modules/vitest': { version: '4.1.12', dev: true },
        'node_modules/fsevents': { version: '2.3.3', devOptional: true },
        'node_modules/@napi-rs/canvas': { version: '0.1.100', optional: true },
        'node_modules/a/node_modules/preact': { version: '10.26.6' },
        'node_modules/@scope/name': { version: '1.0.0' },
      },
    });
    expect([...readShippedPackages(lockfile)]).toEqual([
      ['preact', ['10.29.8', '10.26.6']],
      ['@scope/name', ['1.0.0']],
    ]);
  });
});

describe('checkKnownAdvisories', () => {
  const advisories = [{ id: 'GHSA-36hm-qxxp-pg3m', packageName: 'preact', severity: 'high' as const, title: 'JSON VNode injection', vulnerable: '>=10.26.5 <10.26.10 || >=10.27.0 <10.27.3' }];

  it.each([
    ['10.26.5', true],
    ['10.26.9', true],
    ['10.26.10', false],
    ['10.27.2', true],
    ['10.27.3', false],
    ['10.29.8', false],
    ['10.27.0-beta.1', false],
  ])('preact %s is vulnerable: %s', (version, vulnerable) => {
    const findings = checkKnownAdvisories(new Map([['preact', [version]]]), advisories);
    expect(findings.map((finding) => finding.packageName)).toEqual(vulnerable ? [`preact@${version}`] : []);
    expect(findings.every(isBlocking)).toBe(true);
  });

  it('ignores packages that do not ship', () => {
    expect(checkKnownAdvisories(new Map([['ky', ['1.14.3']]]), advisories)).toEqual([]);
  });
});

describe('the project as it is', () => {
  const known = readKnownAdvisories(readFileSync(new URL('../../scripts/known-advisories.json', import.meta.url), 'utf8'));

  it('ships no version that a reviewed advisory names', () => {
    const shipped = readShippedPackages(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
    expect(known.advisories.length).toBeGreaterThan(0);
    expect(checkKnownAdvisories(shipped, known.advisories)).toEqual([]);
  });

  it('ships exactly the runtime packages the README names', () => {
    const shipped = readShippedPackages(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));
    expect([...shipped.keys()].sort()).toEqual(['idb', 'ky', 'pdfjs-dist', 'preact', 'webextension-polyfill']);
  });

  it('refuses an advisory without a valid version range', () => {
    const broken = JSON.stringify({ reviewed: '2026-11-24', advisories: [{ id: 'X', package: 'preact', severity: 'high', title: 't', vulnerable: 'not a range' }] });
    expect(() => readKnownAdvisories(broken)).toThrow('advisory 0 needs');
  });
});
