/**
 * Audits what ships in the extension (the lockfile's packages not marked dev) and fails on a high or critical finding:
 * `npm audit --omit=dev` where the registry's advisory service answers, and always the advisories in known-advisories.json.
 * npm run audit [-- --require-online]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export interface Finding {
  packageName: string;
  severity: Severity;
  title: string;
  /** The vulnerable versions, as the advisory states them. */
  range: string;
  source: 'npm audit' | 'known advisories';
}

export interface KnownAdvisory {
  id: string;
  packageName: string;
  severity: Severity;
  title: string;
  vulnerable: string;
}

export type AuditOutcome = { kind: 'report'; findings: Finding[] } | { kind: 'not-run'; reason: string };

const SEVERITIES: readonly Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];
const isSeverity = (value: unknown): value is Severity => SEVERITIES.includes(value as Severity);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isBlocking = (finding: Finding): boolean => finding.severity === 'high' || finding.severity === 'critical';

/** Reads `npm audit --json`: its findings, or why the advisory service gave none (its answer is then an error object). */
export function readAuditReport(output: string): AuditOutcome {
  let report: unknown;
  try {
    report = JSON.parse(output);
  } catch {
    return { kind: 'not-run', reason: 'npm audit printed no JSON' };
  }
  if (!isRecord(report)) return { kind: 'not-run', reason: 'npm audit printed no report' };
  const vulnerabilities = report.vulnerabilities;
  if (!isRecord(vulnerabilities)) {
    const error = isRecord(report.error) ? report.error : {};
    const reason = [report.message, error.code, error.summary].find((part): part is string => typeof part === 'string' && part !== '');
    return { kind: 'not-run', reason: reason ?? 'npm audit gave no report' };
  }
  const findings = Object.values(vulnerabilities).flatMap((entry): Finding[] => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !isSeverity(entry.severity)) return [];
    // `via` names the advisories, or the packages through which one arrives.
    const advisory = Array.isArray(entry.via) ? entry.via.find(isRecord) : undefined;
    const title = typeof advisory?.title === 'string' ? advisory.title : `through ${(Array.isArray(entry.via) ? entry.via : []).filter((via) => typeof via === 'string').join(', ')}`;
    return [{ packageName: entry.name, severity: entry.severity, title, range: typeof entry.range === 'string' ? entry.range : '', source: 'npm audit' }];
  });
  return { kind: 'report', findings };
}

/** Every installed package not marked dev in a package-lock.json (v2 or v3), with its versions. */
export function readShippedPackages(lockfile: string): Map<string, string[]> {
  const lock: unknown = JSON.parse(lockfile);
  const packages = isRecord(lock) && isRecord(lock.packages) ? lock.packages : {};
  const shipped = new Map<string, string[]>();
  for (const [path, entry] of Object.entries(packages)) {
    // Optional packages are Node's only (pdfjs-dist's canvas for Node): the browser build never bundles them.
    if (path === '' || !isRecord(entry) || entry.dev === true || entry.devOptional === true || entry.optional === true || typeof entry.version !== 'string') continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    shipped.set(name, [...(shipped.get(name) ?? []), entry.version]);
  }
  return shipped;
}

/** The recorded advisories that a shipped version falls into. */
export function checkKnownAdvisories(shipped: ReadonlyMap<string, readonly string[]>, advisories: readonly KnownAdvisory[]): Finding[] {
  return advisories.flatMap((advisory) =>
    (shipped.get(advisory.packageName) ?? [])
      .filter((version) => semver.satisfies(version, advisory.vulnerable, { includePrerelease: true }))
      .map((version) => ({
        packageName: `${advisory.packageName}@${version}`,
        severity: advisory.severity,
        title: `${advisory.id}: ${advisory.title}`,
        range: advisory.vulnerable,
        source: 'known advisories' as const,
      })),
  );
}

export function readKnownAdvisories(json: string): { reviewed: string; advisories: KnownAdvisory[] } {
  const file: unknown = JSON.parse(json);
  if (!isRecord(file) || typeof file.reviewed !== 'string' || !Array.isArray(file.advisories)) throw new Error('known-advisories.json: expected { reviewed, advisories: [] }');
  const advisories = file.advisories.map((entry, index): KnownAdvisory => {
    const { id, package: packageName, severity, title, vulnerable } = isRecord(entry) ? entry : {};
    if (typeof id !== 'string' || typeof packageName !== 'string' || !isSeverity(severity) || typeof title !== 'string' || typeof vulnerable !== 'string' || semver.validRange(vulnerable) === null) {
      throw new Error(`known-advisories.json: advisory ${index} needs id, package, severity, title and a valid "vulnerable" range`);
    }
    return { id, packageName, severity, title, vulnerable };
  });
  return { reviewed: file.reviewed, advisories };
}

const formatFinding = (finding: Finding): string => `  ${finding.severity.padEnd(8)} ${finding.packageName}  ${finding.title}  [${finding.range}] (${finding.source})`;

function main(args: string[]): number {
  const shipped = readShippedPackages(readFileSync('package-lock.json', 'utf8'));
  const known = readKnownAdvisories(readFileSync(new URL('./known-advisories.json', import.meta.url), 'utf8'));
  const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const outcome = readAuditReport(audit.stdout ?? '');
  const findings = [...checkKnownAdvisories(shipped, known.advisories), ...(outcome.kind === 'report' ? outcome.findings : [])];

  console.log(`Shipped packages: ${[...shipped].map(([name, versions]) => `${name}@${versions.join('/')}`).join(', ')}`);
  if (outcome.kind === 'report') console.log('npm audit --omit=dev: the advisory service answered.');
  else console.warn(`npm audit --omit=dev could not run (${outcome.reason}); only the advisories reviewed by hand on ${known.reviewed} (${known.advisories.length}) were checked.`);
  for (const finding of findings) console.log(formatFinding(finding));
  const blocking = findings.filter(isBlocking);
  console.log(`audit: ${findings.length} findings, ${blocking.length} high or critical`);
  if (blocking.length > 0) return 1;
  return outcome.kind === 'not-run' && args.includes('--require-online') ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
