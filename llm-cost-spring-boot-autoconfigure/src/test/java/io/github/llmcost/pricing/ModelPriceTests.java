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
			.cachedInput(new BigDecimal("1.25"))
			.cacheWrite(new BigDecimal("3.75"))
			.reasoning(new BigDecimal("12"))
			.perRequest(new BigDecimal("0.01"))
			.build();
		assertThat(price.input()).isEqualByComparingTo("0.0000025");
		assertThat(price.output()).isEqualByComparingTo("0.00001");
		assertThat(price.cachedInput()).isEqualByComparingTo("0.00000125");
		assertThat(price.cacheWrite()).isEqualByComparingTo("0.00000375");
		assertThat(price.reasoning()).isEqualByComparingTo("0.000012");
		assertThat(price.perRequest()).isEqualByComparingTo("0.01");
	}

	@Test
	void builderShouldDefaultCacheToInputAndReasoningToOutputAndFeeToZero() {
		ModelPrice price = ModelPrice.builder().perTokens(1000).input(BigDecimal.ONE).output(BigDecimal.TEN).build();
		assertThat(price.cachedInput()).isEqualByComparingTo("0.001");
		assertThat(price.cacheWrite()).isEqualByComparingTo("0.001");
		assertThat(price.reasoning()).isEqualByComparingTo("0.01");
		assertThat(price.perRequest()).isEqualByComparingTo("0");
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
	void shouldRejectNonPositivePerTokens() {
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.builder().perTokens(0))
			.withMessage("perTokens must be positive, was 0");
	}

}
