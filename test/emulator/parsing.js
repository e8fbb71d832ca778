'use strict';
/**
 * Request parameters the way the Bitrix24 server (PHP) reads them: query and form bodies with
 * parse_str() semantics (bracket notation, `+` as space, `.`/` ` in top-level names become `_`),
 * a JSON body only for the exact `application/json` content type, and GET/POST merged.
 */

const nextIndexCache = new WeakMap();

/** urldecode() that never throws: invalid %-sequences are kept as they are. */
function urldecode(text) {
	const s = text.replace(/\+/g, ' ');
	if (!s.includes('%')) return s;
	try {
		return decodeURIComponent(s);
	} catch {
		const bytes = [];
		for (let i = 0; i < s.length; i++) {
			const hex = s.slice(i + 1, i + 3);
			if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
				bytes.push(parseInt(hex, 16));
				i += 2;
			} else {
				for (const b of Buffer.from(s[i], 'utf8')) bytes.push(b);
			}
		}
		return Buffer.from(bytes).toString('utf8');
	}
}

function nextIndex(obj) {
	let next = nextIndexCache.get(obj);
	if (next === undefined) {
		next = 0;
		for (const k of Object.keys(obj)) if (/^-?\d+$/.test(k) && Number(k) >= next) next = Number(k) + 1;
	}
	return next;
}

/** Assigns `value` at the PHP bracket path `key` (`a[b][]`) inside `target`. */
function assignBracketKey(target, key, value) {
	const open = key.indexOf('[');
	let base = open < 0 ? key : key.slice(0, open);
	const segments = [];
	if (open >= 0) {
		let rest = key.slice(open);
		while (rest.startsWith('[')) {
			const close = rest.indexOf(']');
			if (close < 0) break;
			segments.push(rest.slice(1, close));
			rest = rest.slice(close + 1);
		}
		if (segments.length === 0) base = key.replace('[', '_'); // unmatched '[': PHP keeps it as a plain name
	}
	base = base.replace(/[ .]/g, '_');
	if (base === '') return;
	let container = target;
	let k = base;
	for (const seg of segments) {
		if (!container[k] || typeof container[k] !== 'object') container[k] = {};
		const child = container[k];
		const childKey = seg === '' ? String(nextIndex(child)) : seg;
		if (/^-?\d+$/.test(childKey)) nextIndexCache.set(child, Math.max(nextIndex(child), Number(childKey) + 1));
		container = child;
		k = childKey;
	}
	container[k] = value;
}

/** Turns objects whose keys are exactly 0..n-1 into arrays (how a PHP list looks in JS). */
function listify(value) {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	const keys = Object.keys(value);
	for (const k of keys) value[k] = listify(value[k]);
	if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => value[k]);
	return value;
}

/** PHP parse_str(): `a[b][0]=x&a[]=y` into nested objects (lists become arrays). */
function parseStr(text, target = {}) {
	if (!text) return target;
	for (const pair of String(text).split('&')) {
		if (!pair) continue;
		const eq = pair.indexOf('=');
		const rawKey = eq < 0 ? pair : pair.slice(0, eq);
		const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
		assignBracketKey(target, urldecode(rawKey), urldecode(rawValue));
	}
	for (const k of Object.keys(target)) target[k] = listify(target[k]);
	return target;
}

/** Minimal multipart/form-data reader: text fields by bracket name, files as {filename,size,contentType}. */
function parseMultipart(buffer, boundary, target) {
	const delimiter = Buffer.from('--' + boundary);
	let pos = buffer.indexOf(delimiter);
	while (pos >= 0) {
		const start = pos + delimiter.length;
		if (buffer.slice(start, start + 2).toString() === '--') break;
		const headerEnd = buffer.indexOf('\r\n\r\n', start);
		if (headerEnd < 0) break;
		const next = buffer.indexOf(delimiter, headerEnd);
		if (next < 0) break;
		const headers = buffer.slice(start, headerEnd).toString('utf8');
		const content = buffer.slice(headerEnd + 4, next - 2); // strip the CRLF before the delimiter
		const name = /name="([^"]*)"/i.exec(headers);
		const filename = /filename="([^"]*)"/i.exec(headers);
		const type = /content-type:\s*([^\r\n]+)/i.exec(headers);
		if (name) {
			const value = filename
				? { filename: filename[1], size: content.length, contentType: type ? type[1] : 'application/octet-stream' }
				: content.toString('utf8');
			assignBracketKey(target, name[1], value);
		}
		pos = next;
	}
	for (const k of Object.keys(target)) target[k] = listify(target[k]);
	return target;
}

/** The media type without parameters, lower-cased: 'application/json; charset=utf-8' -> 'application/json'. */
function mediaType(contentType) {
	return String(contentType || '').split(';')[0].trim().toLowerCase();
}

/**
 * Parameters of a request like CRestUtil::getRequestData: the query, then the body on top of it.
 * Invalid JSON gives no body parameters (no error), like Json::decode failing on the server.
 */
function parseRequestParams(search, body, contentType) {
	const params = parseStr(search.startsWith('?') ? search.slice(1) : search);
	if (!body || body.length === 0) return params;
	const type = mediaType(contentType);
	let fromBody = {};
	if (type === 'application/json') {
		try {
			const parsed = JSON.parse(body.toString('utf8'));
			if (parsed && typeof parsed === 'object') fromBody = Array.isArray(parsed) ? Object.assign({}, parsed) : parsed;
		} catch {
			fromBody = {};
		}
	} else if (type === 'multipart/form-data') {
		const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(contentType));
		if (boundary) parseMultipart(body, (boundary[1] || boundary[2]).trim(), fromBody);
	} else {
		parseStr(body.toString('utf8'), fromBody);
	}
	return Object.assign(params, fromBody);
}

/** array_change_key_case(..., CASE_UPPER) on the top level. */
function upperKeys(params) {
	const out = {};
	for (const [k, v] of Object.entries(params)) out[k.toUpperCase()] = v;
	return out;
}

module.exports = { parseStr, parseRequestParams, upperKeys, urldecode, mediaType };
