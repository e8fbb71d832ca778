'use strict';
/*
 * The benchmark's settings: the emulator's latency and limit, the targets, the variants compared, and how
 * long each run is expected to take.
 */

const LATENCY_MS = 20;
const STANDARD_LIMIT = { burst: 50, drainPerSecond: 2 };
const SLOW_VARIANT_MAX_N = 1000; // (b) and (c) above this only with --full
const MEMORY_TARGET_MB = 100;
const OVERHEAD_TARGET_MS_PER_ITEM = 0.1;
const SPEEDUP_TARGET = 50;
const REQUEST_SLACK = 0.02;
const MEMORY_POLL_MS = 50;
// No rate limit anywhere (the node's custom limit), for (a)'s own processing cost.
const UNLIMITED = { rateLimit: 'custom', burst: 1e9, drainPerSecond: 1e6 };

const VARIANTS = {
	a: { label: '(a) this node, defaults (batching on)' },
	b: { label: '(b) this node, batching off' },
	c: { label: '(c) HTTP Request node, 1 item / 500 ms' },
	cRetry: { label: "(c') HTTP Request node, retry on fail (5 tries, 5 s)" },
};

function expectedSeconds(variant, n) {
	if (variant === 'b') return Math.max(0, n - 49) / 2 + n * 0.03;
	if (variant === 'c') return n * 0.5;
	if (variant === 'cRetry') return 30;
	if (variant === 'a') return Math.max(0, Math.ceil(n / 50) - 49) / 2 + 5;
	return 5;
}

module.exports = {
	LATENCY_MS,
	STANDARD_LIMIT,
	SLOW_VARIANT_MAX_N,
	MEMORY_TARGET_MB,
	OVERHEAD_TARGET_MS_PER_ITEM,
	SPEEDUP_TARGET,
	REQUEST_SLACK,
	MEMORY_POLL_MS,
	UNLIMITED,
	VARIANTS,
	expectedSeconds,
};
