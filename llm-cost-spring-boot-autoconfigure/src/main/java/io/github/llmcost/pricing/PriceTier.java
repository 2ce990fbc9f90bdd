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

package io.github.llmcost.pricing;

import org.springframework.util.Assert;

/**
 * Prices that apply to a whole call when its prompt tokens, cached or not, exceed a
 * threshold.
 *
 * @param aboveInputTokens the threshold: the tier applies to calls with more prompt
 * tokens than this
 * @param price the prices of the tier, per token, without tiers of their own
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record PriceTier(long aboveInputTokens, ModelPrice price) {

	/**
	 * Create a new {@link PriceTier}.
	 */
	public PriceTier {
		Assert.isTrue(aboveInputTokens > 0, () -> "Tier threshold must be positive, was " + aboveInputTokens);
		Assert.notNull(price, "price must not be null");
		Assert.isTrue(price.tiers().isEmpty(), "A tier's price must not have tiers of its own");
	}

	/**
	 * Return the name of this tier, as the {@code llm.pricing.tier} span attribute shows
	 * it, for example {@code above-200000}.
	 * @return the name
	 */
	public String name() {
		return "above-" + this.aboveInputTokens;
	}

}
