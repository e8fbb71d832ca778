jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));

import { botLocator, everythingOut, json, TOKEN, useChatbotEmulator } from '../../../helpers/chatbotWorkflow';

const { emulator, run, registerBot, calls } = useChatbotEmulator();

const report = Buffer.from('quarterly report, version 1');
const item = { $binary: { data: { data: report.toString('base64'), fileName: 'report.txt', mimeType: 'text/plain' } } };

describe('File → Upload, Download', () => {
	it('uploads an input binary into the dialog as the bot and downloads it into a binary; the link never shows', async () => {
		const botId = await registerBot();
		const uploaded = await run([item], { resource: 'file', operation: 'upload', botId: botLocator(botId), dialogId: '2', binaryPropertyName: 'data', message: 'Here it is' });
		const [file] = json(uploaded.output);
		expect(file).toMatchObject({ fileName: 'report.txt', size: report.length, dialogId: '2' });
		expect(emulator().state.messages[file.messageId as number]).toMatchObject({ authorId: botId, text: 'Here it is' });

		const downloaded = await run([{}], { resource: 'file', operation: 'download', botId: botLocator(botId), fileId: String(file.fileId), binaryPropertyName: 'report' });
		expect(downloaded.error).toBeUndefined();
		const [out] = downloaded.output;
		expect(out.json).toEqual({ fileId: file.fileId, fileName: 'report.txt', mimeType: 'text/plain', size: report.length });
		expect(Buffer.from(String(out.binary?.report.data), 'base64')).toEqual(report);
		const everything = JSON.stringify(downloaded.output) + everythingOut(uploaded);
		expect(everything).not.toMatch(/download\.json|imbot%7C|imbot\|/);
		expect(everything).not.toContain(TOKEN);
		expect(calls('download')).toHaveLength(1);
	});

	it('a failed download names the method, never the one-time link', async () => {
		const botId = await registerBot();
		const file = json((await run([item], { resource: 'file', operation: 'upload', botId: botLocator(botId), dialogId: '2', binaryPropertyName: 'data' })).output)[0];
		emulator().injectFault('html500', { method: 'download' });
		const failed = await run([{}], { resource: 'file', operation: 'download', botId: botLocator(botId), fileId: String(file.fileId) });
		expect(failed.error?.message).toMatch(/^Bitrix24 imbot\.v2\.File\.download: .*\[INVALID_RESPONSE\]$/);
		expect(everythingOut(failed)).not.toMatch(/download\.json|imbot%7C|token=/);
		expect(calls('download')).toHaveLength(1);
	});

	it('never repeats an upload whose answer was lost', async () => {
		const botId = await registerBot();
		emulator().injectFault('resetAfterApply', { method: 'imbot.v2.File.upload' });
		const lost = await run([item], { resource: 'file', operation: 'upload', botId: botLocator(botId), dialogId: '2', binaryPropertyName: 'data' });
		expect(lost.error?.message).toMatch(/\[ECONNRESET\]$/);
		expect(calls('imbot.v2.File.upload')).toHaveLength(1);
		expect(Object.values(emulator().state.messages).filter((message) => message.authorId === botId)).toHaveLength(1);
	});
});
