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

import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceTier;
import io.github.llmcost.usage.TokenUsage;

import org.springframework.util.Assert;

/**
 * Computes the cost of a model call from its normalized usage and its model's price.
 * Every amount is an exact {@link BigDecimal} product: nothing is rounded. A price tier
 * applies to the whole call when the call's prompt tokens, cached or not, exceed its
 * threshold.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LlmCostCalculator {

	private final Currency currency;

	/**
	 * Create a calculator for prices in the given currency.
	 * @param currency the currency of every price
	 */
	public LlmCostCalculator(Currency currency) {
		Assert.notNull(currency, "currency must not be null");
		this.currency = currency;
	}

	/**
	 * Return the currency of the costs this calculator computes.
	 * @return the currency
	 */
	public Currency getCurrency() {
		return this.currency;
	}

	/**
	 * Compute the cost of one call.
	 * @param usage the tokens of the call
	 * @param price the prices of its model, per token
	 * @return the cost, per bucket
	 */
	public LlmCost calculate(TokenUsage usage, ModelPrice price) {
		PriceTier tier = price.tierFor(usage.promptTokens());
		ModelPrice applied = (tier != null) ? tier.price() : price;
		return new LlmCost(this.currency, times(usage.input(), applied.input()),
				times(usage.cachedInput(), applied.cachedInput()), cacheWrites(usage, applied),
				times(usage.output(), applied.output()), times(usage.reasoning(), applied.reasoning()),
				applied.perRequest(), (tier != null) ? tier.name() : LlmCost.BASE_TIER);
	}

	private static BigDecimal cacheWrites(TokenUsage usage, ModelPrice price) {
		return times(usage.cacheWrite() - usage.cacheWrite1h(), price.cacheWrite())
			.add(times(usage.cacheWrite1h(), price.cacheWrite1h()));
	}

	private static BigDecimal times(long tokens, BigDecimal pricePerToken) {
		return (tokens != 0) ? pricePerToken.multiply(BigDecimal.valueOf(tokens)) : BigDecimal.ZERO;
	}

}
