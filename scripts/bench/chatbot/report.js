'use strict';
/*
 * The chat bot benchmark's figures: per variant the answer times (median, p95, max), where the time goes (waiting for
 * the poll that reads the message, then n8n from that poll to the reply), the requests an idle bot spends per hour,
 * the issue's targets, and the section of bench-results.md that holds them (between the markers below, so the Mark
 * Unread benchmark keeps it when it rewrites the file, and this one keeps the rest).
 */

const START = '<!-- chatbot-latency:start -->';
const END = '<!-- chatbot-latency:end -->';

const TARGETS = { medianMs: 3000, p95Ms: 6000, idlePerHour: 720 };

const LABELS = {
	trigger: 'Bitrix24 Chatbot Trigger (long-running, polls every 2 s in a conversation, 6 s idle)',
	polling: 'poll on n8n\'s schedule at its shortest, every minute (the benchmark\'s poller)',
};

/** Nearest-rank percentile of numbers; null for none. */
function percentile(values, p) {
	if (values.length === 0) return null;
	const sorted = values.slice().sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sec = (ms) => (ms === null || ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);

/** Answer-time figures of messages (rows of conversation.js timings). */
function answerTimes(rows) {
	const answered = rows.filter((r) => r.replyAt !== null);
	const latency = answered.map((r) => r.replyAt - r.sentAt);
	const withPoll = answered.filter((r) => r.pollAt !== null);
	return {
		messages: rows.length,
		answered: answered.length,
		repeated: rows.filter((r) => r.replies > 1).length,
		medianMs: percentile(latency, 50),
		p95Ms: percentile(latency, 95),
		maxMs: latency.length ? Math.max(...latency) : null,
		waitMedianMs: percentile(withPoll.map((r) => r.pollAt - r.sentAt), 50),
		n8nMedianMs: percentile(withPoll.map((r) => r.replyAt - r.pollAt), 50),
	};
}

/** The figures of one variant's run. */
function summarize(run) {
	return {
		kind: run.kind,
		label: LABELS[run.kind],
		...answerTimes(run.rows),
		afterSilence: run.afterSilence.length ? answerTimes(run.afterSilence) : null,
		warmUpMs: run.warmUp && run.warmUp.replyAt !== null ? run.warmUp.replyAt - run.warmUp.sentAt : null,
		idle: run.idle,
	};
}

function checkTargets(trigger) {
	const pass = (ok) => (ok ? 'PASS' : 'FAIL');
	const all = trigger.answered === trigger.messages;
	return [
		{ name: `median answer time <= ${sec(TARGETS.medianMs)}`, measured: sec(trigger.medianMs), result: pass(all && trigger.medianMs <= TARGETS.medianMs) },
		{ name: `p95 answer time <= ${sec(TARGETS.p95Ms)}`, measured: sec(trigger.p95Ms), result: pass(all && trigger.p95Ms <= TARGETS.p95Ms) },
		{ name: `idle bot <= ${TARGETS.idlePerHour} requests per hour`, measured: `${Math.round(trigger.idle.perHour)} (${trigger.idle.requests} in ${trigger.idle.minutes} min)`, result: pass(trigger.idle.perHour <= TARGETS.idlePerHour) },
		{ name: 'every message answered exactly once', measured: `${trigger.answered} of ${trigger.messages} answered, ${trigger.repeated} answered twice`, result: pass(all && trigger.repeated === 0) },
	];
}

function table(header, rows) {
	return [`| ${header.join(' | ')} |`, `| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function markdownSection({ summaries, targets, settings, startedIso, machine, nodeVersion }) {
	const row = (label, t, idle) => [label, `${t.answered} / ${t.messages}${t.repeated ? `, ${t.repeated} twice` : ''}`, sec(t.medianMs), sec(t.p95Ms), sec(t.maxMs), sec(t.waitMedianMs), sec(t.n8nMedianMs), idle];
	const quiet = summaries.filter((s) => s.afterSilence);
	const variants = table(
		['trigger', 'answered', 'median', 'p95', 'max', 'waiting for the poll (median)', 'n8n, poll → reply (median)', 'idle requests per hour'],
		[
			...summaries.map((s) => row(s.label, s, `${Math.round(s.idle.perHour)}`)),
			...quiet.map((s) => row(`the same trigger, a message after ${settings.silenceMs / 1000} s of silence (${s.afterSilence.messages} messages, not in the ${settings.messages})`, s.afterSilence, '')),
		],
	);
	const goals = table(['target (Chatbot Trigger)', 'measured', 'result'], targets.map((t) => [t.name, t.measured, t.result]));
	return [
		START,
		'# Benchmark: how fast a chat bot answers (issue 14)',
		'',
		'Reproduce: `npm run bench -- --chatbot` (scripts/bench/chatbot/; about 35 minutes; `--help` lists its options). It does not rerun the Mark Unread benchmark above.',
		'',
		`Run of ${startedIso.slice(0, 16).replace('T', ' ')} UTC: n8n 2.41.1 (\`n8n start\`, the workflow published) on Node ${nodeVersion}, ${machine}. Emulator on the same machine: ${settings.latencyMs} ms latency, standard limit (burst 50, then 2 per s), a fresh emulator and n8n per variant.`,
		'',
		`- Workflow: trigger → Code (builds the answer, "Echo: <text>") → Bitrix24 Chatbot → Message → Send. A bot registered with the credential's token.`,
		`- ${settings.messages} messages to the bot from users 2 to 5 in turn, ${settings.minGapMs / 1000} to ${settings.maxGapMs / 1000} s apart (uniform, seed ${settings.seed}: the same schedule for both variants), after one warm-up message that is not counted (n8n starts its task runner for the first Code node; it took ${summaries.map((s) => `${sec(s.warmUpMs)} for the ${s.kind} variant`).join(', ')}).`,
		'- Answer time: from the message arriving at the portal to the bot\'s reply arriving at the portal, both on the emulator\'s clock. "Waiting for the poll": from the message to the first poll after it; "n8n": from that poll to the reply (the poll itself, n8n starting the execution, the Code node, the send).',
		`- Idle: ${settings.idleSettleMs / 1000} s after the last answer (the trigger leaves conversation mode a minute after the last event), the requests the trigger sent to the portal (imbot.v2.Event.get and Bot.get) during ${settings.idleMinutes} min, times ${60 / settings.idleMinutes}.`,
		'',
		variants,
		'',
		goals,
		'',
		'Where the time goes: the Chatbot Trigger polls every 2 s while a conversation goes on, so a message waits for the next poll about 1 s on average; then n8n takes the time in the "n8n" column to run the three nodes. A message after more than a minute of silence meets the idle interval (6 s): it waits about 3 s on average, up to 6 s (the last row). The poller on n8n\'s schedule cannot poll more often than once a minute, so its messages wait about 30 s.',
		'',
		'What it costs: in a conversation the trigger spends 0.5 requests per second (a quarter of the standard plan\'s 2 per second, from the same portal-wide limit as every other node); idle, 600 polls an hour plus a bot check every 10 minutes (606 an hour, under the 720 allowed, a tenth of the standard plan). The poller on n8n\'s schedule spends 60 an hour and answers about 30 s later.',
		END,
	].join('\n');
}

/** `text` (bench-results.md) with its chatbot section replaced by `section` (added at the end when it has none). */
function withSection(text, section) {
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start < 0 || end < start) return `${text.replace(/\s*$/, '')}\n\n${section}\n`;
	return `${text.slice(0, start)}${section}${text.slice(end + END.length)}`;
}

/** The chatbot section of an existing bench-results.md, or '' (the Mark Unread benchmark keeps it). */
function sectionOf(text) {
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	return start >= 0 && end > start ? text.slice(start, end + END.length) : '';
}

module.exports = { summarize, checkTargets, markdownSection, withSection, sectionOf, percentile, TARGETS };
