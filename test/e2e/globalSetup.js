'use strict';
/*
 * Jest globalSetup for the end-to-end suite: provision n8n (cached), build the package once and pack it once
 * (`npm pack` into .e2e-tmp/package/): every n8n instance of the suite installs that tarball, as Community Nodes
 * installs a published package (E2E_PACKAGE_TARBALL). Set E2E_SKIP_BUILD=1 to pack the existing dist/ as it is.
 */
const fs = require('fs');
const path = require('path');
const { ensureN8n, packPackage, run } = require('../../scripts/lib/n8n');

const repoRoot = path.resolve(__dirname, '..', '..');

module.exports = async function globalSetup() {
	const log = (s) => process.stderr.write(`${s}\n`);
	const t0 = Date.now();
	const { nodeBin, n8nBin, cacheDir } = await ensureN8n({ log });
	log(`[e2e] n8n ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (${cacheDir})`);

	if (process.env.E2E_SKIP_BUILD === '1') {
		log('[e2e] E2E_SKIP_BUILD=1: using the existing dist/');
	} else {
		const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
		if (!pkg.scripts || !pkg.scripts.build) {
			throw new Error('[e2e] package.json has no "build" script: the end-to-end tests need the built package (dist/).');
		}
		const t1 = Date.now();
		const env = { ...process.env };
		const r = await run('npm', ['run', 'build'], { cwd: repoRoot, env, timeoutMs: 10 * 60 * 1000 });
		if (r.code !== 0) {
			throw new Error(
				`[e2e] \`npm run build\` failed (exit ${r.code}), so the package cannot be loaded into n8n. ` +
					'Fix the build (is the node written yet?) or set E2E_SKIP_BUILD=1 to run against the existing dist/.\n' +
					`${r.stdout}\n${r.stderr}`.slice(-6000),
			);
		}
		log(`[e2e] npm run build done in ${((Date.now() - t1) / 1000).toFixed(1)}s`);
	}
	const packDir = path.join(repoRoot, '.e2e-tmp', 'package');
	fs.rmSync(packDir, { recursive: true, force: true });
	const { tarball, files } = await packPackage(repoRoot, packDir);
	log(`[e2e] packed ${path.relative(repoRoot, tarball)} (${files.length} files)`);
	process.env.E2E_PACKAGE_TARBALL = tarball;
	process.env.E2E_NODE_BIN = nodeBin;
	process.env.E2E_N8N_BIN = n8nBin;
};
