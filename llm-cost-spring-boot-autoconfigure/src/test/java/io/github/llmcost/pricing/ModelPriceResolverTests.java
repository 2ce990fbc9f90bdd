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
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ModelPriceResolver}.
 *
 * @author llm-cost contributors
 */
class ModelPriceResolverTests {

	private static final ModelPrice PRICE = ModelPrice.builder().input(BigDecimal.ONE).output(BigDecimal.TEN).build();

	private final Map<String, ResolvedPrice> prices = Map.of("deployment",
			new ResolvedPrice("deployment", "test", PRICE), "gpt-4o-2024-08-06",
			new ResolvedPrice("gpt-4o-2024-08-06", "test", PRICE));

	private final ModelPriceResolver resolver = this.prices::get;

	@Test
	void shouldPreferResponseModel() {
		assertThat(this.resolver.resolve("gpt-4o-2024-08-06", "deployment").entry()).isEqualTo("gpt-4o-2024-08-06");
	}

	@Test
	void shouldFallBackToRequestModel() {
		assertThat(this.resolver.resolve("unknown", "deployment").entry()).isEqualTo("deployment");
		assertThat(this.resolver.resolve(null, "deployment").entry()).isEqualTo("deployment");
	}

	@Test
	void shouldReturnNullWhenNeitherNameIsPriced() {
		assertThat(this.resolver.resolve("unknown", null)).isNull();
		assertThat(this.resolver.resolve(null, null)).isNull();
	}

}
