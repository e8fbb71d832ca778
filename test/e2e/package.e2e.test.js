'use strict';
/*
 * The npm package holds what n8n loads and nothing else (`npm pack --dry-run --json`, after the suite's build): the
 * compiled nodes and credentials listed in package.json's "n8n" section, every file they require, their codex files
 * and icons; no sources, tests, source maps, declarations or build caches. The tarball the rest of the suite installs
 * into n8n (E2E_PACKAGE_TARBALL, see globalSetup.js) holds the same files.
 */
const fs = require('fs');
const path = require('path');
const { packedFiles, run } = require('../../scripts/lib/n8n');

const repoRoot = path.resolve(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const ALWAYS = ['LICENSE', 'README.md', 'package.json', packageJson.main];
const SHIPPED = /^dist\/(nodes|credentials)\/.+\.(js|node\.json|svg)$/;

/** What a compiled file require()s by relative path: the package-relative paths Node would try for each. */
function relativeRequires(file) {
	const source = fs.readFileSync(path.join(repoRoot, file), 'utf8');
	return [...source.matchAll(/require\(['"](\.{1,2}\/[^'"]+)['"]\)/g)].map(([, target]) => {
		const resolved = path.posix.join(path.posix.dirname(file), target);
		return { target, candidates: [resolved, `${resolved}.js`, `${resolved}.json`, `${resolved}/index.js`] };
	});
}

/** The icon files a node or credential class names (`file:` paths, relative to its compiled file). */
function iconFiles(file) {
	const exported = require(path.join(repoRoot, file));
	return Object.values(exported).flatMap((Class) => {
		const instance = new Class();
		const icon = instance.description ? instance.description.icon : instance.icon;
		const names = typeof icon === 'string' ? [icon] : Object.values(icon || {});
		return names.map((name) => path.posix.join(path.posix.dirname(file), name.replace(/^file:/, '')));
	});
}

describe('the npm package', () => {
	let files;

	beforeAll(async () => {
		({ files } = await packedFiles(repoRoot));
	});

	it('holds only the compiled nodes and credentials, their codex files and icons, and the usual package files', () => {
		const extra = files.filter((file) => !ALWAYS.includes(file) && !SHIPPED.test(file));
		expect(extra).toEqual([]);
		expect(files.filter((file) => /\.(ts|map|tsbuildinfo)$|^test\/|^scripts\//.test(file))).toEqual([]);
		for (const file of ALWAYS) expect(files).toContain(file);
	});

	it('holds every node and credential n8n loads, with codex files and icons', () => {
		const entries = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
		expect(entries.length).toBeGreaterThan(0);
		const needed = new Set(entries);
		for (const node of packageJson.n8n.nodes) needed.add(node.replace(/\.js$/, '.json'));
		for (const entry of entries) for (const icon of iconFiles(entry)) needed.add(icon);
		expect([...needed].filter((file) => !files.includes(file))).toEqual([]);
	});

	it('holds every file its compiled code requires', () => {
		const missing = files
			.filter((file) => file.endsWith('.js'))
			.flatMap((file) => relativeRequires(file).map(({ target, candidates }) => ({ file, target, candidates })))
			.filter(({ candidates }) => !candidates.some((candidate) => files.includes(candidate)))
			.map(({ file, target }) => `${file} requires ${target}`);
		expect(missing).toEqual([]);
	});

	it('has no runtime dependencies, n8n-workflow as its only peer, and the MIT licence', () => {
		expect(packageJson.dependencies).toBeUndefined();
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.license).toBe('MIT');
		expect(fs.readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	});

	it('is the same file list as the tarball the suite installs into n8n', async () => {
		const tarball = process.env.E2E_PACKAGE_TARBALL;
		expect(tarball).toBeTruthy();
		const listed = await run('tar', ['-tzf', tarball]);
		const inTarball = listed.stdout.split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, ''));
		expect(inTarball.sort()).toEqual(files);
	});
});
