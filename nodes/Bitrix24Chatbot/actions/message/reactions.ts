import type { ItemReader } from '../../../shared/operations';
import { singleCall } from '../../../shared/operations';
import { asBot, botField, done, messageIdField, optionOf } from '../common';

/** Bitrix24's reaction codes (chat-message-reaction-add.md; "may change without notice"). */
const REACTIONS = ('like dislike faceWithTearsOfJoy redHeart neutralFace fire cry slightlySmilingFace winkingFace laugh kiss '
	+ 'wonder slightlyFrowningFace loudlyCryingFace faceWithStuckOutTongue faceWithStuckOutTongueAndWinkingEye '
	+ 'smilingFaceWithSunglasses confusedFace flushedFace thinkingFace angry smilingFaceWithHorns faceWithThermometer '
	+ 'facepalm poo flexedBiceps clappingHands raisedHand smilingFaceWithHeartEyes smilingFaceWithHearts pleadingFace '
	+ 'relievedFace foldedHands okHand signHorns loveYouGesture clownFace partyingFace questionMark exclamationMark '
	+ 'lightBulb bomb sleepingSymbol crossMark whiteHeavyCheckMark eyes handshake hundredPoints')
	.split(' ')
	.map((value) => ({ name: value.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()), value }))
	.sort((a, b) => a.name.localeCompare(b.name));

const fields = [
	botField,
	messageIdField('The message to react to; the bot must be in its chat. A whole number greater than 0.'),
	{
		displayName: 'Reaction',
		name: 'reaction',
		type: 'options' as const,
		options: REACTIONS,
		default: 'like',
		description: 'The reaction, as Bitrix24 names it',
	},
];

const toParams = (read: ItemReader) =>
	asBot(read, { messageId: read.positiveInteger('messageId'), reaction: optionOf(read, 'reaction', REACTIONS) });

const shape = done((params) => ({ messageId: params.messageId, reaction: params.reaction }));

export const addReaction = singleCall({
	value: 'addReaction',
	name: 'Add Reaction',
	action: 'Add a reaction as the bot',
	description: 'React to a message as the bot. Not repeated after a lost answer (Bitrix24 would answer REACTION_ALREADY_SET).',
	method: 'imbot.v2.Chat.Message.Reaction.add',
	fields,
	toParams,
	shape,
	retrySafe: false,
});

export const removeReaction = singleCall({
	value: 'removeReaction',
	name: 'Remove Reaction',
	action: 'Remove a reaction of the bot',
	description: 'Take back the bot\'s reaction on a message',
	method: 'imbot.v2.Chat.Message.Reaction.delete',
	fields,
	toParams,
	shape,
	// Removing a reaction that is not there answers true: a repeat ends in the same state.
});
