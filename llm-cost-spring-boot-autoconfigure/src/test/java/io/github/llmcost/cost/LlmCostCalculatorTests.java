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

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.testsupport.Usages;
import io.github.llmcost.usage.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmCostCalculator}.
 *
 * @author llm-cost contributors
 */
class LlmCostCalculatorTests {

	private static final Currency USD = Currency.getInstance("USD");

	private final LlmCostCalculator calculator = new LlmCostCalculator(USD);

	@Test
	void shouldPriceOpenAiCallWithCachedAndReasoningTokensExactly() {
		ModelPrice gpt4o = ModelPrice.builder()
			.input(new BigDecimal("2.50"))
			.output(new BigDecimal("10.00"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
			.build();
		// 1000 prompt tokens of which 400 cached; 500 completion tokens of which 100
		// reasoning
		LlmCost cost = this.calculator.calculate(Usages.tokens(600, 400, 0, 400, 100), gpt4o);
		assertThat(cost.get(BillingDimension.INPUT)).isEqualByComparingTo("0.0015");
		assertThat(cost.get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.0005");
		assertThat(cost.get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0");
		assertThat(cost.get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.004");
		assertThat(cost.get(BillingDimension.REASONING)).isEqualByComparingTo("0.001");
		assertThat(cost.get(BillingDimension.REQUEST)).isEqualByComparingTo("0");
		assertThat(cost.total()).isEqualByComparingTo("0.0070");
		assertThat(cost.currency()).isEqualTo(USD);
	}

	@Test
	void shouldPriceAnthropicCallWithCacheReadsAndWritesExactly() {
		ModelPrice sonnet = ModelPrice.builder()
			.input(new BigDecimal("3.00"))
			.output(new BigDecimal("15.00"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("0.30"))
			.price(BillingDimension.CACHE_WRITE, new BigDecimal("3.75"))
			.build();
		// input_tokens 200 (uncached), cache_read 3000, cache_creation 1000, output 400
		LlmCost cost = this.calculator.calculate(Usages.tokens(200, 3000, 1000, 400, 0), sonnet);
		assertThat(cost.get(BillingDimension.INPUT)).isEqualByComparingTo("0.0006");
		assertThat(cost.get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.0009");
		assertThat(cost.get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.00375");
		assertThat(cost.get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.006");
		assertThat(cost.total()).isEqualByComparingTo("0.01125");
	}

	@Test
	void shouldPriceCacheAndReasoningAtInputAndOutputPricesWhenUnset() {
		ModelPrice price = ModelPrice.builder().input(new BigDecimal("2.00")).output(new BigDecimal("8.00")).build();
		LlmCost cost = this.calculator.calculate(Usages.tokens(0, 1000, 1000, 0, 1000), price);
		assertThat(cost.get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.002");
		assertThat(cost.get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.002");
		assertThat(cost.get(BillingDimension.REASONING)).isEqualByComparingTo("0.008");
	}

	@Test
	void shouldPriceOneHourCacheWritesApart() {
		ModelPrice sonnet = ModelPrice.builder()
			.input(new BigDecimal("3.00"))
			.output(new BigDecimal("15.00"))
			.price(BillingDimension.CACHE_WRITE, new BigDecimal("3.75"))
			.price(BillingDimension.CACHE_WRITE_1H, new BigDecimal("6.00"))
			.build();
		// 1000 cache writes: 600 five-minute writes at 3.75 and 400 one-hour writes at
		// 6.00 per million
		TokenUsage usage = TokenUsage.builder()
			.tokens(BillingDimension.CACHE_WRITE, 600)
			.tokens(BillingDimension.CACHE_WRITE_1H, 400)
			.build();
		LlmCost cost = this.calculator.calculate(usage, sonnet);
		assertThat(cost.get(BillingDimension.CACHE_WRITE).add(cost.get(BillingDimension.CACHE_WRITE_1H)))
			.isEqualByComparingTo("0.00465");
		ModelPrice withoutOneHourPrice = ModelPrice.builder()
			.input(new BigDecimal("3.00"))
			.output(new BigDecimal("15.00"))
			.price(BillingDimension.CACHE_WRITE, new BigDecimal("3.75"))
			.build();
		LlmCost withoutOneHourCost = this.calculator.calculate(usage, withoutOneHourPrice);
		assertThat(withoutOneHourCost.get(BillingDimension.CACHE_WRITE)
			.add(withoutOneHourCost.get(BillingDimension.CACHE_WRITE_1H))).isEqualByComparingTo("0.00375");
	}

	@Test
	void shouldPricePerThousandTokens() {
		ModelPrice gpt35 = ModelPrice.builder()
			.perTokens(1000)
			.input(new BigDecimal("0.0015"))
			.output(new BigDecimal("0.002"))
			.build();
		LlmCost cost = this.calculator.calculate(Usages.tokens(1000, 0, 0, 500, 0), gpt35);
		assertThat(cost.total()).isEqualByComparingTo("0.0025");
	}

	@Test
	void shouldAddPerRequestFee() {
		ModelPrice price = ModelPrice.builder()
			.input(BigDecimal.ONE)
			.output(BigDecimal.ONE)
			.price(BillingDimension.REQUEST, new BigDecimal("0.03"))
			.build();
		LlmCost cost = this.calculator.calculate(Usages.tokens(1_000_000, 0, 0, 0, 0), price);
		assertThat(cost.get(BillingDimension.REQUEST)).isEqualByComparingTo("0.03");
		assertThat(cost.total()).isEqualByComparingTo("1.03");
	}

	@Test
	void shouldApplyTierToWholeCallWhenPromptExceedsItsThreshold() {
		ModelPrice sonnet = ModelPrice.builder()
			.input(new BigDecimal("3.00"))
			.output(new BigDecimal("15.00"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("0.30"))
			.tier(200_000, (tier) -> tier.input(new BigDecimal("6.00")).output(new BigDecimal("22.50")))
			.build();
		// 190000 uncached + 20000 cached = 210000 prompt tokens: above 200000
		LlmCost cost = this.calculator.calculate(Usages.tokens(190_000, 20_000, 0, 1000, 0), sonnet);
		assertThat(cost.tier()).isEqualTo("above-200000");
		assertThat(cost.get(BillingDimension.INPUT)).isEqualByComparingTo("1.14");
		assertThat(cost.get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.006");
		assertThat(cost.get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.0225");
		LlmCost base = this.calculator.calculate(Usages.tokens(190_000, 10_000, 0, 1000, 0), sonnet);
		assertThat(base.tier()).isEqualTo("base");
		assertThat(base.get(BillingDimension.INPUT)).isEqualByComparingTo("0.57");
	}

	@Test
	void shouldNotRoundTinyAmounts() {
		ModelPrice price = ModelPrice.builder().input(new BigDecimal("0.15")).output(new BigDecimal("0.60")).build();
		LlmCost cost = this.calculator.calculate(Usages.tokens(1, 0, 0, 1, 0), price);
		assertThat(cost.get(BillingDimension.INPUT)).isEqualByComparingTo("0.00000015");
		assertThat(cost.get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.0000006");
		assertThat(cost.total()).isEqualByComparingTo("0.00000075");
	}

	@Test
	void shouldSumManyCallsExactly() {
		ModelPrice price = ModelPrice.builder().input(new BigDecimal("0.15")).output(new BigDecimal("0.60")).build();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < 10_000; i++) {
			sum = sum.add(this.calculator.calculate(Usages.tokens(7, 0, 0, 3, 0), price).total());
		}
		// 10000 * (7 * 0.00000015 + 3 * 0.0000006) = 10000 * 0.00000285
		assertThat(sum).isEqualByComparingTo("0.0285");
	}

}
