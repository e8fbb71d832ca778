'use strict';
/*
 * npm run scan  (= npm run build && node scripts/scan.js)
 *
 * n8n's community-package scanner (@n8n/scan-community-package, the check n8n runs before verifying a package) on
 * this package, offline. `npx @n8n/scan-community-package <name>` needs the registry and the npm provenance of a
 * published version; what it then runs are two legs of the scanner's exported analyzePackage(), with its own ESLint
 * rules: the sources its provenance points at (SOURCE_FILE_PATTERNS: package.json, nodes/ and credentials/) and the
 * published tarball (its compiled .js files and package.json). This runs the same two legs on this work tree and on
 * the tarball `npm pack` makes of it. Exit 0 when both pass (no errors; warnings are printed but do not fail).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { packPackage, unpackTarball } = require('./lib/n8n');

const REPO_ROOT = path.resolve(__dirname, '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

async function main() {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	try {
		const { tarball, files } = await packPackage(REPO_ROOT, work);
		const unpacked = await unpackTarball(tarball, path.join(work, 'package'));
		const legs = [
			{ name: `sources (${SOURCE_FILE_PATTERNS.join(', ')})`, dir: REPO_ROOT, patterns: SOURCE_FILE_PATTERNS },
			{ name: `packed tarball ${path.basename(tarball)}, ${files.length} files (${TARBALL_FILE_PATTERNS.join(', ')})`, dir: unpacked, patterns: TARBALL_FILE_PATTERNS },
		];
		let failed = 0;
		for (const leg of legs) {
			const result = await analyzePackage(leg.dir, leg.patterns);
			if (result.details) process.stdout.write(`${result.details.trim()}\n`);
			process.stdout.write(`scanner, ${leg.name}: ${result.passed ? '0 violations' : `FAILED: ${result.message}`}\n`);
			if (!result.passed) failed += 1;
		}
		process.stdout.write(`${legs.length - failed} passed, ${failed} failed\n`);
		process.exitCode = failed === 0 ? 0 : 1;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack || error}\n`);
	process.exitCode = 2;
});
