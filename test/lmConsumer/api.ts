/**
 * What the language-model consumer extension (a second, separate extension loaded by the
 * integration runners) exports to the suite. Every call goes through that extension's own
 * `vscode.lm`, so the suite sees exactly what any other extension would see.
 */
export const LM_CONSUMER_ID = 'openrouter-chat-tests.lm-consumer';

export interface ConsumerModel {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  readonly family: string;
  readonly version: string;
  readonly maxInputTokens: number;
}

export interface ConsumerToolCall {
  readonly callId: string;
  readonly name: string;
  readonly input: object;
}

export interface ConsumerError {
  readonly name: string;
  /** `LanguageModelError.code` when the error is one. */
  readonly code?: string;
  readonly message: string;
}

export interface ConsumerAnswer {
  /** Each text part as it arrived. */
  readonly textParts: string[];
  readonly toolCalls: ConsumerToolCall[];
  /** Parts that were neither text nor tool calls: `thinking` for the editor's thinking part, else `unknown`. */
  readonly otherParts: string[];
  readonly error?: ConsumerError;
}

export interface AskOptions {
  /** Offer one tool, `read_file(path)`. */
  readonly withTool?: boolean;
  /** Cancel the request's token as soon as the first text part arrived. */
  readonly cancelAfterFirstText?: boolean;
}

export interface LmConsumerApi {
  models(): Promise<ConsumerModel[]>;
  ask(modelId: string, prompt: string, options?: AskOptions): Promise<ConsumerAnswer>;
  countTokens(modelId: string, text: string): Promise<number>;
}
