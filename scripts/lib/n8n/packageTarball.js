'use strict';
/*
 * The package as users get it: `npm pack` makes the tarball npm publishes, and installTarball() puts it into an n8n
 * user folder the way n8n's Community Nodes install does (community-packages.service.js downloadPackage: the tarball
 * unpacked into <userFolder>/.n8n/nodes/node_modules/<name>, devDependencies, peerDependencies and
 * optionalDependencies dropped from its package.json, the package recorded in nodes/package.json). n8n then runs
 * `npm install` in the package for its runtime dependencies; a verified package has none, so a package with some is
 * refused here instead. Whatever `files` in package.json leaves out is missing in n8n, as it would be for users.
 */

const fs = require('fs');
const os = require('os');
const path = require('path');
const { run, tail } = require('./processes');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function npmPackJson(packageDir, args) {
	const r = await run('npm', ['pack', '--json', '--ignore-scripts', ...args], {
		cwd: packageDir,
		env: { ...process.env, npm_config_update_notifier: 'false' },
		timeoutMs: 5 * 60 * 1000,
	});
	if (r.code !== 0) throw new Error(`npm pack in ${packageDir} failed (exit ${r.code}):\n${tail(r.stderr + r.stdout)}`);
	const [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	return packed;
}

/** What `npm pack` would put into the tarball: { name, version, files: [path, ...] } (`npm pack --dry-run --json`). */
async function packedFiles(packageDir = REPO_ROOT) {
	const packed = await npmPackJson(packageDir, ['--dry-run']);
	return { name: packed.name, version: packed.version, files: packed.files.map((f) => f.path).sort() };
}

/** Packs the package into destDir: { tarball, name, version, files }. */
async function packPackage(packageDir = REPO_ROOT, destDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-pack-'))) {
	fs.mkdirSync(destDir, { recursive: true });
	const packed = await npmPackJson(packageDir, ['--pack-destination', destDir]);
	return {
		tarball: path.join(destDir, packed.filename),
		name: packed.name,
		version: packed.version,
		files: packed.files.map((f) => f.path).sort(),
	};
}

/** Unpacks a tarball's package/ folder into dir (as n8n does: tar --strip-components=1). */
async function unpackTarball(tarball, dir) {
	fs.mkdirSync(dir, { recursive: true });
	const r = await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { timeoutMs: 60 * 1000 });
	if (r.code !== 0) throw new Error(`tar -xzf ${tarball} failed (exit ${r.code}):\n${r.stderr}`);
	return dir;
}

/** Installs a packed tarball into an n8n folder (<userFolder>/.n8n) as Community Nodes would; returns the package's name. */
async function installTarball(tarball, n8nDir) {
	const nodesDir = path.join(n8nDir, 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const staging = fs.mkdtempSync(path.join(nodesDir, 'unpacked-'));
	await unpackTarball(tarball, staging);
	const packageJsonPath = path.join(staging, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
	if (Object.keys(packageJson.dependencies || {}).length > 0) {
		throw new Error(`${packageJson.name} has runtime dependencies (${Object.keys(packageJson.dependencies).join(', ')}): n8n would install them, and verified packages may have none`);
	}
	fs.writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2), 'utf-8');
	const target = path.join(nodesDir, 'node_modules', packageJson.name);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.renameSync(staging, target);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [packageJson.name]: packageJson.version } }, null, 2),
	);
	return packageJson.name;
}

module.exports = { packedFiles, packPackage, unpackTarball, installTarball, REPO_ROOT };
