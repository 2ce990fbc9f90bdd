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

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
			String serviceTier, String systemFingerprint) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Choice(int index, Message message, @Nullable Object logprobs, String finishReason) {
	}

	record Message(String role, String content, @Nullable String refusal, List<Object> annotations) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChatCompletionChunk(String id, String object, long created, String model, String serviceTier,
			String systemFingerprint, List<ChunkChoice> choices, @Nullable Usage usage) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ChunkChoice(int index, Map<String, @Nullable Object> delta, @Nullable Object logprobs,
			@Nullable String finishReason) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Usage(int promptTokens, int completionTokens, int totalTokens, PromptTokensDetails promptTokensDetails,
			CompletionTokensDetails completionTokensDetails) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record PromptTokensDetails(int cachedTokens, int audioTokens) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record CompletionTokensDetails(int reasoningTokens, int audioTokens, int acceptedPredictionTokens,
			int rejectedPredictionTokens) {
	}

	record ErrorBody(Error error) {
	}

	record Error(String message, String type, String param, @Nullable String code) {
	}

}
