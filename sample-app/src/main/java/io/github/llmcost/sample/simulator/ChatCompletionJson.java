/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.sample.simulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON bodies of OpenAI's chat completions API that the simulator writes, field for
 * field as OpenAI sends them.
 *
 * @author llm-cost contributors
 */
final class ChatCompletionJson {

	private static final String SERVICE_TIER = "default";

	private static final String SYSTEM_FINGERPRINT = "fp_llmcost_simulator";

	private ChatCompletionJson() {
	}

	static ChatCompletion completion(String id, long created, OpenAiSimulator.Completion completion) {
		Message message = new Message("assistant", completion.reply(), null, List.of());
		return new ChatCompletion(id, "chat.completion", created, completion.model(),
				List.of(new Choice(0, message, null, "stop")), usage(completion), SERVICE_TIER, SYSTEM_FINGERPRINT);
	}

	static ChatCompletionChunk chunk(String id, long created, String model, Map<String, @Nullable Object> delta,
			@Nullable String finishReason) {
		return new ChatCompletionChunk(id, "chat.completion.chunk", created, model, SERVICE_TIER, SYSTEM_FINGERPRINT,
				List.of(new ChunkChoice(0, delta, null, finishReason)), null);
	}

	static ChatCompletionChunk usageChunk(String id, long created, OpenAiSimulator.Completion completion) {
		return new ChatCompletionChunk(id, "chat.completion.chunk", created, completion.model(), SERVICE_TIER,
				SYSTEM_FINGERPRINT, List.of(), usage(completion));
	}

	static ErrorBody error(String message, String param) {
		return new ErrorBody(new Error(message, "invalid_request_error", param, null));
	}

	private static Usage usage(OpenAiSimulator.Completion completion) {
		return new Usage(completion.promptTokens(), completion.completionTokens(),
				completion.promptTokens() + completion.completionTokens(),
				new PromptTokensDetails(completion.cachedTokens(), 0),
				new CompletionTokensDetails(completion.reasoningTokens(), 0, 0, 0));
	}

	/**
	 * A chat completion, the body of an answer that is not streamed.
	 *
	 * @param id the completion id
	 * @param object {@code chat.completion}
	 * @param created the creation time, in seconds since the epoch
	 * @param model the model that answered
	 * @param choices the one choice
	 * @param usage the usage
	 * @param serviceTier the service tier
	 * @param systemFingerprint the backend configuration
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
			String serviceTier, String systemFingerprint) {
	}

	/**
	 * The one choice of a chat completion.
	 *
	 * @param index the index of the choice
	 * @param message the message
	 * @param logprobs always {@code null}
	 * @param finishReason why the model stopped
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Choice(int index, Message message, @Nullable Object logprobs, String finishReason) {
	}

	/**
	 * The assistant message of a choice.
	 *
	 * @param role {@code assistant}
	 * @param content the text
	 * @param refusal always {@code null}
	 * @param annotations always empty
	 */
	record Message(String role, String content, @Nullable String refusal, List<Object> annotations) {
	}

	/**
	 * A chunk of a streamed chat completion, the data of one server-sent event.
	 *
	 * @param id the completion id
	 * @param object {@code chat.completion.chunk}
	 * @param created the creation time, in seconds since the epoch
	 * @param model the model that answered
	 * @param serviceTier the service tier
	 * @param systemFingerprint the backend configuration
	 * @param choices the one choice, or none in the usage chunk
	 * @param usage the usage in the trailing usage chunk, else {@code null}
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChatCompletionChunk(String id, String object, long created, String model, String serviceTier,
			String systemFingerprint, List<ChunkChoice> choices, @Nullable Usage usage) {
	}

	/**
	 * The one choice of a chunk, with the part of the message it adds.
	 *
	 * @param index the index of the choice
	 * @param delta the part of the message
	 * @param logprobs always {@code null}
	 * @param finishReason why the model stopped, in the last chunk
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChunkChoice(int index, Map<String, @Nullable Object> delta, @Nullable Object logprobs,
			@Nullable String finishReason) {
	}

	/**
	 * The usage of a completion: prompt tokens include cached tokens, completion tokens
	 * include reasoning tokens.
	 *
	 * @param promptTokens all prompt tokens
	 * @param completionTokens all completion tokens
	 * @param totalTokens prompt and completion tokens
	 * @param promptTokensDetails details of the prompt tokens
	 * @param completionTokensDetails details of the completion tokens
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Usage(int promptTokens, int completionTokens, int totalTokens, PromptTokensDetails promptTokensDetails,
			CompletionTokensDetails completionTokensDetails) {
	}

	/**
	 * Details of the prompt tokens.
	 *
	 * @param cachedTokens prompt tokens read from the cache
	 * @param audioTokens always 0
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record PromptTokensDetails(int cachedTokens, int audioTokens) {
	}

	/**
	 * Details of the completion tokens.
	 *
	 * @param reasoningTokens completion tokens spent on reasoning
	 * @param audioTokens always 0
	 * @param acceptedPredictionTokens always 0
	 * @param rejectedPredictionTokens always 0
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record CompletionTokensDetails(int reasoningTokens, int audioTokens, int acceptedPredictionTokens,
			int rejectedPredictionTokens) {
	}

	/**
	 * The body of an error response.
	 *
	 * @param error the error
	 */
	record ErrorBody(Error error) {
	}

	/**
	 * An error.
	 *
	 * @param message what is wrong
	 * @param type the kind of error
	 * @param param the request parameter at fault
	 * @param code always {@code null}
	 */
	record Error(String message, String type, String param, @Nullable String code) {
	}

}
