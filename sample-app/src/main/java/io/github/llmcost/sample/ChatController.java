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

package io.github.llmcost.sample;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.attribution.LlmCostTags;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.usage.TokenUsage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small chat API: {@code POST /chat} answers with the reply, and the tokens and cost of
 * that call; {@code POST /chat/stream} streams the reply as server-sent events. Each call
 * is attributed to the feature and user of the request.
 *
 * @author llm-cost contributors
 */
@RestController
class ChatController {

	private static final String DEFAULT_FEATURE = "chat";

	private static final String DEFAULT_USER = "anonymous";

	private final ChatClient chatClient;

	ChatController(ChatClient chatClient) {
		this.chatClient = chatClient;
	}

	@PostMapping("/chat")
	ChatReply chat(@RequestBody ChatRequest request) {
		ChatClientResponse response = prompt(request).call().chatClientResponse();
		ChatResponse chatResponse = response.chatResponse();
		Generation result = (chatResponse != null) ? chatResponse.getResult() : null;
		String reply = (result != null) ? result.getOutput().getText() : null;
		TokenUsage usage = (TokenUsage) response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY);
		LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
		return new ChatReply((reply != null) ? reply : "", model(chatResponse, request), Tokens.of(usage),
				Cost.of(cost));
	}

	@PostMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@RequestBody ChatRequest request) {
		return prompt(request).stream().chatResponse().flatMapIterable((chatResponse) -> events(chatResponse, request));
	}

	private ChatClient.ChatClientRequestSpec prompt(ChatRequest request) {
		if (!StringUtils.hasText(request.message())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'message' must not be empty");
		}
		ChatClient.ChatClientRequestSpec prompt = this.chatClient.prompt()
			.user(request.message())
			.advisors(LlmCostTags.feature(orDefault(request.feature(), DEFAULT_FEATURE))
				.and("user", orDefault(request.user(), DEFAULT_USER)));
		if (StringUtils.hasText(request.model())) {
			prompt.options(ChatOptions.builder().model(request.model()));
		}
		return prompt;
	}

	private static List<ServerSentEvent<Object>> events(ChatResponse chatResponse, ChatRequest request) {
		Generation result = chatResponse.getResult();
		String text = (result != null) ? result.getOutput().getText() : null;
		if (StringUtils.hasLength(text)) {
			return List.of(ServerSentEvent.<Object>builder(new StreamText(text)).build());
		}
		// the usage comes in a trailing chunk with no text, after the last text chunk
		Usage usage = chatResponse.getMetadata().getUsage();
		if (usage != null && usage.getTotalTokens() != null && usage.getTotalTokens() > 0) {
			StreamUsage streamUsage = new StreamUsage(model(chatResponse, request), usage.getPromptTokens(),
					usage.getCompletionTokens());
			return List.of(ServerSentEvent.<Object>builder(streamUsage).event("usage").build());
		}
		return List.of();
	}

	private static String model(@Nullable ChatResponse chatResponse, ChatRequest request) {
		String model = (chatResponse != null) ? chatResponse.getMetadata().getModel() : null;
		return StringUtils.hasText(model) ? model : orDefault(request.model(), "unknown");
	}

	private static String orDefault(@Nullable String value, String defaultValue) {
		return StringUtils.hasText(value) ? value : defaultValue;
	}

	/**
	 * A chat request.
	 *
	 * @param message the user's message
	 * @param feature the feature making the call, a meter tag; {@code chat} if absent
	 * @param user the user the call serves, a span attribute; {@code anonymous} if absent
	 * @param model the model, if not the configured default
	 */
	record ChatRequest(@Nullable String message, @Nullable String feature, @Nullable String user,
			@Nullable String model) {
	}

	/**
	 * The answer to a chat request.
	 *
	 * @param reply the model's reply
	 * @param model the model that answered, as the provider names it
	 * @param tokens the tokens of the call, absent if the provider reported none
	 * @param cost the cost of the call, absent if its model has no price
	 */
	record ChatReply(String reply, String model, @Nullable Tokens tokens, @Nullable Cost cost) {
	}

	/**
	 * Tokens of one call, by billing dimension ({@code input}, {@code cachedInput},
	 * {@code cacheWrite}, {@code cacheWrite1h}, {@code output}, {@code reasoning}).
	 *
	 * @param byType the tokens of each dimension, keyed by its JSON name
	 */
	record Tokens(Map<String, Long> byType) {

		static @Nullable Tokens of(@Nullable TokenUsage usage) {
			if (usage == null) {
				return null;
			}
			Map<String, Long> byType = new LinkedHashMap<>();
			usage.asMap().forEach((dimension, tokens) -> byType.put(dimension.jsonName(), tokens));
			return new Tokens(byType);
		}

		long get(BillingDimension dimension) {
			return this.byType.getOrDefault(dimension.jsonName(), 0L);
		}

	}

	/**
	 * Cost of one call, by billing dimension.
	 *
	 * @param total the total cost
	 * @param currency the currency of every amount
	 * @param byType the cost of each dimension, keyed by its JSON name, such as
	 * {@code request} for the flat fee of the call
	 * @param tier the price tier applied
	 */
	record Cost(BigDecimal total, String currency, Map<String, BigDecimal> byType, String tier) {

		static @Nullable Cost of(@Nullable LlmCost cost) {
			if (cost == null) {
				return null;
			}
			Map<String, BigDecimal> byType = new LinkedHashMap<>();
			cost.asMap().forEach((dimension, amount) -> byType.put(dimension.jsonName(), amount));
			return new Cost(cost.total(), cost.currency().getCurrencyCode(), byType, cost.tier());
		}

		BigDecimal get(BillingDimension dimension) {
			return this.byType.getOrDefault(dimension.jsonName(), BigDecimal.ZERO);
		}

	}

	/**
	 * A piece of a streamed reply.
	 *
	 * @param text the text
	 */
	record StreamText(String text) {
	}

	/**
	 * The usage of a streamed call, as its provider reports it. Its cost is recorded in
	 * the meters when the stream completes.
	 *
	 * @param model the model that answered
	 * @param promptTokens all prompt tokens
	 * @param completionTokens all completion tokens
	 */
	record StreamUsage(String model, @Nullable Integer promptTokens, @Nullable Integer completionTokens) {
	}

}
