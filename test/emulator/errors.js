'use strict';
/** Errors a Bitrix24 REST handler raises, and the PHP-like value helpers every handler uses. */

class RestError extends Error {
	/**
	 * @param {string} code        the `error` field, e.g. 'DIALOG_ID_EMPTY'
	 * @param {string} description the `error_description` field
	 * @param {number} [status]    HTTP status (400 like RestException::STATUS_WRONG_REQUEST)
	 * @param {object} [extra]     extra top-level fields of the error body (e.g. `time`)
	 */
	constructor(code, description, status = 400, extra = undefined) {
		super(description);
		this.code = code;
		this.description = description;
		this.status = status;
		this.extra = extra;
	}

	body() {
		return Object.assign({ error: this.code, error_description: this.description }, this.extra || {});
	}
}

/** A handler result that carries list navigation (lifted to the top-level `next`/`total`). */
class NavResult {
	constructor(result, { next, total } = {}) {
		this.result = result;
		this.next = next;
		this.total = total;
	}
}

/** A handler result sent as raw bytes (a download) instead of the JSON envelope. */
class RawBody {
	constructor(buffer, contentType, name) {
		this.buffer = buffer;
		this.contentType = contentType;
		this.name = name;
	}
}

/** PHP intval(): numbers are truncated, strings read their leading integer, everything else is 0 or 1. */
function intval(value) {
	if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string') {
		const m = /^\s*([+-]?\d+)/.exec(value);
		return m ? parseInt(m[1], 10) : 0;
	}
	if (Array.isArray(value)) return value.length ? 1 : 0;
	if (value && typeof value === 'object') return Object.keys(value).length ? 1 : 0;
	return 0;
}

/** PHP (bool) cast: '' and '0' are false, the string 'false' is true. */
function phpBool(value) {
	if (typeof value === 'string') return value !== '' && value !== '0';
	if (Array.isArray(value)) return value.length > 0;
	if (value && typeof value === 'object') return Object.keys(value).length > 0;
	return Boolean(value);
}

/** A PHP array that came in as a list or as a map with integer keys, as a JS array of its values. */
function toList(value) {
	if (Array.isArray(value)) return value;
	if (value && typeof value === 'object') return Object.values(value);
	return null;
}

/** An associative PHP array as json_encode writes it: [] when empty, a list when keys are 0..n-1. */
function phpMap(obj) {
	const keys = Object.keys(obj);
	if (keys.length === 0) return [];
	if (keys.every((k, i) => k === String(i))) return keys.map((k) => obj[k]);
	return obj;
}

/** 'Y'/'N' flag reading with a default, case-insensitive. */
function yn(value, defaultValue) {
	if (value === undefined || value === null || value === '') return defaultValue;
	if (typeof value === 'boolean') return value;
	return String(value).toUpperCase() === 'Y';
}

/** Bitrix24-style ISO date with offset and no milliseconds: 2024-05-01T10:00:00+00:00 */
function isoDate(ms) {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

module.exports = { RestError, NavResult, RawBody, intval, phpBool, toList, phpMap, yn, isoDate };
