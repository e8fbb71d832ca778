'use strict';
/** File bytes as the server reads them: base64 values (CRestUtil::saveFile), image sizes, extensions and MIME types. */
const { toList } = require('../errors');

const MIME = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', txt: 'text/plain',
	pdf: 'application/pdf', json: 'application/json', csv: 'text/csv' };

/** PNG / JPEG / GIF by magic bytes, with the pixel size; null for anything else. */
function imageInfo(buf) {
	if (!buf || buf.length < 10) return null;
	if (buf.length >= 24 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
		return { type: 'png', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
	}
	const head = buf.subarray(0, 6).toString('latin1');
	if (head === 'GIF87a' || head === 'GIF89a') return { type: 'gif', width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) };
	if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) {
		let i = 2;
		while (i + 9 < buf.length) {
			if (buf[i] !== 0xff) {
				i++;
				continue;
			}
			const marker = buf[i + 1];
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
				return { type: 'jpeg', width: buf.readUInt16BE(i + 7), height: buf.readUInt16BE(i + 5) };
			}
			i += 2 + buf.readUInt16BE(i + 2);
		}
		return { type: 'jpeg', width: 0, height: 0 };
	}
	return null;
}

/** Strict base64 (a data: URL prefix allowed) -> Buffer, or null when it is not base64 or decodes to nothing. */
function decodeBase64(text) {
	if (typeof text !== 'string') return null;
	const body = text.replace(/^data:[^;,]*;base64,/i, '').replace(/\s+/g, '');
	if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 === 1) return null;
	const buf = Buffer.from(body, 'base64');
	return buf.length ? buf : null;
}

/** A CRestUtil::saveFile value: [name, base64] (list or {0,1} map) or a bare base64 string -> { name, buf } or null. */
function restFile(value) {
	const list = toList(value);
	if (list) return list.length >= 2 ? { name: String(list[0] || ''), buf: decodeBase64(list[1]) } : null;
	if (typeof value === 'string') return { name: '', buf: decodeBase64(value) };
	return null;
}

function extensionOf(name) {
	const m = /\.([A-Za-z0-9]+)$/.exec(name);
	return m ? m[1].toLowerCase() : '';
}

module.exports = { MIME, imageInfo, decodeBase64, restFile, extensionOf };
