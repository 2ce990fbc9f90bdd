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
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import io.github.llmcost.billing.BillingDimension;

import org.springframework.util.Assert;

/**
 * Cost of one model call (or of several, summed) by {@link BillingDimension billing
 * dimension}, in one currency. Immutable; every amount is exact.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LlmCost {

	/**
	 * Name of the tier of a call priced at the base price.
	 */
	public static final String BASE_TIER = "base";

	private static final BillingDimension[] DIMENSIONS = BillingDimension.values();

	private final Currency currency;

	// indexed by BillingDimension.ordinal(), as an EnumMap is
	private final BigDecimal[] amounts;

	private final BigDecimal total;

	private final String tier;

	private LlmCost(Currency currency, BigDecimal[] amounts, String tier) {
		Assert.notNull(currency, "currency must not be null");
		Assert.hasText(tier, "tier must not be empty");
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal amount : amounts) {
			Assert.notNull(amount, "amounts must not be null");
			// most dimensions of a call cost nothing: adding them would only allocate
			if (amount.signum() != 0) {
				total = (total.signum() != 0) ? total.add(amount) : amount;
			}
		}
		this.currency = currency;
		this.amounts = amounts;
		this.total = total;
		this.tier = tier;
	}

	/**
	 * Return a cost.
	 * @param currency the currency of every amount
	 * @param amounts the amounts by dimension; dimensions not in the map cost nothing
	 * @param tier the price tier applied: {@value #BASE_TIER}, or the name of the
	 * {@link io.github.llmcost.pricing.PriceTier} whose threshold the prompt exceeded
	 * @return the cost
	 */
	public static LlmCost of(Currency currency, Map<BillingDimension, BigDecimal> amounts, String tier) {
		BigDecimal[] array = zeros();
		amounts.forEach((dimension, amount) -> array[dimension.ordinal()] = amount);
		return new LlmCost(currency, array, tier);
	}

	/**
	 * Return a cost of nothing.
	 * @param currency the currency
	 * @return the cost, zero in every dimension
	 */
	public static LlmCost zero(Currency currency) {
		return new LlmCost(currency, zeros(), BASE_TIER);
	}

	static LlmCost of(Currency currency, BigDecimal[] amounts, String tier) {
		Assert.isTrue(amounts.length == DIMENSIONS.length, "an amount per dimension is needed");
		return new LlmCost(currency, amounts, tier);
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] zeros = new BigDecimal[DIMENSIONS.length];
		Arrays.fill(zeros, BigDecimal.ZERO);
		return zeros;
	}

	/**
	 * Return the currency of every amount.
	 * @return the currency
	 */
	public Currency currency() {
		return this.currency;
	}

	/**
	 * Return the cost of a dimension.
	 * @param dimension the dimension
	 * @return the cost, zero if the call had none of it
	 */
	public BigDecimal get(BillingDimension dimension) {
		return this.amounts[dimension.ordinal()];
	}

	/**
	 * Return the price tier applied.
	 * @return {@value #BASE_TIER}, or the name of the tier whose threshold the prompt
	 * exceeded
	 */
	public String tier() {
		return this.tier;
	}

	/**
	 * Return the total cost.
	 * @return the sum over every dimension
	 */
	public BigDecimal total() {
		return this.total;
	}

	/**
	 * Return the sum of this cost and another in the same currency, for example of the
	 * rounds of a tool-calling conversation. The tier is this cost's if both have the
	 * same, else that of the other.
	 * @param other the other cost
	 * @return the per-dimension sum
	 */
	public LlmCost plus(LlmCost other) {
		Assert.isTrue(this.currency.equals(other.currency),
				() -> "Cannot add costs in " + this.currency + " and " + other.currency);
		BigDecimal[] sum = new BigDecimal[DIMENSIONS.length];
		for (int i = 0; i < sum.length; i++) {
			sum[i] = this.amounts[i].add(other.amounts[i]);
		}
		return new LlmCost(this.currency, sum, other.tier);
	}

	/**
	 * Return the cost by dimension, every dimension included.
	 * @return a new map of the amounts, in dimension order
	 */
	public Map<BillingDimension, BigDecimal> asMap() {
		Map<BillingDimension, BigDecimal> map = new EnumMap<>(BillingDimension.class);
		for (BillingDimension dimension : DIMENSIONS) {
			map.put(dimension, get(dimension));
		}
		return map;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof LlmCost cost && this.currency.equals(cost.currency)
				&& Arrays.equals(this.amounts, cost.amounts) && this.tier.equals(cost.tier));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.currency, Arrays.hashCode(this.amounts), this.tier);
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "LlmCost[", "]");
		joiner.add("currency=" + this.currency);
		for (BillingDimension dimension : DIMENSIONS) {
			joiner.add(dimension.id() + "=" + get(dimension).toPlainString());
		}
		return joiner.add("tier=" + this.tier).add("total=" + this.total.toPlainString()).toString();
	}

}
