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
import java.util.Map;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.billing.BillingDimension.Unit;
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

	private static final BillingDimension[] DIMENSIONS = BillingDimension.values();

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
	 * Compute the cost of one call: the units of every dimension times their price, the
	 * tokens of each token dimension and one unit of each per-call dimension.
	 * @param usage the tokens of the call
	 * @param price the prices of its model, per token
	 * @return the cost, per dimension
	 */
	public LlmCost calculate(TokenUsage usage, ModelPrice price) {
		PriceTier tier = price.tierFor(usage.promptTokens());
		ModelPrice applied = (tier != null) ? tier.price() : price;
		BigDecimal[] amounts = new BigDecimal[DIMENSIONS.length];
		for (BillingDimension dimension : DIMENSIONS) {
			long units = (dimension.unit() == Unit.CALL) ? 1 : usage.get(dimension);
			amounts[dimension.ordinal()] = times(units, applied.get(dimension));
		}
		return LlmCost.of(this.currency, amounts, (tier != null) ? tier.name() : LlmCost.BASE_TIER);
	}

	/**
	 * Compute the cost of an image generation call: the per-image price times the number
	 * of images, plus the per-request fee, as the {@code request} cost.
	 * @param images the number of images generated
	 * @param price the prices of its model
	 * @return the cost
	 */
	public LlmCost calculateImages(int images, ModelPrice price) {
		BigDecimal fees = times(images, price.perImage()).add(price.get(BillingDimension.REQUEST));
		return LlmCost.of(this.currency, Map.of(BillingDimension.REQUEST, fees), LlmCost.BASE_TIER);
	}

	private static BigDecimal times(long units, BigDecimal pricePerUnit) {
		if (units == 0 || pricePerUnit.signum() == 0) {
			return BigDecimal.ZERO;
		}
		return (units == 1) ? pricePerUnit : pricePerUnit.multiply(BigDecimal.valueOf(units));
	}

}
