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

import java.util.ArrayList;
import java.util.List;

import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.usage.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * The model rounds of one {@code ChatClient} call, as the {@link LlmCostAdvisor} prices
 * them, gathered by the {@link LlmCostConversationAdvisor} that the call passed first.
 * Thread-safe.
 *
 * @author llm-cost contributors
 */
final class CallRounds {

	private final List<PricedCall> rounds = new ArrayList<>();

	synchronized void add(PricedCall round) {
		this.rounds.add(round);
	}

	synchronized List<PricedCall> rounds() {
		return List.copyOf(this.rounds);
	}

	/**
	 * Return the usage summed over the rounds that reported any.
	 * @return the usage, or {@code null} if no round reported usage
	 */
	synchronized @Nullable TokenUsage usage() {
		TokenUsage sum = null;
		for (PricedCall round : this.rounds) {
			TokenUsage usage = round.usage();
			if (usage != null) {
				sum = (sum != null) ? sum.plus(usage) : usage;
			}
		}
		return sum;
	}

	/**
	 * Return the cost summed over the priced rounds.
	 * @return the cost, or {@code null} if no round was priced
	 */
	synchronized @Nullable LlmCost cost() {
		LlmCost sum = null;
		for (PricedCall round : this.rounds) {
			LlmCost cost = round.cost();
			if (cost != null) {
				sum = (sum != null) ? sum.plus(cost) : cost;
			}
		}
		return sum;
	}

}
