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

package io.github.llmcost.cost;

import java.math.BigDecimal;
import java.util.Currency;

import org.springframework.util.Assert;

/**
 * Cost of one model call, per bucket, in one currency. The token buckets are those of
 * {@link io.github.llmcost.usage.TokenUsage}; {@code request} is the flat per-call fee.
 *
 * @param currency the currency of every amount
 * @param input cost of uncached input tokens
 * @param cachedInput cost of input tokens read from the prompt cache
 * @param cacheWrite cost of input tokens written to the prompt cache
 * @param output cost of output tokens that are not reasoning tokens
 * @param reasoning cost of reasoning tokens
 * @param request the flat fee of the call
 * @param tier the price tier applied: {@value #BASE_TIER}, or the name of the
 * {@link io.github.llmcost.pricing.PriceTier} whose threshold the prompt exceeded
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record LlmCost(Currency currency, BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite,
		BigDecimal output, BigDecimal reasoning, BigDecimal request, String tier) {

	/**
	 * Name of the tier of a call priced at the base price.
	 */
	public static final String BASE_TIER = "base";

	/**
	 * Create a new {@link LlmCost}.
	 */
	public LlmCost {
		Assert.notNull(currency, "currency must not be null");
		Assert.noNullElements(new Object[] { input, cachedInput, cacheWrite, output, reasoning, request },
				"amounts must not be null");
		Assert.hasText(tier, "tier must not be empty");
	}

	/**
	 * Return the total cost of the call.
	 * @return the sum of every bucket and the flat fee
	 */
	public BigDecimal total() {
		return this.input.add(this.cachedInput)
			.add(this.cacheWrite)
			.add(this.output)
			.add(this.reasoning)
			.add(this.request);
	}

}
