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

package io.github.llmcost.advisor;

import java.util.List;

import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.usage.TokenUsage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;

/**
 * Advisor that gives the caller of a {@code ChatClient} call what the whole call cost: it
 * sits outside Spring AI's tool-calling loop ({@link #DEFAULT_ORDER}), gathers the rounds
 * that the {@link LlmCostAdvisor} inside the loop prices, and puts into the response
 * context the cost summed over every round ({@link LlmCostAdvisor#COST_CONTEXT_KEY}), the
 * summed usage ({@link LlmCostAdvisor#USAGE_CONTEXT_KEY}) and each round as a
 * {@link PricedCall} ({@link #ROUNDS_CONTEXT_KEY}). It prices and records nothing itself.
 * The auto-configuration adds it next to the {@link LlmCostAdvisor}; a stream passes
 * through it unchanged, each chunk carrying the context of its round.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LlmCostConversationAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Key of the rounds of a call, a {@code List<PricedCall>}, in the context of its
	 * {@code ChatClientResponse}.
	 */
	public static final String ROUNDS_CONTEXT_KEY = "llm-cost.rounds";

	/**
	 * Default order: just outside the tool-calling loop.
	 */
	public static final int DEFAULT_ORDER = ToolCallingAdvisor.DEFAULT_ORDER - 1;

	static final String CALL_ROUNDS_KEY = "llm-cost.call-rounds";

	@Override
	public String getName() {
		return "LlmCostConversationAdvisor";
	}

	@Override
	public int getOrder() {
		return DEFAULT_ORDER;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		if (rounds(request) != null) {
			// an outer conversation advisor gathers the rounds
			return chain.nextCall(request);
		}
		CallRounds rounds = new CallRounds();
		ChatClientResponse response = chain.nextCall(request.mutate().context(CALL_ROUNDS_KEY, rounds).build());
		List<PricedCall> priced = rounds.rounds();
		if (priced.isEmpty()) {
			return response;
		}
		ChatClientResponse.Builder builder = response.mutate().context(ROUNDS_CONTEXT_KEY, priced);
		TokenUsage usage = rounds.usage();
		if (usage != null) {
			builder.context(LlmCostAdvisor.USAGE_CONTEXT_KEY, usage);
		}
		LlmCost cost = rounds.cost();
		if (cost != null) {
			builder.context(LlmCostAdvisor.COST_CONTEXT_KEY, cost);
		}
		return builder.build();
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return chain.nextStream(request);
	}

	static @Nullable CallRounds rounds(ChatClientRequest request) {
		return (request.context().get(CALL_ROUNDS_KEY) instanceof CallRounds rounds) ? rounds : null;
	}

}
