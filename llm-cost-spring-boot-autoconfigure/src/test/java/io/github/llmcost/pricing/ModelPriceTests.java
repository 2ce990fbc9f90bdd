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

import java.math.BigDecimal;

import io.github.llmcost.billing.BillingDimension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ModelPrice}.
 *
 * @author llm-cost contributors
 */
class ModelPriceTests {

	@Test
	void builderShouldConvertPricesPerMillionTokensToPricesPerToken() {
		ModelPrice price = ModelPrice.builder()
			.input(new BigDecimal("2.50"))
			.output(new BigDecimal("10.00"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
			.price(BillingDimension.CACHE_WRITE, new BigDecimal("3.75"))
			.price(BillingDimension.REASONING, new BigDecimal("12"))
			.price(BillingDimension.REQUEST, new BigDecimal("0.01"))
			.build();
		assertThat(price.get(BillingDimension.INPUT)).isEqualByComparingTo("0.0000025");
		assertThat(price.get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.00001");
		assertThat(price.get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.00000125");
		assertThat(price.get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.00000375");
		assertThat(price.get(BillingDimension.REASONING)).isEqualByComparingTo("0.000012");
		assertThat(price.get(BillingDimension.REQUEST)).isEqualByComparingTo("0.01");
	}

	@Test
	void builderShouldDefaultCacheToInputAndReasoningToOutputAndFeeToZero() {
		ModelPrice price = ModelPrice.builder().perTokens(1000).input(BigDecimal.ONE).output(BigDecimal.TEN).build();
		assertThat(price.get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.001");
		assertThat(price.get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.001");
		assertThat(price.get(BillingDimension.REASONING)).isEqualByComparingTo("0.01");
		assertThat(price.get(BillingDimension.REQUEST)).isEqualByComparingTo("0");
	}

	@Test
	void builderShouldRequireInputAndOutput() {
		assertThatIllegalStateException().isThrownBy(() -> ModelPrice.builder().output(BigDecimal.ONE).build())
			.withMessage("Input price must be set");
		assertThatIllegalStateException().isThrownBy(() -> ModelPrice.builder().input(BigDecimal.ONE).build())
			.withMessage("Output price must be set");
	}

	@Test
	void shouldRejectNegativePrice() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModelPrice.builder().input(new BigDecimal("-1")).output(BigDecimal.ONE).build())
			.withMessageContaining("input price must not be negative");
	}

	@Test
	void tiersShouldInheritPricesSetOnTheBaseAndDefaultOthersToTheirOwnInputAndOutput() {
		ModelPrice price = ModelPrice.builder()
			.input(new BigDecimal("3"))
			.output(new BigDecimal("15"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("0.30"))
			.tier(200_000, (tier) -> tier.input(new BigDecimal("6")).output(new BigDecimal("22.50")))
			.build();
		PriceTier tier = price.tierFor(200_001);
		assertThat(tier.name()).isEqualTo("above-200000");
		assertThat(tier.price().get(BillingDimension.INPUT)).isEqualByComparingTo("0.000006");
		assertThat(tier.price().get(BillingDimension.OUTPUT)).isEqualByComparingTo("0.0000225");
		assertThat(tier.price().get(BillingDimension.CACHED_INPUT)).isEqualByComparingTo("0.0000003");
		// set on neither tier nor base: the tier's own input and output prices
		assertThat(tier.price().get(BillingDimension.CACHE_WRITE)).isEqualByComparingTo("0.000006");
		assertThat(tier.price().get(BillingDimension.REASONING)).isEqualByComparingTo("0.0000225");
	}

	@Test
	void tierForShouldPickTheHighestThresholdBelowThePrompt() {
		ModelPrice price = ModelPrice.builder()
			.input(BigDecimal.ONE)
			.output(BigDecimal.ONE)
			.tier(272_000, (tier) -> tier.input(BigDecimal.TEN))
			.tier(128_000, (tier) -> tier.input(BigDecimal.valueOf(2)))
			.build();
		assertThat(price.tiers()).extracting(PriceTier::aboveInputTokens).containsExactly(128_000L, 272_000L);
		assertThat(price.tierFor(128_000)).isNull();
		assertThat(price.tierFor(128_001).aboveInputTokens()).isEqualTo(128_000);
		assertThat(price.tierFor(272_000).aboveInputTokens()).isEqualTo(128_000);
		assertThat(price.tierFor(1_000_000).aboveInputTokens()).isEqualTo(272_000);
	}

	@Test
	void shouldRejectTiersWithTheSameThreshold() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModelPrice.builder()
				.input(BigDecimal.ONE)
				.output(BigDecimal.ONE)
				.tier(200_000, (tier) -> tier.input(BigDecimal.TEN))
				.tier(200_000, (tier) -> tier.input(BigDecimal.valueOf(2)))
				.build())
			.withMessage("Two tiers have the same threshold of 200000 input tokens");
	}

	@Test
	void shouldRejectNonPositiveTierThreshold() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ModelPrice.builder()
				.input(BigDecimal.ONE)
				.output(BigDecimal.ONE)
				.tier(0, (tier) -> tier.input(BigDecimal.TEN))
				.build())
			.withMessage("Tier threshold must be positive, was 0");
	}

	@Test
	void shouldRejectNonPositivePerTokens() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.builder().perTokens(0))
			.withMessage("perTokens must be positive, was 0");
	}

}
