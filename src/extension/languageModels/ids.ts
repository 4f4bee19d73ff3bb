/** The ids VS Code knows us by: here, so registering needs none of the modules that do the work. */
export const LANGUAGE_MODEL_VENDOR = 'openrouter';
export const CHAT_PARTICIPANT_ID = 'openrouterChat.participant';
